package records_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/records"
	"azx/backend/internal/testapp"
)

// The list rules are one OR over every role; the server ANDs the caller's own column to the
// filter (listHint), and SQLite must then answer each role's usual lists by searching an index
// led by that column. These plans are also what lets an empty scoped list skip PocketBase's
// timing delay (emptylist.go): a plan that reads other rows keeps it.
func TestScopedListsSearchTheCallersColumn(t *testing.T) {
	app := testapp.New(t)
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	caller := func(fields map[string]any) *core.Record {
		u := core.NewRecord(users)
		u.Id = "u1"
		for k, v := range fields {
			u.Set(k, v)
		}
		return u
	}
	const period = ` && period_start >= "2025-01-01 00:00:00" && period_start <= "2025-12-31 23:59:59"`
	roles := []struct {
		name   string
		fields map[string]any
		column string
	}{
		{"insurer", map[string]any{"role": "insurer", "organization": "orgins1"}, "insurer"},
		{"provider", map[string]any{"role": "provider", "organization": "orgprov1"}, "provider"},
		{"enterprise", map[string]any{"role": "enterprise", "organization": "orgent1"}, "enterprise_org"},
		{"city regulator", map[string]any{"role": "regulator", "scope_level": "city", "region_scope": "330100"}, "city_code"},
		{"county regulator", map[string]any{"role": "regulator", "scope_level": "county", "region_scope": "330106"}, "region_code"},
	}
	// the lists the elements ask for: policies by industry and period (record list), each
	// collection newest first. (A status filter's plan depends on the statistics ANALYZE keeps:
	// it is asked of SQLite for each empty answer, so it is safe either way.)
	lists := []struct{ collection, filter, sort string }{
		{records.Policies, `industry = "construction"` + period, "-period_start"},
		{records.Policies, ``, "-created"},
		{records.ServiceReports, ``, "-created"},
		{records.Hazards, ``, "-created"},
		{records.HazardEvents, ``, "-created"},
	}
	for _, role := range roles {
		auth := caller(role.fields)
		for _, l := range lists {
			col, err := app.FindCollectionByNameOrId(l.collection)
			if err != nil {
				t.Fatal(err)
			}
			value := auth.GetString("organization")
			if role.fields["role"] == "regulator" {
				value = auth.GetString("region_scope")
			}
			filter := role.column + ` = "` + value + `"`
			if l.filter != "" {
				filter += " && (" + l.filter + ")"
			}
			info := &core.RequestInfo{Auth: auth, Method: "GET", Query: map[string]string{"filter": filter, "sort": l.sort, "perPage": "50"}}
			ok, err := records.ScopeLedPlan(app, col, info, role.column)
			if err != nil {
				t.Fatalf("%s, %s: %v", role.name, l.collection, err)
			}
			if !ok {
				t.Errorf("%s's list of %s (%s) is not searched by %s", role.name, l.collection, l.filter, role.column)
			}
		}
	}
	// a unique number leads the plan: the answer may read another insurer's row, so an empty
	// answer keeps PocketBase's delay
	pol, _ := app.FindCollectionByNameOrId(records.Policies)
	info := &core.RequestInfo{Auth: caller(roles[0].fields), Method: "GET",
		Query: map[string]string{"filter": `insurer = "orgins1" && (policy_no = "PICC-2025-000001")`}}
	if ok, err := records.ScopeLedPlan(app, pol, info, "insurer"); err != nil || ok {
		t.Errorf("a policy number look-up counted as scope-led (%v, %v)", ok, err)
	}
}

// The renewal look-up every policy write runs (renewal_of: the enterprise's policy starting last
// before it) seeks one row of idx_policies_enterprise (enterprise, period_start, id), which covers
// it: no scan of the enterprise's policies, no sort, no table read.
func TestRenewalLookUpSeeksItsIndex(t *testing.T) {
	app := testapp.New(t)
	var steps []struct {
		Detail string `db:"detail"`
	}
	err := app.DB().NewQuery("EXPLAIN QUERY PLAN " + strings.ReplaceAll(records.LatestEarlierSQL, "?", "{:p}")).
		Bind(map[string]any{"p": "x"}).All(&steps)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for _, s := range steps {
		plan = append(plan, s.Detail)
	}
	got := strings.Join(plan, " | ")
	if !strings.HasPrefix(got, "SEARCH policies USING COVERING INDEX idx_policies_enterprise (enterprise=? AND period_start<?)") || strings.Contains(got, "TEMP B-TREE") {
		t.Fatalf("renewal look-up plan: %s", got)
	}
}
