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
