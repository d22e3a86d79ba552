package coverage

import (
	"net/url"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

func user(role, level, scope string) *core.Record {
	col := core.NewAuthCollection("users")
	r := core.NewRecord(col)
	r.Set("role", role)
	r.Set("scope_level", level)
	r.Set("region_scope", scope)
	return r
}

func TestAuthorize(t *testing.T) {
	cases := []struct {
		who    *core.Record
		region string
		ok     bool
		got    string
	}{
		{user("regulator", "city", "330600"), "", true, "330600"},
		{user("regulator", "city", "330600"), "330602", true, "330602"},
		{user("regulator", "city", "330600"), "330100", false, ""},
		{user("regulator", "city", "330600"), "330000", false, ""},
		{user("regulator", "county", "330106"), "330100", false, ""},
		{user("regulator", "county", "330106"), "330106", true, "330106"},
		{user("regulator", "province", "330000"), "331100", true, "331100"},
		{user("regulator", "province", "330000"), "320500", false, ""},
		{user("insurer", "", ""), "330600", false, ""},
		{user("regulator", "city", "330000"), "", false, ""}, // level and code disagree
		{nil, "", false, ""},
	}
	for i, c := range cases {
		got, err := authorize(c.who, c.region)
		if (err == nil) != c.ok || got != c.got {
			t.Errorf("case %d: %q, %v", i, got, err)
		}
	}
	if _, err := authorize(user("regulator", "province", "330000"), "33A600"); err == nil {
		t.Error("a malformed region was accepted")
	}
}

func TestParseQuery(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC) // 26 Nov in Beijing
	q, err := parseQuery(url.Values{"from": {"2026-01-01"}, "to": {"2026-06-30"}}, now)
	if err != nil || q.From != "2025-12-31 16:00:00.000Z" || q.To != "2026-06-30 15:59:59.999Z" || q.At != "2026-11-26 00:00:00.000Z" || q.MinSharePct != -1 {
		t.Errorf("%+v %v", q, err)
	}
	for _, bad := range []url.Values{{"from": {"2026-01-01"}}, {"from": {"2026-02-01"}, "to": {"2026-01-01"}}, {"at": {"yesterday"}},
		{"min_share": {"120"}}, {"industry": {"x' OR 1"}}, {"from": {"2026-13-01"}, "to": {"2026-12-01"}}} {
		if _, err := parseQuery(bad, now); err == nil {
			t.Errorf("%v was accepted", bad)
		}
	}
}
