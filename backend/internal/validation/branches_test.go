package validation

import (
	"strings"
	"testing"
)

func TestBranchFieldMessagesAndStoredValue(t *testing.T) {
	s, err := Compile([]byte(`{"type":"object","properties":{"industry":{"type":"string"},"subcontracted":{"type":"boolean"}},
		"if":{"properties":{"industry":{"const":"construction"}},"required":["industry"]},
		"then":{"properties":{"site_project":{"type":"string","title":"施工项目名称","x-title-en":"Construction project"}}},
		"dependentSchemas":{"subcontracted":{"properties":{"subcontractor":{"type":"string"}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := ParseJSON([]byte(`{"industry":"mining","site_project":"地铁"}`))
	errs, _ := s.ValidateRecord(inst, "data")
	fe, _ := errs["data.site_project"].(*FieldError)
	if len(errs) != 1 || fe == nil || fe.Code() != CodeHiddenField ||
		fe.Zh != "“施工项目名称”在当前填写情况下不适用，不能填写" || fe.En != "Construction project does not apply here and must be left empty" {
		t.Fatalf("got %s", Describe(errs, "en"))
	}
	// the trigger of a dependentSchemas is the property's presence, whatever its value (as in the browser)
	inst, _ = ParseJSON([]byte(`{"industry":"construction","site_project":"地铁","subcontracted":false,"subcontractor":"某建设公司"}`))
	errs, stored := s.ValidateRecord(inst, "data")
	if errs != nil {
		t.Fatalf("unexpected errors %s", Describe(errs, "en"))
	}
	if stored.(map[string]any)["subcontractor"] != "某建设公司" {
		t.Fatal("a field of a branch that applies must be stored as sent")
	}
	inst, _ = ParseJSON([]byte(`{"subcontractor":"某建设公司"}`))
	errs, _ = s.ValidateRecord(inst, "data")
	if fe, _ := errs["data.subcontractor"].(*FieldError); fe == nil || !strings.Contains(fe.En, "subcontractor does not apply") {
		t.Fatalf("an untitled field is named by its key; got %s", Describe(errs, "en"))
	}
}
