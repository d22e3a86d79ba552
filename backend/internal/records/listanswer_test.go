package records

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
	"github.com/pocketbase/pocketbase/tools/types"
)

// The list answer is the bytes PocketBase's encoder writes for the same page: raw JSON with
// spaces compacted, HTML characters escaped, hidden fields left out, numbers, booleans, nulls,
// dates and Chinese text as they are.
func TestListJSONIsPocketBasesAnswer(t *testing.T) {
	c := core.NewBaseCollection("policies")
	c.Fields.Add(
		&core.TextField{Name: "policy_no"},
		&core.TextField{Name: "secret", Hidden: true},
		&core.NumberField{Name: "premium"},
		&core.BoolField{Name: "prevention_clause"},
		&core.DateField{Name: "period_start"},
		&core.JSONField{Name: "data", MaxSize: 1 << 20},
		&core.JSONField{Name: "rule_warnings", MaxSize: 1 << 20},
	)
	var items []*core.Record
	for i, no := range []string{"PICC-2026-<001>", `A&B "引号" 保单`, ""} {
		r := core.NewRecord(c)
		r.Id = "rec" + string(rune('a'+i))
		r.Set("policy_no", no)
		r.Set("secret", "hidden")
		r.Set("premium", 3907.41*float64(i))
		r.Set("prevention_clause", i%2 == 0)
		r.Set("period_start", "2026-01-0"+string(rune('1'+i))+" 00:00:00.000Z")
		r.Set("data", types.JSONRaw(`{ "insured": {"name": "乐清<富春>&建筑", "uscc":"913303823180214264"},  "premium" : 3907.41, "note": "a\u2028b" }`))
		if i == 1 {
			r.Set("rule_warnings", types.JSONRaw(`[ {"code":"x"} ]`))
		}
		items = append(items, r)
	}
	result := &search.Result{Items: &items, Page: 2, PerPage: 3, TotalItems: -1, TotalPages: -1}
	var want bytes.Buffer
	if err := json.NewEncoder(&want).Encode(result); err != nil {
		t.Fatal(err)
	}
	got, err := listJSON(result, items)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Fatalf("list answer differs from PocketBase's:\n got %s\nwant %s", got, want.String())
	}
	if bytes.Contains(got, []byte("hidden")) || !bytes.Contains(got, []byte(`\u003c富春\u003e\u0026`)) {
		t.Fatalf("hidden field or HTML escaping wrong: %s", got)
	}
}

// Each record is written as its MarshalJSON writes it, for every value a field gives: strings of
// any bytes (control characters, quotes, HTML, U+2028, invalid UTF-8), numbers small and large,
// dates zero and set, JSON with spaces, multiple ids, and an expand (encoding/json's own path).
func TestRecordJSONIsMarshalJSON(t *testing.T) {
	c := core.NewBaseCollection("policies")
	c.Fields.Add(
		&core.TextField{Name: "text"},
		&core.NumberField{Name: "number"},
		&core.BoolField{Name: "flag"},
		&core.DateField{Name: "day"},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.JSONField{Name: "data", MaxSize: 1 << 20},
		&core.RelationField{Name: "providers", CollectionId: "x", MaxSelect: 5},
		&core.SelectField{Name: "tags", Values: []string{"a", "b<"}, MaxSelect: 2},
	)
	rng := rand.New(rand.NewPCG(7, 20))
	pieces := []string{"a", "保单", "\"", "\\", "<", ">", "&", "\u2028", "\u2029", "\x00", "\x1f", "\b", "\f", "\n", "\r", "\t", "\x7f", "\xff", "\xe4\xb8", "😀", "\u00e9", " "}
	text := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	numbers := []float64{0, -0.0, 1, -1, 3907.41, 1e-7, 1.5e-7, 1e20, 1e21, 123456789012345678, 0.000001, -2.5e-9, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for i := range 400 {
		r := core.NewRecord(c)
		r.Id = fmt.Sprintf("rec%012d", i)
		r.Set("text", text())
		r.Set("number", numbers[i%len(numbers)]/float64(1+rng.IntN(3)))
		r.Set("flag", i%2 == 0)
		if i%3 != 0 {
			r.Set("day", "2026-01-02 03:04:05.678Z")
		}
		switch i % 4 {
		case 0:
			name, _ := json.Marshal(text())
			r.Set("data", types.JSONRaw(`{ "name": `+string(name)+`,  "n" : [1, 2.50, -3e-7] , "html":"<&>\u2028"}`))
		case 1:
			r.Set("data", nil)
		case 2:
			r.Set("data", map[string]any{"k": text(), "v": 1.5})
		case 3:
			// compact, as most stored data is (written straight through), or with what the HTML
			// escaping changes, unescaped
			name, _ := json.Marshal(text())
			odd := []string{"", "\u2028", "\u2029", "<", "&", `\\\"`}[rng.IntN(6)]
			r.Set("data", types.JSONRaw(`{"name":`+string(name)+`,"n":[1,2.5],"s":"a`+odd+`b"}`))
		}
		if i%5 != 0 {
			r.Set("providers", []string{"org1", text()})
			r.Set("tags", []string{"b<"})
		}
		if i%7 == 0 {
			r.SetExpand(map[string]any{"providers": []*core.Record{core.NewRecord(c)}})
		}
		want, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendRecordJSON(nil, r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("record %d:\n got %s\nwant %s", i, got, want)
		}
	}
}
