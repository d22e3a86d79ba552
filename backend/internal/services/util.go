package services

import "encoding/json"

// decodeList reads a JSON list of strings (a json column), ignoring anything else.
func decodeList(raw string) []string {
	var out []string
	if json.Unmarshal([]byte(raw), &out) != nil {
		return nil
	}
	return out
}

// anyOf turns codes into the arguments of dbx.In.
func anyOf(codes []string) []any {
	out := make([]any, len(codes))
	for i, c := range codes {
		out[i] = c
	}
	return out
}
