package validation

import (
	"strings"
	"testing"
)

// A format the browser does not check is an annotation on the server too, so both accept the
// same records; "x-assert-formats": true refuses such a definition on both sides.
func TestFormatsTheBrowserDoesNotCheckAreAnnotations(t *testing.T) {
	s, err := Compile([]byte(`{"type":"object","properties":{
		"site":{"type":"string","format":"iri"},
		"scan":{"type":"string","format":"data-url"},
		"day":{"type":"string","format":"date"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if errs := s.Validate([]byte(`{"site":"http://exa mple/ \u0000","scan":"not a data url"}`), "data"); errs != nil {
		t.Errorf("iri and data-url must be annotations, got %v", Describe(errs, "en"))
	}
	errs := s.Validate([]byte(`{"day":"2026-02-30"}`), "data")
	if _, ok := errs["data.day"]; !ok {
		t.Errorf("date is still asserted, got %v", Describe(errs, "en"))
	}
}

func TestAssertFormatsRefusesAFormatNobodyChecks(t *testing.T) {
	_, err := Compile([]byte(`{"type":"object","x-assert-formats":true,"properties":{
		"scan":{"type":"string","format":"data-url"},
		"rows":{"type":"array","items":{"type":"object","properties":{"colour":{"type":"string","format":"color"}}}}}}`))
	if err == nil {
		t.Fatal("a definition asking every format to be checked, with formats nobody checks, compiled")
	}
	for _, want := range []string{`"color" at #/properties/rows/items/properties/colour`, `"data-url" at #/properties/scan`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal should name %s: %v", want, err)
		}
	}
	if _, err := Compile([]byte(`{"type":"object","x-assert-formats":true,"properties":{"day":{"type":"string","format":"date"},"code":{"type":"string","format":"uscc"}}}`)); err != nil {
		t.Errorf("formats both sides check are fine with x-assert-formats: %v", err)
	}
	// a "format" member of data (enum, const, default, examples) is not a format keyword
	if _, err := Compile([]byte(`{"type":"object","x-assert-formats":true,"properties":{"f":{"enum":[{"format":"data-url"}],"default":{"format":"x"}}}}`)); err != nil {
		t.Errorf("data is not a schema: %v", err)
	}
}
