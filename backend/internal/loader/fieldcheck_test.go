package loader

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// A text field with a pattern gets PocketBase's own verdict and error from validateField, which
// compiles the pattern once: for values it accepts and every way it refuses one.
func TestTextPatternVerdictIsPocketBases(t *testing.T) {
	fields := []*core.TextField{
		{Name: "region_code", Pattern: `^\d{6}$`},
		{Name: "required_code", Pattern: `^\d{6}$`, Required: true},
		{Name: "short", Pattern: `^[a-z]+$`, Min: 2, Max: 4},
		{Name: "broken", Pattern: `^(`}, // does not compile: PocketBase refuses every value
	}
	values := []any{"", "330602", "33060", "3306021", "abc", "a", "abcde", "ab", "中文", strings.Repeat("1", 5001), 42}
	c := core.NewBaseCollection("t")
	for _, f := range fields {
		c.Fields.Add(f)
	}
	checked := 0
	for _, f := range fields {
		for _, v := range values {
			r := core.NewRecord(c)
			r.SetRaw(f.Name, v)
			e := &core.RecordEvent{}
			e.Record = r
			e.Context = context.Background()
			want := f.ValidateValue(e.Context, nil, r)
			got := validateField(e, f)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s = %v: validateField %v, PocketBase %v", f.Name, v, got, want)
			}
			checked++
		}
	}
	if checked != len(fields)*len(values) {
		t.Fatalf("checked %d", checked)
	}
}
