package records

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

func TestLanguage(t *testing.T) {
	cases := map[string]string{
		"":                        "zh",
		"en":                      "en",
		"en-US,en;q=0.9":          "en",
		"zh-CN,zh;q=0.9,en;q=0.8": "zh",
		"fr-FR,en;q=0.5":          "en",
		"en;q=0.3,zh-CN;q=0.7":    "zh",
		"de":                      "zh",
		"EN-gb":                   "en",
		";;;,,q=":                 "zh",
	}
	for header, want := range cases {
		if got := Language(header); got != want {
			t.Errorf("Language(%q) = %s, want %s", header, got, want)
		}
	}
}

func user(fields map[string]any) *core.Record {
	c := core.NewAuthCollection("users")
	for _, f := range []string{"role", "organization", "scope_level", "region_scope"} {
		c.Fields.Add(&core.TextField{Name: f})
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		r.Set(k, v)
	}
	return r
}

func TestListHintNamesTheCallersIndexedColumn(t *testing.T) {
	cases := []struct {
		collection string
		fields     map[string]any
		want       string
	}{
		{Policies, map[string]any{"role": "insurer", "organization": "org1"}, `insurer = "org1"`},
		{Enterprises, map[string]any{"role": "insurer", "organization": "org1"}, ``},
		{Hazards, map[string]any{"role": "provider", "organization": "p1"}, `provider = "p1"`},
		{ServiceReports, map[string]any{"role": "enterprise", "organization": "e1"}, `enterprise_org = "e1"`},
		{Enterprises, map[string]any{"role": "enterprise", "organization": "e1"}, `organization = "e1"`},
		{Policies, map[string]any{"role": "regulator", "scope_level": "city", "region_scope": "330600"}, `city_code = "330600"`},
		{Policies, map[string]any{"role": "regulator", "scope_level": "county", "region_scope": "330602"}, `region_code = "330602"`},
		{Policies, map[string]any{"role": "regulator", "scope_level": "province", "region_scope": "330000"}, ``},
		{Policies, map[string]any{"role": "insurer", "organization": ""}, ``},
		{Policies, map[string]any{"role": "insurer", "organization": `x" || id != "`}, ``},
		{Policies, map[string]any{"role": "admin", "organization": "a1"}, ``},
	}
	for _, c := range cases {
		if got := listHint(c.collection, user(c.fields)); got != c.want {
			t.Errorf("listHint(%s, %v) = %q, want %q", c.collection, c.fields, got, c.want)
		}
	}
	if listHint(Policies, nil) != "" {
		t.Error("an anonymous request got a hint")
	}
}

func TestInScope(t *testing.T) {
	c := core.NewBaseCollection("enterprises")
	for _, f := range regionColumns {
		c.Fields.Add(&core.TextField{Name: f})
	}
	r := core.NewRecord(c)
	r.Set("region_code", "330602")
	r.Set("city_code", "330600")
	r.Set("province_code", "330000")
	in := []map[string]any{
		{"scope_level": "province", "region_scope": "330000"},
		{"scope_level": "city", "region_scope": "330600"},
		{"scope_level": "county", "region_scope": "330602"},
	}
	out := []map[string]any{
		{"scope_level": "city", "region_scope": "330100"},
		{"scope_level": "county", "region_scope": "330106"},
		{"scope_level": "", "region_scope": "330000"},
		{"scope_level": "province", "region_scope": ""},
	}
	for _, f := range in {
		if !inScope(user(f), r) {
			t.Errorf("inScope(%v) = false", f)
		}
	}
	for _, f := range out {
		if inScope(user(f), r) {
			t.Errorf("inScope(%v) = true", f)
		}
	}
}
