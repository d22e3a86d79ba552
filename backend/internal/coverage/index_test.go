package coverage

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/seed"
)

// countsOf names each figure that has a drill-down list.
func countsOf(f *Figures) map[string]int {
	return map[string]int{
		"enterprises": f.Enterprises, "must_insure": f.MustInsure, "insured": f.Insured, "insured_must_insure": f.InsuredMustInsure,
		"uninsured": f.Uninsured, "not_fully_insured": f.NotFullyInsured, "policies": f.Policies, "active": f.ActivePolicies,
		"renewals_due": f.RenewalsDue, "lapsed": f.Lapsed, "uploaded_late": f.UploadedLate, "low_prevention_budget": f.LowPreventionBudget,
		"no_prevention_clause": f.NoPreventionClause, "cover_below_minimum": f.CoverBelowMinimum,
		"cover_headcount_mismatch": f.CoverHeadcountMismatch, "major_open": f.MajorOpen, "major_overdue": f.MajorOverdue,
	}
}

var policyMetricNames = []string{"policies", "active", "renewals_due", "lapsed", "uploaded_late", "low_prevention_budget",
	"no_prevention_clause", "cover_below_minimum", "cover_headcount_mismatch"}

// sums are the figures without a list, summed in SQL straight from the rows.
type sums struct {
	Workers   int     `db:"workers"`
	InsuredBy int     `db:"insured_by"`
	Premium   float64 `db:"premium"`
	Budget    float64 `db:"budget"`
	Spent     float64 `db:"spent"`
}

func sqlSums(t *testing.T, app core.App, q Query) sums {
	t.Helper()
	var s sums
	err := app.DB().NewQuery("SELECT COALESCE(SUM(CASE WHEN " + q.insuredPolicy("p") + " THEN p.insured_persons END), 0) AS workers, " +
		"COUNT(DISTINCT CASE WHEN " + q.insuredPolicy("p") + " THEN p.enterprise END) AS insured_by, " +
		"COALESCE(SUM(p.premium), 0) AS premium, COALESCE(SUM(p.prevention_budget), 0) AS budget, " +
		"(SELECT COALESCE(SUM(s.cost), 0) FROM service_reports s WHERE " + q.scopeWhere("s") + " AND s.status IN ('delivered','confirmed')" +
		map[bool]string{true: " AND s.service_date >= {:from} AND s.service_date <= {:to}", false: ""}[q.Windowed()] + ") AS spent " +
		"FROM policies p WHERE " + q.scopeWhere("p") + " AND " + sqlInWindow(q, "p")).Bind(q.params()).One(&s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// agrees checks one query: every figure of the index equals the count of its rows in SQL and
// its list's total.
func agrees(t *testing.T, app core.App, q Query, label string) *Coverage {
	t.Helper()
	cov, err := coverage(app, q, "330000")
	if err != nil {
		t.Fatal(err)
	}
	for metric, got := range countsOf(cov.Total) {
		if want := sqlCount(t, app, q, metric); got != want {
			t.Errorf("%s: %s is %d, SQL counts %d rows", label, metric, got, want)
		}
		page, err := records(app, q, metric, 1, 1)
		if err != nil {
			t.Fatalf("%s %s: %v", label, metric, err)
		}
		if page.TotalItems != got {
			t.Errorf("%s: %s is %d, its list has %d rows", label, metric, got, page.TotalItems)
		}
		// the second page of five: the same rows in the same order as SQL's
		page, err = records(app, q, metric, 2, 5)
		if err != nil {
			t.Fatal(err)
		}
		ids := []string{}
		for _, r := range page.Items {
			ids = append(ids, map[string]string{"enterprise": r.EnterpriseID, "policy": r.PolicyID, "hazard": r.HazardID}[page.Kind])
		}
		if want := sqlPage(t, app, q, metric, 5, 5); !reflect.DeepEqual(ids, want) {
			t.Errorf("%s: page 2 of %s lists %v, SQL %v", label, metric, ids, want)
		}
	}
	s := sqlSums(t, app, q)
	tot := cov.Total
	if tot.Workers != s.Workers || tot.InsuredByPolicies != s.InsuredBy || math.Round(tot.Premium*100) != math.Round(s.Premium*100) ||
		math.Round(tot.PreventionBudget*100) != math.Round(s.Budget*100) || math.Round(tot.PreventionSpent*100) != math.Round(s.Spent*100) {
		t.Errorf("%s: sums %+v, SQL has %+v", label, tot, s)
	}
	return cov
}

// indexAgreesWithSQL: over many random queries (regions, industry, window, at, min_share),
// each figure the index computes equals the number of rows its condition selects in SQL.
func indexAgreesWithSQL(t *testing.T, app core.App) {
	rng := rand.New(rand.NewPCG(5, 2026))
	regions := []string{"330000"}
	for _, c := range seed.Cities {
		regions = append(regions, c.Code, c.Counties[rng.IntN(len(c.Counties))].Code)
	}
	day := func(lo time.Time, spanDays int) time.Time { return lo.AddDate(0, 0, rng.IntN(spanDays)) }
	base := time.Date(2023, 6, 1, 0, 0, 0, 0, china)
	// half the queries fall on a deadline day: overdue is "before at", not "on or before"
	var deadlines []string
	if err := app.DB().NewQuery("SELECT DISTINCT substr(deadline, 1, 10) FROM hazards WHERE is_major AND deadline != '' ORDER BY 1").Column(&deadlines); err != nil || len(deadlines) == 0 {
		t.Fatalf("no deadlines (%v)", err)
	}
	for i := 0; i < 40; i++ {
		v := url.Values{}
		v.Set("at", day(base, 4*365).Format("2006-01-02"))
		if i%2 == 0 {
			v.Set("at", deadlines[rng.IntN(len(deadlines))])
		}
		// half the queries ask a share, half judge each policy by its packs' floor
		if i%4 < 2 {
			v.Set("min_share", fmt.Sprint(rng.IntN(41)))
		}
		switch rng.IntN(3) {
		case 0:
			v.Set("industry", seed.Industries[rng.IntN(len(seed.Industries))].Code)
		case 1:
			if i%10 == 0 {
				v.Set("industry", "no_such_industry")
			}
		}
		if rng.IntN(2) == 0 {
			from := day(base, 3*365)
			v.Set("from", from.Format("2006-01-02"))
			v.Set("to", day(from, 400).Format("2006-01-02"))
		}
		q, err := parseQuery(v, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		q.Region = regions[rng.IntN(len(regions))]
		label := fmt.Sprintf("query %d (%s %s)", i, q.Region, v.Encode())
		agrees(t, app, q, label)
		if i%4 == 0 {
			// an inspection round's population: the policies in force, by id
			got, err := population(app, q)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{}
			if err := app.DB().NewQuery("SELECT p.id FROM policies p WHERE " + q.scopeWhere("p") + " AND " + q.insuredPolicy("p") + " ORDER BY p.id").
				Bind(q.params()).Column(&want); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
				t.Errorf("%s: a round's population has %d policies, SQL %d", label, len(got), len(want))
			}
		}
		if i%8 == 0 {
			// and by insurer: each insurer's policy figures against its list
			ins, err := aggregate(app, q, byInsurer)
			if err != nil {
				t.Fatal(err)
			}
			for code, f := range ins {
				qi := q
				qi.Insurer = code
				counts := countsOf(f)
				for _, metric := range policyMetricNames {
					if want := sqlCount(t, app, qi, metric); counts[metric] != want {
						t.Errorf("%s, insurer %q: %s is %d, SQL counts %d", label, code, metric, counts[metric], want)
					}
				}
			}
		}
	}
}

// indexFollowsWrites: records saved (in a transaction, and deleted) after the index loaded
// show in the next figures, through the model hooks.
func indexFollowsWrites(t *testing.T, app core.App, q Query) {
	q.Region = "330000"
	before := agrees(t, app, q, "before the writes").Total
	var lapsed []struct {
		ID         string `db:"id"`
		Enterprise string `db:"enterprise"`
	}
	if err := app.DB().NewQuery("SELECT p.id, p.enterprise FROM policies p WHERE " + sqlPolicyMetrics(q, "p", "")["lapsed"] + " ORDER BY p.id").
		All(&lapsed); err != nil {
		t.Fatal(err)
	}
	if len(lapsed) < 2 || lapsed[0].Enterprise == lapsed[len(lapsed)-1].Enterprise {
		t.Fatalf("the seed should have lapsed policies of two enterprises: %+v", lapsed)
	}
	// a copy of a lapsed policy: active (the enterprise is insured again) or naming the lapsed
	// one in renewal_of (it is renewed, while the expired renewal is itself lapsed)
	follow := func(tx core.App, id, status string, renews bool) (*core.Record, error) {
		old, err := tx.FindRecordById("policies", id)
		if err != nil {
			return nil, err
		}
		r := core.NewRecord(old.Collection())
		data := map[string]any{}
		if err := old.UnmarshalJSONField("data", &data); err != nil {
			return nil, err
		}
		data["status"], data["policy_no"] = status, old.GetString("policy_no")+"-"+strings.ToUpper(status[:1])
		for _, f := range []string{"definition", "version", "enterprise", "insurer", "provider", "uploaded_at"} {
			r.Set(f, old.Get(f))
		}
		r.Set("data", data)
		if renews {
			r.Set("renewal_of", old.Id)
		}
		return r, tx.Save(r)
	}
	var active, renewal *core.Record
	// regulators keep reading while the hooks write (go test -race watches the index's locks)
	stop := whileReading(t, app, q)
	err := app.RunInTransaction(func(tx core.App) error {
		var err error
		if active, err = follow(tx, lapsed[0].ID, "active", false); err != nil {
			return err
		}
		renewal, err = follow(tx, lapsed[len(lapsed)-1].ID, "expired", true)
		return err
	})
	stop()
	if err != nil {
		t.Fatal(err)
	}
	after := agrees(t, app, q, "after two new policies").Total
	if after.Policies != before.Policies+2 || after.ActivePolicies != before.ActivePolicies+1 || after.Lapsed != before.Lapsed-1 {
		t.Errorf("an active policy and a renewal of two lapsed ones: policies %d → %d, active %d → %d, lapsed %d → %d",
			before.Policies, after.Policies, before.ActivePolicies, after.ActivePolicies, before.Lapsed, after.Lapsed)
	}

	ent, err := app.FindRecordById("enterprises", lapsed[0].Enterprise)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{}
	if err := ent.UnmarshalJSONField("data", &data); err != nil {
		t.Fatal(err)
	}
	// must_insure is derived from the packs; only a regulator's override with a reason moves it
	data["must_insure"] = !ent.GetBool("must_insure")
	data["must_insure_override"] = map[string]any{"value": !ent.GetBool("must_insure"), "reason": "index test: registry corrected"}
	ent.Set("data", data)
	ent.Set("correction_reason", "index test: registry corrected")
	if err := app.Save(ent); err != nil {
		t.Fatal(err)
	}
	corrected := agrees(t, app, q, "after a registry correction").Total
	if d := corrected.MustInsure - after.MustInsure; d != 1 && d != -1 {
		t.Errorf("must-insure %d → %d after toggling one enterprise", after.MustInsure, corrected.MustInsure)
	}

	for _, r := range []*core.Record{active, renewal} {
		if err := app.Delete(r); err != nil {
			t.Fatal(err)
		}
	}
	gone := agrees(t, app, q, "after deleting both").Total
	if gone.Policies != before.Policies || gone.Lapsed != before.Lapsed || gone.ActivePolicies != before.ActivePolicies {
		t.Errorf("deleting both: policies %d, lapsed %d; want %d, %d", gone.Policies, gone.Lapsed, before.Policies, before.Lapsed)
	}
	// a reload from SQLite gives what the hooks kept up to date
	x := factsOf(app)
	x.mu.Lock()
	x.loaded = false
	x.mu.Unlock()
	reloaded, err := coverage(app, q, "330000")
	if err != nil {
		t.Fatal(err)
	}
	g, w := comparable(t, "330000", *gone, *reloaded.Total)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("after a reload:\n got %+v\nwant %+v", w, g)
	}
}

// arithmeticIsSQLites: the index's rounding and upload delay give SQLite's verdicts at the
// boundaries (a budget of exactly the share, an upload exactly 30 days late).
func arithmeticIsSQLites(t *testing.T, app core.App) {
	for _, c := range [][3]float64{{200, 1000, 20}, {200.01, 1000.05, 20}, {0.29, 1.45, 20}, {200.005, 1000.02, 20}, {1.005, 5.025, 20},
		{2100, 10000, 21}, {2099.995, 10000, 21}, {0, 0, 20}, {0, 0.01, 1}, {123456.785, 617283.925, 20}} {
		var want bool
		if err := app.DB().NewQuery("SELECT ROUND({:b} * 100) * 100 < ROUND({:p} * 100) * {:pct}").
			Bind(map[string]any{"b": c[0], "p": c[1], "pct": int(c[2])}).Row(&want); err != nil {
			t.Fatal(err)
		}
		if got := lowBudget(c[0], c[1], c[2]); got != want {
			t.Errorf("budget %v of premium %v at %v%%: index says below=%v, SQLite %v", c[0], c[1], c[2], got, want)
		}
	}
	start := "2025-03-01 16:00:00.000Z"
	for _, up := range []string{"", "2025-03-31 16:00:00.000Z", "2025-03-31 16:00:00.999Z", "2025-03-31 16:00:01.000Z", "2025-03-31 15:59:59.999Z", "2025-02-01 00:00:00.000Z"} {
		var want bool
		if err := app.DB().NewQuery("SELECT COALESCE({:u} = '' OR CAST(strftime('%s', {:u}) AS INTEGER) - CAST(strftime('%s', {:s}) AS INTEGER) > 2592000, 0)").
			Bind(map[string]any{"u": up, "s": start}).Row(&want); err != nil {
			t.Fatal(err)
		}
		if got := lateUpload(&polFact{uploaded: dateMs(up), start: dateMs(start), terms: terms{uploadSec: 2592000}}); got != want {
			t.Errorf("uploaded %q for a start %s: index says late=%v, SQLite %v", up, start, got, want)
		}
	}
}

// The index reads stored dates by hand; it must read them as time.Parse does.
func TestStoredDatesReadAsTimeParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		d := time.UnixMilli(rng.Int64N(4102444800000) - 2208988800000).UTC() // 1900 to 2100
		s := d.Format(pbTime)
		if got := dateMs(s); got != d.UnixMilli() {
			t.Fatalf("%s: %d, want %d", s, got, d.UnixMilli())
		}
		if got := dateMs([]byte(s)); got != d.UnixMilli() {
			t.Fatalf("%s as bytes: %d", s, got)
		}
	}
	for s, want := range map[string]int64{"": noDate, "2025-02-29 00:00:00.000Z": badDate, "2024-02-29 00:00:00.000Z": 1709164800000,
		"2025-13-01 00:00:00.000Z": badDate, "not a date": badDate, "2025-01-01 00:00:00Z": 1735689600000, "2025-01-01 24:00:00.000Z": badDate} {
		if got := dateMs(s); got != want {
			t.Errorf("%q: %d, want %d", s, got, want)
		}
	}
}

// canonical renders an index's live facts by id, codes and slots resolved, so two indexes
// loaded in different orders compare.
func canonical(x *factIndex) map[string]string {
	out := map[string]string{}
	c := func(s sym) string { return x.codes.strs[s] }
	pl := func(p place) string { return c(p.province) + "/" + c(p.city) + "/" + c(p.region) + "/" + c(p.industry) }
	for i, e := range x.ents {
		if e.live || e.active != 0 {
			out["e:"+x.entIDs.names[i]] = fmt.Sprint(e.live, pl(e.place), e.mustInsure, e.headcount, e.uscc, e.active)
		}
	}
	for i, p := range x.pols {
		renews := ""
		if p.renews >= 0 {
			renews = x.polIDs.names[p.renews]
		}
		if p.live || p.renewedBy != 0 {
			out["p:"+x.polIDs.names[i]] = fmt.Sprint(p.live, p.no, x.entIDs.names[p.ent], pl(p.place), c(p.insurer), p.status, p.clause, p.terms,
				p.renewedBy, renews, p.start, p.end, p.uploaded, p.persons, p.headcount, p.premium, p.budget, p.cover)
		}
	}
	for i, r := range x.reps {
		out["r:"+x.repIDs.names[i]] = fmt.Sprint(r.live, r.booked, pl(r.place), c(r.insurer), r.date, r.cost)
	}
	for i, h := range x.hazs {
		out["h:"+x.hazIDs.names[i]] = fmt.Sprint(h.live, h.major, h.open, h.pending, pl(h.place), c(h.insurer), h.deadline)
	}
	return out
}

// indexesGiveTheTablesFacts: the load from the covering indexes equals a scan of the tables.
func indexesGiveTheTablesFacts(t *testing.T, app core.App) {
	fast, slow := newFactIndex(), newFactIndex()
	if err := fast.loadFromIndexes(app.DB()); err != nil {
		t.Fatal(err)
	}
	for _, table := range factTables {
		if err := slow.readRows(app.DB(), table, ""); err != nil {
			t.Fatal(err)
		}
	}
	a, b := canonical(fast), canonical(slow)
	if len(a) < 1000 || len(a) != len(b) {
		t.Fatalf("%d facts from the indexes, %d from the tables", len(a), len(b))
	}
	for k, v := range b {
		if a[k] != v {
			t.Errorf("%s: from the indexes %q, from the tables %q", k, a[k], v)
		}
	}
}

// indexEqualsAReload: the facts the hooks installed (a created row from its saved record, an
// updated one re-read) are those a load from the tables finds.
func indexEqualsAReload(t *testing.T, app core.App) {
	live := factsOf(app)
	fresh := newFactIndex()
	if err := fresh.load(app); err != nil {
		t.Fatal(err)
	}
	live.mu.RLock()
	a := canonical(live)
	live.mu.RUnlock()
	b := canonical(fresh)
	if len(a) < 1000 {
		t.Fatalf("only %d facts", len(a))
	}
	for k, v := range b {
		if a[k] != v {
			t.Errorf("%s: the hooks installed %q, a load finds %q", k, a[k], v)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			t.Errorf("%s: installed by the hooks, absent from a load", k)
		}
	}
}

// whileReading reads figures and lists in three goroutines until the returned stop is called.
func whileReading(t *testing.T, app core.App, q Query) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := coverage(app, q, "330000"); err != nil {
					t.Error(err)
					return
				}
				if _, err := records(app, q, "lapsed", 1, 20); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	return func() {
		close(done)
		wg.Wait()
	}
}
