package logic

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzApply feeds arbitrary JSON as logic and data to the evaluator without its recover
// guard: nothing may panic (`go test -fuzz FuzzApply ./internal/logic` to explore further;
// plain `go test` runs the corpus rules as seeds).
func FuzzApply(f *testing.F) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "schemas", "fixtures", "jsonlogic-js-cases.json"))
	if err != nil {
		f.Fatal(err)
	}
	var cases []any
	if err := json.Unmarshal(raw, &cases); err != nil {
		f.Fatal(err)
	}
	for _, c := range cases {
		if tc, ok := c.([]any); ok {
			rule, _ := json.Marshal(tc[0])
			data, _ := json.Marshal(tc[1])
			f.Add(string(rule), string(data))
		}
	}
	f.Fuzz(func(t *testing.T, rule, data string) {
		var l, d any
		if json.Unmarshal([]byte(rule), &l) != nil || json.Unmarshal([]byte(data), &d) != nil {
			return
		}
		_, _ = (&run{}).apply(Normalize(l), Normalize(d), 0)
		_ = Check(l)
	})
}
