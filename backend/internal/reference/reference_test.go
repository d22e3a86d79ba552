package reference_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/reference"
	"azx/backend/internal/testapp"
	"azx/backend/internal/validation"
)

// The migration loads the whole country: names, levels, parents and children of any province.
func TestTheWholeCountryIsNamed(t *testing.T) {
	app := testapp.New(t)
	names := reference.Of(app)
	cases := map[string]string{"320500": "苏州市", "320583": "昆山市", "440000": "广东省", "441900": "东莞市",
		"110000": "北京市", "110105": "朝阳区", "650000": "新疆维吾尔自治区", "330602": "越城区"}
	for code, want := range cases {
		if got := names.RegionName(code); got != want {
			t.Errorf("RegionName(%s) = %q, want %q", code, got, want)
		}
	}
	if r, _ := names.Region("320583"); r.Level != "county" || r.Parent != "320500" {
		t.Errorf("Kunshan: %+v", r)
	}
	if kids := names.Children("320500"); !slices.Contains(kids, "320583") || !slices.Contains(kids, "320505") || slices.Contains(kids, "330602") {
		t.Errorf("Suzhou's counties: %v", kids)
	}
	if kids := names.Children("320000"); len(kids) != 13 || kids[0] != "320100" {
		t.Errorf("Jiangsu has 13 cities: %v", kids)
	}
	// a municipality's districts sit under its city-level code, as the business rows' city_code
	if r, _ := names.Region("110105"); r.Parent != "110100" || names.Level("110100") != "city" {
		t.Errorf("Beijing Chaoyang: %+v", r)
	}
	if names.RegionName("999999") != "999999" || names.Level("999999") != "county" {
		t.Error("an unknown code shows as itself, its level by its form")
	}
	if names.IndustryName("hazardous_chemicals") != "危险化学品" || names.IndustryName("unknown") != "unknown" {
		t.Error("industry names")
	}
	if in, _ := names.Industry("construction"); !slices.Equal(in.GBT4754, []string{"E"}) {
		t.Errorf("construction is GB/T 4754 section E: %+v", in)
	}
	if got := len(names.Industries()); got != len(reference.BuiltinIndustries()) {
		t.Errorf("%d industries loaded", got)
	}
}

// An administrator's new region is named at once; its level and parent come from its code.
func TestANewRegionIsNamedAtOnceWithLevelAndParentFromItsCode(t *testing.T) {
	app := testapp.New(t)
	before := reference.Of(app)
	regions, _ := app.FindCollectionByNameOrId(reference.Regions)
	r := core.NewRecord(regions)
	r.Load(map[string]any{"code": "320599", "name": "苏州测试新区", "level": "province", "parent": "110000"})
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	if r.GetString("level") != "county" || r.GetString("parent") != "320500" {
		t.Errorf("level %q parent %q: the client's values were kept", r.GetString("level"), r.GetString("parent"))
	}
	after := reference.Of(app)
	if after == before || after.RegionName("320599") != "苏州测试新区" || !slices.Contains(after.Children("320500"), "320599") {
		t.Error("the table did not follow the new region")
	}
	r.Set("name", "苏州新区")
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	if reference.Of(app).RegionName("320599") != "苏州新区" {
		t.Error("the table did not follow the rename")
	}
}

func TestBadRegionsAreRefusedWithFieldErrors(t *testing.T) {
	app := testapp.New(t)
	regions, _ := app.FindCollectionByNameOrId(reference.Regions)
	cases := map[string]map[string]any{
		"region_parent_unknown": {"code": "329901", "name": "无上级"},
		"region_invalid":        {"code": "32A5", "name": "乱码"},
		"validation_not_unique": {"code": "320500", "name": "苏州市（重复）"},
	}
	for code, fields := range cases {
		r := core.NewRecord(regions)
		r.Load(fields)
		err := app.Save(r)
		if err == nil {
			t.Errorf("%v was stored", fields)
			continue
		}
		if !hasCode(err, "code", code) {
			t.Errorf("%v: %v, want %s at code", fields, err, code)
		}
	}
	city, _ := app.FindFirstRecordByData(reference.Regions, "code", "320500")
	if err := app.Delete(city); !hasCode(err, "code", "region_has_children") {
		t.Errorf("deleting Suzhou with its counties: %v", err)
	}
	if reference.Of(app).RegionName("320500") != "苏州市" {
		t.Error("Suzhou is gone")
	}
}

// hasCode: the error names code at field (ours, or PocketBase's own, such as a unique index).
func hasCode(err error, field, code string) bool {
	var errs validation.Errors
	if !errors.As(err, &errs) {
		return false
	}
	c, ok := errs[field].(interface{ Code() string })
	return ok && c.Code() == code
}
