package records_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

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

// Each role's filtered policy list (an industry and a period, newest first, as <azx-record-list>
// and the benchmark ask) is read in order from one index: the caller's column, industry,
// period_start. No row of another industry is read and nothing is sorted. Through (insurer,
// period_start) an insurer's list read every policy of its period and kept one in six: a third of
// bare PocketBase's throughput (issue 20). The plans are SQLite's with the statistics serve's
// ANALYZE keeps for 100,000 policies (on an empty table SQLite's guesses prefer the narrower
// index).
func TestFilteredPolicyListsReadInOrder(t *testing.T) {
	app := testapp.New(t)
	// the statistics ANALYZE wrote for the benchmark's 106,424 policies (10 insurers, 20
	// industries, starts on 1,095 days); SQLite plans with them as with its own
	stats := map[string]string{
		"idx_policies_insurer_industry": "108658 10866 544 2", "idx_policies_insurer_period": "108658 10866 10",
		"idx_policies_provider": "108658 15523 777 2", "idx_policies_region": "108658 1449 88 1",
		"idx_policies_city_industry": "108658 9878 501 2", "idx_policies_enterprise": "108658 22 1 1",
		"idx_policies_status_enterprise": "108658 27165 11", "idx_policies_status": "108658 27165 98",
		"idx_policies_coverage":       "108658 108658 9878 1449 88 44 11 1 1 1 1 1 1 1 1 1 1 1 1",
		"idx_policies_enterprise_org": "108658 18110", "idx_policies_period_end": "108658 100",
		"idx_policies_province": "108658 108658", "idx_policies_renewal_of": "108658 3",
		"idx_policies_policy_no": "108658 1", "sqlite_autoindex_policies_1": "108658 1",
	}
	db := app.ConcurrentDB()
	if _, err := db.NewQuery("ANALYZE").Execute(); err != nil { // creates the statistics tables
		t.Fatal(err)
	}
	if _, err := db.NewQuery("DELETE FROM sqlite_stat1 WHERE tbl = 'policies'").Execute(); err != nil {
		t.Fatal(err)
	}
	for idx, stat := range stats {
		if _, err := db.Insert("sqlite_stat1", map[string]any{"tbl": "policies", "idx": idx, "stat": stat}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	// a new connection reads them (ANALYZE sqlite_schema reloads only its own)
	pool := db.(*dbx.DB).DB()
	pool.SetMaxIdleConns(0)
	pool.SetMaxIdleConns(15)
	users, _ := app.FindCollectionByNameOrId("users")
	pol, _ := app.FindCollectionByNameOrId(records.Policies)
	roles := []struct {
		name   string
		fields map[string]any
		column string
		value  string
	}{
		{"insurer", map[string]any{"role": "insurer", "organization": "orgins1"}, "insurer", "orgins1"},
		{"provider", map[string]any{"role": "provider", "organization": "orgprov1"}, "provider", "orgprov1"},
		{"city regulator", map[string]any{"role": "regulator", "scope_level": "city", "region_scope": "330100"}, "city_code", "330100"},
		{"county regulator", map[string]any{"role": "regulator", "scope_level": "county", "region_scope": "330102"}, "region_code", "330102"},
	}
	for _, role := range roles {
		auth := core.NewRecord(users)
		auth.Id = "u1"
		for k, v := range role.fields {
			auth.Set(k, v)
		}
		filter := role.column + ` = "` + role.value + `" && (industry = "construction" && period_start >= "2025-01-01 00:00:00" && period_start <= "2025-12-31 23:59:59")`
		info := &core.RequestInfo{Auth: auth, Method: "GET", Query: map[string]string{"filter": filter, "sort": "-period_start", "perPage": "50"}}
		plan, err := records.ListPlan(app, pol, info)
		if err != nil {
			t.Fatalf("%s: %v", role.name, err)
		}
		want := "(" + role.column + "=? AND industry=? AND period_start>? AND period_start<?)"
		if !strings.Contains(plan, "SEARCH policies USING INDEX") || !strings.Contains(plan, want) || strings.Contains(plan, "FOR ORDER BY") {
			t.Errorf("%s's filtered policy list is not read in order by %s: %s", role.name, want, plan)
		}
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
