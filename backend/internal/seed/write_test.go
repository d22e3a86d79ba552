package seed

import (
	"errors"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/hazards"
)

func writeSmall(t *testing.T, enterprises int) (core.App, *Plan) {
	t.Helper()
	app := newApp(t)
	p := Generate(withPacks(Config{Seed: 42, Enterprises: enterprises, Years: 2, EnterpriseLogins: 3}))
	if err := Write(app, p, io.Discard); err != nil {
		t.Fatal(err)
	}
	return app, p
}

type policyRow struct {
	No       string  `db:"policy_no"`
	City     string  `db:"city_code"`
	Industry string  `db:"industry"`
	Start    string  `db:"period_start"`
	Premium  float64 `db:"premium"`
	Budget   float64 `db:"prevention_budget"`
	Status   string  `db:"status"`
	Data     string  `db:"data"`
}

func policyRows(t *testing.T, app core.App) []policyRow {
	var rows []policyRow
	if err := app.DB().Select("policy_no", "city_code", "industry", "period_start", "premium", "prevention_budget", "status", "data").
		From("policies").OrderBy("policy_no").All(&rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// One seeded pair of data folders serves the checks below: seeding is the slow part.
func TestSeededDataFolder(t *testing.T) {
	a, p := writeSmall(t, 300)
	b, _ := writeSmall(t, 300)
	t.Run("same records twice, refuses a second seed", func(t *testing.T) { sameTwice(t, a, b, p) })
	t.Run("problems are found by column queries", func(t *testing.T) { problemsByColumns(t, a, p) })
	t.Run("hazards end in the planned status with their history", func(t *testing.T) { hazardHistory(t, a, p) })
	t.Run("the server derived the facts the seed does not write", func(t *testing.T) { serverFacts(t, a, p) })
	t.Run("the overdue sweep finds nothing left to flag", func(t *testing.T) { sweepFixedPoint(t, a) })
	t.Run("claims reach every state, graded units and 帮扶 visits are there", func(t *testing.T) { claimsAndDelivery(t, a, p) })
}

// Issue 17's demo data: claims in every state the server moved them to (overdue: still
// reported past its deadline as of the reference date), paid within what was planned; a
// regulator's grade override with its reason; units with and without their 帮扶 visit.
func claimsAndDelivery(t *testing.T, app core.App, p *Plan) {
	rows := []struct {
		Status   string  `db:"status"`
		Paid     float64 `db:"paid"`
		StageDue string  `db:"stage_due"`
	}{}
	if err := app.DB().Select("status", "paid", "stage_due").From("claims").All(&rows); err != nil || len(rows) != len(p.Claims) {
		t.Fatalf("%d claims stored of %d planned (%v)", len(rows), len(p.Claims), err)
	}
	seen := map[string]int{}
	ref := RefDate.Format("2006-01-02")
	for _, r := range rows {
		seen[r.Status]++
		if r.Status == "reported" && r.StageDue != "" && r.StageDue[:10] < ref {
			seen["overdue"]++
		}
		if r.Paid > 0 {
			seen["paid"]++
		}
	}
	for _, s := range []string{"reported", "overdue", "surveyed", "advance_paid", "settled", "declined", "paid"} {
		if seen[s] == 0 {
			t.Errorf("no claim %s (%v)", s, seen)
		}
	}
	var overrides, assisted, unassisted int
	_ = app.DB().NewQuery("SELECT COUNT(*) FROM enterprises WHERE json_extract(data, '$.risk_grade_override.reason') != '' AND risk_grade = json_extract(data, '$.risk_grade_override.value')").Row(&overrides)
	_ = app.DB().NewQuery("SELECT COUNT(DISTINCT policy) FROM service_reports WHERE service_types LIKE '%\"08\"%'").Row(&assisted)
	_ = app.DB().NewQuery("SELECT COUNT(DISTINCT policy) FROM service_reports WHERE status != 'planned' AND policy NOT IN (SELECT policy FROM service_reports WHERE service_types LIKE '%\"08\"%')").Row(&unassisted)
	if overrides == 0 || assisted == 0 || unassisted == 0 {
		t.Errorf("grade overrides %d, policies with a 帮扶 visit %d, served without one %d", overrides, assisted, unassisted)
	}
}

// The seed writes the overdue flags of its history: swept as of its reference date, nothing is
// left to flag (later, real time makes more hazards overdue, which a running server flags).
func sweepFixedPoint(t *testing.T, app core.App) {
	var flags int
	if err := app.DB().Select("count(*)").From("hazard_events").Where(dbx.HashExp{"action": "overdue"}).Row(&flags); err != nil || flags == 0 {
		t.Fatalf("the seed wrote %d overdue flags (%v)", flags, err)
	}
	res, err := hazards.Sweep(app, RefDate)
	if err != nil {
		t.Fatal(err)
	}
	if res.Flagged != 0 {
		t.Errorf("the sweep flagged %d seeded hazards (%d escalated)", res.Flagged, res.Escalated)
	}
}

func sameTwice(t *testing.T, a, b core.App, p *Plan) {
	ra, rb := policyRows(t, a), policyRows(t, b)
	if len(ra) != len(p.Policies) || !reflect.DeepEqual(ra, rb) {
		t.Fatalf("two seeded data folders differ (%d vs %d policies)", len(ra), len(rb))
	}
	if err := Write(a, p, io.Discard); !errors.Is(err, ErrAlreadySeeded) {
		t.Fatalf("a second seed returned %v", err)
	}
	n, _ := a.CountRecords("enterprises")
	if int(n) != len(p.Enterprises) {
		t.Fatalf("%d enterprises after a refused second seed", n)
	}
}

// The problems must be visible to a regulator through the indexed columns, not only in the plan.
func problemsByColumns(t *testing.T, app core.App, p *Plan) {
	planned := p.Problems()
	queried := map[string]bool{}
	count := func(kind, sql string) {
		var n int
		// the writer's one connection: it holds the temporary tables of packTerms
		if err := app.NonconcurrentDB().NewQuery(sql).Row(&n); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		queried[kind] = true
		if n == 0 {
			t.Errorf("no %s found by: %s", kind, sql)
		}
		if want, ok := planned[kind]; ok && n != want {
			t.Errorf("%s: the query finds %d, the plan has %d", kind, n, want)
		}
	}
	defer func() {
		for _, kind := range ProblemKinds {
			if !queried[kind] {
				t.Errorf("no query finds %s in the stored data", kind)
			}
		}
	}()
	count(ProblemMustInsureUninsured, `SELECT COUNT(*) FROM enterprises e WHERE must_insure AND NOT EXISTS
		(SELECT 1 FROM policies p WHERE p.enterprise = e.id AND p.status = 'active')`)
	count(ProblemNotFullyInsured, `SELECT COUNT(*) FROM policies p JOIN enterprises e ON e.id = p.enterprise
		WHERE p.status = 'active' AND p.insured_persons < e.headcount`)
	count(ProblemLapsedRenewal, `SELECT COUNT(*) FROM policies p WHERE p.status = 'expired'
		AND NOT EXISTS (SELECT 1 FROM policies r WHERE r.renewal_of = p.id)
		AND NOT EXISTS (SELECT 1 FROM policies a WHERE a.enterprise = p.enterprise AND a.status = 'active')`)
	packTerms(t, app, p)
	count(ProblemUploadedLate, `SELECT COUNT(*) FROM policies p JOIN pack_terms t ON t.region = p.region_code AND t.day = substr(p.period_start, 1, 10)
		WHERE t.upload_days >= 0 AND CAST(strftime('%s', p.uploaded_at) AS INTEGER) - CAST(strftime('%s', p.period_start) AS INTEGER) > t.upload_days * 86400`)
	count(ProblemCoverBelowMinimum, `SELECT COUNT(*) FROM policies p JOIN pack_terms t ON t.region = p.region_code AND t.day = substr(p.period_start, 1, 10)
		WHERE p.cover_per_person < t.min_cover`)
	count(ProblemNoPreventionClause, `SELECT COUNT(*) FROM policies WHERE NOT prevention_clause`)
	count(ProblemLowPreventionBudget, `SELECT COUNT(*) FROM policies p JOIN pack_terms t ON t.region = p.region_code AND t.day = substr(p.period_start, 1, 10)
		WHERE p.prevention_clause AND t.floor_bp > 0 AND ROUND(p.prevention_budget * 100) * 10000 < ROUND(p.premium * 100) * t.floor_bp`)
	count(ProblemRateMisused, `SELECT COUNT(*) FROM policies p WHERE
		abs(premium - json_extract(data, '$.rating.premium_by_rate')) >= 0.005
		OR EXISTS (SELECT 1 FROM json_each(data, '$.rating.coefficients') c WHERE NOT EXISTS (SELECT 1 FROM pack_coefficients a
			WHERE a.region = p.region_code AND a.day = substr(p.period_start, 1, 10) AND a.factor = c.key AND a.value = CAST(ROUND(c.value * 100) AS INTEGER)))
		OR (SELECT COUNT(*) FROM json_each(data, '$.coverage_scope') s JOIN pack_statutory st ON st.code = s.value
			AND st.region = p.region_code AND st.day = substr(p.period_start, 1, 10))
			< (SELECT COUNT(*) FROM pack_statutory st WHERE st.region = p.region_code AND st.day = substr(p.period_start, 1, 10))
		OR COALESCE(json_array_length(data, '$.restrictions'), 0) > 0`)
	count(ProblemCoverHeadcount, `SELECT COUNT(*) FROM policies WHERE insured_persons <> headcount`)
	count(ProblemIrregularEntry, `SELECT COUNT(*) FROM policies p JOIN enterprises e ON e.id = p.enterprise
		WHERE json_extract(p.data, '$.insured.name') <> json_extract(e.data, '$.name')
		OR json_extract(p.data, '$.insured.region_code') <> e.region_code`)
	count("overdue hazard", `SELECT COUNT(*) FROM hazards WHERE deadline < '2026-11-01' AND status NOT IN ('verified')`)
	count("major hazard", `SELECT COUNT(*) FROM hazards WHERE is_major`)
}

func hazardHistory(t *testing.T, app core.App, p *Plan) {
	for _, h := range p.Hazards {
		rec, err := app.FindRecordById("hazards", h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.GetString("status") != h.Status {
			t.Fatalf("hazard %s is %s, planned %s", h.No, rec.GetString("status"), h.Status)
		}
		n, _ := app.CountRecords("hazard_events", dbx.HashExp{"hazard": h.ID})
		if int(n) != len(h.Events) {
			t.Fatalf("hazard %s has %d events, planned %d", h.No, n, len(h.Events))
		}
	}
	var cities []string
	if err := app.DB().Select("city_code").Distinct(true).From("policies").Column(&cities); err != nil || len(cities) < 5 {
		t.Fatalf("policies carry derived city codes %v (%v)", cities, err)
	}
}

func TestBenchPoliciesAreAddedThroughTheHooks(t *testing.T) {
	app, _ := writeSmall(t, 40)
	n, err := AddBenchPolicies(app, 300, 42)
	if err != nil || n != 300 {
		t.Fatalf("added %d: %v", n, err)
	}
	var missing int
	_ = app.DB().NewQuery(`SELECT COUNT(*) FROM policies WHERE policy_no LIKE 'BENCH-%' AND (city_code = '' OR period_start = '' OR premium <= 0)`).Row(&missing)
	if missing != 0 {
		t.Fatalf("%d bench policies lack derived columns", missing)
	}
	if n, err := AddBenchPolicies(app, 10, 42); err != nil || n != 10 {
		t.Fatalf("a second batch: %d, %v", n, err)
	}
	total, _ := app.CountRecords("policies", dbx.NewExp("policy_no LIKE 'BENCH-%'"))
	if total != 310 {
		t.Fatalf("%d bench policies, want 310", total)
	}
}

// packTerms writes what the packs say for each region and start day of the stored policies
// into temporary tables, so the problem queries read their thresholds as data.
func packTerms(t *testing.T, app core.App, p *Plan) {
	t.Helper()
	for _, q := range []string{
		"CREATE TEMP TABLE IF NOT EXISTS pack_terms (region TEXT, day TEXT, min_cover REAL, floor_bp INTEGER, upload_days INTEGER)",
		"CREATE TEMP TABLE IF NOT EXISTS pack_coefficients (region TEXT, day TEXT, factor TEXT, value INTEGER)",
		"CREATE TEMP TABLE IF NOT EXISTS pack_statutory (region TEXT, day TEXT, code TEXT)",
		"DELETE FROM pack_terms", "DELETE FROM pack_coefficients", "DELETE FROM pack_statutory",
	} {
		if _, err := app.NonconcurrentDB().NewQuery(q).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	var keys []struct {
		Region string `db:"region_code"`
		Day    string `db:"day"`
	}
	if err := app.NonconcurrentDB().NewQuery("SELECT DISTINCT region_code, substr(period_start, 1, 10) AS day FROM policies").All(&keys); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, params dbx.Params) {
		if _, err := app.NonconcurrentDB().NewQuery(q).Bind(params).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range keys {
		day, _ := time.ParseInLocation("2006-01-02", k.Day, shanghai)
		tm := p.Terms(k.Region, day)
		exec("INSERT INTO pack_terms VALUES ({:r}, {:d}, {:m}, {:f}, {:u})",
			dbx.Params{"r": k.Region, "d": k.Day, "m": float64(tm.MinCover) / 100, "f": tm.FloorBp, "u": tm.UploadDays})
		for _, f := range tm.Factors {
			for _, o := range f.Options {
				exec("INSERT INTO pack_coefficients VALUES ({:r}, {:d}, {:k}, {:v})", dbx.Params{"r": k.Region, "d": k.Day, "k": f.Key, "v": o.H})
			}
			for _, b := range f.Bands {
				exec("INSERT INTO pack_coefficients VALUES ({:r}, {:d}, {:k}, {:v})", dbx.Params{"r": k.Region, "d": k.Day, "k": f.Key, "v": b.H})
			}
		}
		for _, c := range tm.Statutory {
			exec("INSERT INTO pack_statutory VALUES ({:r}, {:d}, {:c})", dbx.Params{"r": k.Region, "d": k.Day, "c": c})
		}
	}
}

// The seed names no uploaded_at, renewal_of or must_insure of its own (issue 13): the server
// stamped each policy's upload time from its dated arrival, linked each renewal to the
// enterprise's latest earlier policy, and derived must_insure from the packs (or the override
// with its reason), and all of them are what the plan meant.
func serverFacts(t *testing.T, app core.App, p *Plan) {
	for i, pol := range p.Policies {
		r, err := app.FindRecordById("policies", pol.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.GetDateTime("uploaded_at").Time(); !got.Equal(pol.UploadedAt.UTC().Truncate(time.Millisecond)) {
			t.Errorf("policy %d %s: uploaded_at %s, planned %s", i, pol.No, got, pol.UploadedAt)
		}
		want := ""
		if pol.RenewalOf >= 0 {
			want = p.Policies[pol.RenewalOf].ID
		}
		if got := r.GetString("renewal_of"); got != want {
			t.Errorf("policy %s: renewal_of %q, planned %q", pol.No, got, want)
		}
	}
	overrides := 0
	for _, e := range p.Enterprises {
		r, err := app.FindRecordById("enterprises", e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.GetBool("must_insure") != e.MustInsure {
			t.Errorf("enterprise %s (%s, %s): must_insure %v, planned %v", e.USCC, e.Industry, e.Region, r.GetBool("must_insure"), e.MustInsure)
		}
		if e.MustInsureOverride != "" {
			overrides++
		}
	}
	if overrides == 0 {
		t.Error("the plan has no must-insure override for the report to list")
	}
}
