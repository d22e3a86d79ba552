package validation

import (
	"reflect"
	"testing"
)

func TestColumnsWalksNestedObjectsAndRefs(t *testing.T) {
	doc, err := ParseJSON([]byte(`{
		"$defs": {"period": {"type": "object", "properties": {
			"start": {"type": "string", "x-column": "period_start"},
			"end": {"type": "string", "x-column": "period_end"}}}},
		"type": "object",
		"properties": {
			"premium": {"type": "number", "x-column": "premium"},
			"period": {"$ref": "#/$defs/period", "title": "保险期间"},
			"insured": {"type": "object", "properties": {"uscc": {"type": "string", "x-column": "insured_uscc"}}},
			"persons": {"type": "array", "items": {"type": "object", "properties": {"name": {"x-column": "never"}}}},
			"service_types": {"type": "array", "x-column": "service_types"},
			"note": {"type": "string"}
		}}`))
	if err != nil {
		t.Fatal(err)
	}
	got := Columns(doc)
	want := []Column{
		{Name: "insured_uscc", Path: []string{"insured", "uscc"}},
		{Name: "period_end", Path: []string{"period", "end"}},
		{Name: "period_start", Path: []string{"period", "start"}},
		{Name: "premium", Path: []string{"premium"}},
		{Name: "service_types", Path: []string{"service_types"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Columns = %+v\nwant %+v", got, want)
	}

	data, _ := ParseJSON([]byte(`{"period": {"start": "2026-01-01"}, "premium": 12.5}`))
	if v, ok := ValueAt(data, []string{"period", "start"}); !ok || v != "2026-01-01" {
		t.Errorf("ValueAt(period.start) = %v, %v", v, ok)
	}
	if _, ok := ValueAt(data, []string{"period", "end"}); ok {
		t.Error("ValueAt(period.end) found a value that is absent")
	}
	if _, ok := ValueAt(data, []string{"premium", "x"}); ok {
		t.Error("ValueAt walked into a number")
	}
}

func TestColumnsSurvivesRefCycles(t *testing.T) {
	doc, _ := ParseJSON([]byte(`{"$defs": {"a": {"type": "object", "properties": {"child": {"$ref": "#/$defs/a"}, "v": {"x-column": "v"}}}}, "$ref": "#/$defs/a"}`))
	if cols := Columns(doc); len(cols) != 1 || cols[0].Name != "v" {
		t.Fatalf("Columns on a recursive schema = %+v", cols)
	}
}
