package validation

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The parity corpus: the same files run in the browser (test/browser/core/logic-parity.test.ts)
// through <azx-form>'s validator and must give the same verdicts.
type logicFixture struct {
	Description string          `json:"description"`
	Schema      json.RawMessage `json:"schema"`
	Cases       []struct {
		Description string          `json:"description"`
		Record      json.RawMessage `json:"record"`
		Valid       bool            `json:"valid"`
		Errors      []struct {
			Path string `json:"path"`
			Code string `json:"code"`
		} `json:"errors"`
	} `json:"cases"`
}

func TestLogicParityCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "schemas", "fixtures", "logic", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures under schemas/fixtures/logic (%v)", err)
	}
	total := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var fx logicFixture
		if err := json.Unmarshal(raw, &fx); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		s, err := Compile(fx.Schema)
		if err != nil {
			t.Fatalf("%s: schema does not compile: %v", f, err)
		}
		for _, c := range fx.Cases {
			total++
			name := filepath.Base(f) + ": " + c.Description
			inst, err := ParseJSON(c.Record)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			errs, _ := s.ValidateRecord(inst, "data")
			var got []string
			for k, e := range errs {
				code := "?"
				if fe, ok := e.(*FieldError); ok {
					code = fe.Code()
					if fe.Zh == "" || fe.En == "" {
						t.Errorf("%s: %s has no zh or en message", name, k)
					}
				}
				got = append(got, k+" "+code)
				if testing.Verbose() {
					t.Log(name, Describe(errs, "en"))
				}
			}
			var want []string
			for _, e := range c.Errors {
				want = append(want, e.Path+" "+e.Code)
			}
			if c.Valid != (len(c.Errors) == 0) {
				t.Fatalf("%s: a case is either valid or lists errors", name)
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s:\n got  %v\n want %v", name, got, want)
			}
		}
	}
	if total < 15 {
		t.Fatalf("only %d cases in the corpus", total)
	}
}

func TestComputedFieldFilledAndMessages(t *testing.T) {
	s, err := Compile([]byte(`{"type":"object","properties":{
		"a":{"type":"number"},"b":{"type":"number"},
		"sum":{"type":"number","title":"合计","x-title-en":"Total","x-compute":{"+":[{"var":"a"},{"var":"b"}]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := ParseJSON([]byte(`{"a":0.1,"b":0.2}`))
	errs, stored := s.ValidateRecord(inst, "data")
	if errs != nil {
		t.Fatalf("unexpected errors %v", Describe(errs, "en"))
	}
	if got := stored.(map[string]any)["sum"]; got != 0.3 {
		t.Fatalf("sum filled as %v, want 0.3 (rounded to 2 decimals)", got)
	}
	if _, had := inst.(map[string]any)["sum"]; had {
		t.Fatal("the client's value must not be modified in place")
	}
	inst, _ = ParseJSON([]byte(`{"a":1,"b":2,"sum":4}`))
	errs, _ = s.ValidateRecord(inst, "data")
	fe, _ := errs["data.sum"].(*FieldError)
	if fe == nil || fe.Code() != CodeComputeMismatch || !strings.Contains(fe.Zh, "合计") || !strings.Contains(fe.En, "Total is computed and must be 3") {
		t.Fatalf("got %#v", errs)
	}
	// untouched records come back as given (no rewrite of stored data)
	inst, _ = ParseJSON([]byte(`{"a":1,"b":2,"sum":3}`))
	if _, stored := s.ValidateRecord(inst, "data"); stored.(map[string]any)["a"] != inst.(map[string]any)["a"] {
		t.Fatal("a complete record should be stored as sent")
	}
}

func TestMalformedLogicRefused(t *testing.T) {
	bad := map[string]string{
		`{"type":"object","x-rules":{"rule":true}}`:                                                  "must be a list",
		`{"type":"object","x-rules":[{"rule":{"bogus":[1]},"message":{"zh-CN":"x","en":"y"}}]}`:      "unknown operator",
		`{"type":"object","x-rules":[{"rule":true,"message":{"zh-CN":"只有中文"}}]}`:                     "both",
		`{"type":"object","x-rules":[{"rule":true,"message":{"zh-CN":"x","en":"y"},"path":"a..b"}]}`: "dotted field path",
		`{"type":"object","properties":{"a":{"x-compute":{"+":[1],"-":[2]}}}}`:                       "exactly one operator",
		`{"type":"object","properties":{"a":{"type":"array","items":{"x-visible":true}}}}`:           "supported only",
		`{"type":"object","x-compute":{"var":"a"}}`:                                                  "belongs on a property",
		`{"type":"object","properties":{"a":{"x-visible":{"substr":["abc"]}}}}`:                      "takes 2 to 3",
		`{"type":"object","$defs":{"p":{"x-rules":[]}}}`:                                             "supported only",
	}
	for schema, want := range bad {
		doc, err := ParseJSON([]byte(schema))
		if err != nil {
			t.Fatal(err)
		}
		err = CheckLogic(doc)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error with %q", schema, err, want)
		}
		if _, err := Compile([]byte(schema)); err == nil {
			t.Errorf("%s: Compile accepted it", schema)
		}
	}
}
