package logic

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzApply feeds arbitrary JSON as logic and data to the evaluator without its recover
// guard: nothing may panic, and the logic compiled (Compile) answers as the logic written (`go test -fuzz FuzzApply ./internal/logic` to explore further;
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
		got, err := (&run{}).apply(Normalize(l), Normalize(d), 0)
		compiled, cerr := (&run{}).apply(Compile(Normalize(l)), Normalize(d), 0)
		if (err == nil) != (cerr == nil) || !sameJSON(got, compiled) {
			t.Errorf("compiled logic answers %v (%v), as written %v (%v)", compiled, cerr, got, err)
		}
		_ = Check(l)
	})
}

// sameJSON compares two answers as JSON.stringify would print them (NaN is never equal to
// itself, so values are compared by their JSON form).
func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(jsonForm(a))
	jb, errB := json.Marshal(jsonForm(b))
	return errA == nil && errB == nil && string(ja) == string(jb)
}
