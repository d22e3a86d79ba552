package records

import (
	"bytes"
	"encoding/json"
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
