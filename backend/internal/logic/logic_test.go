package logic

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// jsonForm is what JSON.stringify makes of a result: NaN and ±Infinity become null.
func jsonForm(v any) any {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		if x == 0 {
			return 0.0 // -0 prints as 0
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonForm(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = jsonForm(e)
		}
		return out
	}
	return v
}

// TestJSONLogicJSCases runs the operator corpus whose expected values were produced by
// json-logic-js 2.0.5 (test/backend/logic.test.mjs re-checks them against it on every run).
func TestJSONLogicJSCases(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "schemas", "fixtures", "jsonlogic-js-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []any
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		tc, ok := c.([]any)
		if !ok {
			continue // a "# section" comment
		}
		n++
		rule, data, want := tc[0], tc[1], tc[2]
		ruleJSON, _ := json.Marshal(rule)
		dataJSON, _ := json.Marshal(data)
		// as written, and compiled as a rule pack's logic is (Compile): the same answer
		for _, form := range []string{"", " (compiled)"} {
			var got any
			var err error
			if form == "" {
				got, err = Apply(rule, data)
			} else {
				got, err = ApplyNormalized(Compile(Normalize(rule)), Normalize(data))
			}
			if m, ok := want.(map[string]any); ok && m["throws"] == true {
				if err == nil {
					t.Errorf("%s over %s%s: json-logic-js throws, we returned %v", ruleJSON, dataJSON, form, got)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s over %s%s: %v", ruleJSON, dataJSON, form, err)
				continue
			}
			if !reflect.DeepEqual(jsonForm(got), want) {
				t.Errorf("%s over %s%s: got %#v, json-logic-js gives %#v", ruleJSON, dataJSON, form, jsonForm(got), want)
			}
		}
	}
	if n < 300 {
		t.Fatalf("only %d cases read", n)
	}
}

func TestNeverPanics(t *testing.T) {
	for _, rule := range []string{
		`{"var":{"var":{"var":"x"}}}`, `{"substr":[]}`, `{"reduce":[[1,2],{"var":"current.x.y"}]}`,
		`{"missing_some":[1,"a"]}`, `{"in":[]}`, `{"max":[[[]]]}`, `{"-":[]}`, `{"%":[]}`,
	} {
		var l any
		_ = json.Unmarshal([]byte(rule), &l)
		_, _ = Apply(l, map[string]any{"x": "y"})
	}
	deep := any(1.0)
	for i := 0; i < 1000; i++ {
		deep = map[string]any{"!": []any{deep}}
	}
	if _, err := Apply(deep, nil); err == nil {
		t.Fatal("1000 levels of nesting should be refused")
	}
	// a result that doubles with every item: 2^64 elements unless stopped
	items := make([]any, 64)
	for i := range items {
		items[i] = float64(i)
	}
	doubling := map[string]any{"reduce": []any{items,
		map[string]any{"merge": []any{map[string]any{"var": "accumulator"}, map[string]any{"var": "accumulator"}}}, []any{1.0}}}
	if _, err := Apply(doubling, nil); err == nil || !strings.Contains(err.Error(), "steps") {
		t.Fatalf("a doubling reduce should run out of steps, got %v", err)
	}
	text := map[string]any{"reduce": []any{items,
		map[string]any{"cat": []any{map[string]any{"var": "accumulator"}, map[string]any{"var": "accumulator"}}}, "ab"}}
	if _, err := Apply(text, nil); err == nil {
		t.Fatal("a doubling cat should run out of steps")
	}
}

func TestCheck(t *testing.T) {
	bad := map[string]string{
		`{"foo":[1]}`:                  "unknown operator",
		`{"and":[{"==":[1,1],"x":2}]}`: "exactly one operator",
		`{"substr":["a"]}`:             "takes 2 to 3",
		`{"if":[{"nope":1},2,3]}`:      "unknown operator",
	}
	for rule, want := range bad {
		var l any
		_ = json.Unmarshal([]byte(rule), &l)
		err := Check(l)
		if err == nil || !contains(err.Error(), want) {
			t.Errorf("Check(%s) = %v, want an error with %q", rule, err, want)
		}
	}
	for _, ok := range []string{`{"*":[{"var":"a"},{"var":"b"}]}`, `true`, `{">=":[{"var":"x"},{"*":[0.2,{"var":"p"}]}]}`, `{"var":""}`} {
		var l any
		_ = json.Unmarshal([]byte(ok), &l)
		if err := Check(l); err != nil {
			t.Errorf("Check(%s) = %v", ok, err)
		}
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
