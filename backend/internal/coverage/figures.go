package coverage

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"
)

// Figures are one region's (or industry's, or insurer's) numbers.
type Figures struct {
	Code string `json:"code"`
	Name string `json:"name"`

	Enterprises       int      `json:"enterprises"`
	MustInsure        int      `json:"mustInsure"`
	Insured           int      `json:"insured"`
	InsuredMustInsure int      `json:"insuredMustInsure"`
	Uninsured         int      `json:"uninsured"`
	CoverageRate      *float64 `json:"coverageRate"`
	NotFullyInsured   int      `json:"notFullyInsured"`

	Policies               int      `json:"policies"`
	ActivePolicies         int      `json:"activePolicies"`
	InsuredByPolicies      int      `json:"insuredByPolicies"`
	Workers                int      `json:"workers"`
	Premium                float64  `json:"premium"`
	PreventionBudget       float64  `json:"preventionBudget"`
	PreventionSpent        float64  `json:"preventionSpent"`
	PreventionShare        *float64 `json:"preventionShare"`
	RenewalsDue            int      `json:"renewalsDue"`
	Renewed                int      `json:"renewed"`
	Lapsed                 int      `json:"lapsed"`
	RenewalRate            *float64 `json:"renewalRate"`
	UploadedLate           int      `json:"uploadedLate"`
	LowPreventionBudget    int      `json:"lowPreventionBudget"`
	NoPreventionClause     int      `json:"noPreventionClause"`
	CoverBelowMinimum      int      `json:"coverBelowMinimum"`
	CoverHeadcountMismatch int      `json:"coverHeadcountMismatch"`

	MajorOpen    int `json:"majorOpen"`
	MajorOverdue int `json:"majorOverdue"`

	// an inspection round's sample (reports only)
	Sampled      int `json:"sampled"`
	WithProblems int `json:"withProblems"`
}

func ratio(n, d float64) *float64 {
	if d == 0 {
		return nil
	}
	r := n / d
	return &r
}

// finish derives the rates and differences once the counts are in.
func (f *Figures) finish() {
	f.Uninsured = f.MustInsure - f.InsuredMustInsure
	f.CoverageRate = ratio(float64(f.InsuredMustInsure), float64(f.MustInsure))
	f.Renewed = f.RenewalsDue - f.Lapsed
	f.RenewalRate = ratio(float64(f.Renewed), float64(f.RenewalsDue))
	f.PreventionShare = ratio(f.PreventionSpent, f.Premium)
}

type entRow struct {
	Key               string `db:"k"`
	Enterprises       int    `db:"enterprises"`
	MustInsure        int    `db:"must_insure"`
	Insured           int    `db:"insured"`
	InsuredMustInsure int    `db:"insured_must"`
	NotFullyInsured   int    `db:"not_fully"`
}

type polRow struct {
	Key               string  `db:"k"`
	Policies          int     `db:"policies"`
	Active            int     `db:"active"`
	InsuredByPolicies int     `db:"insured_by"`
	Workers           int     `db:"workers"`
	Premium           float64 `db:"premium"`
	Budget            float64 `db:"budget"`
	Due               int     `db:"due"`
	Lapsed            int     `db:"lapsed"`
	Late              int     `db:"late"`
	Low               int     `db:"low"`
	NoClause          int     `db:"no_clause"`
	Below             int     `db:"below"`
	Mismatch          int     `db:"mismatch"`
}

type sumRow struct {
	Key   string  `db:"k"`
	Spent float64 `db:"spent"`
	Open  int     `db:"open"`
	Over  int     `db:"overdue"`
}

// Grouping: by region (a column of the child level), by industry, by insurer, or one total.
const (
	byRegion   = "region"
	byIndustry = "industry"
	byInsurer  = "insurer"
	byTotal    = "total"
)

func groupExpr(alias, group string, q Query) string {
	switch group {
	case byRegion:
		return alias + "." + columnOf(childLevel(Level(q.Region)))
	case byIndustry:
		return alias + ".industry"
	case byInsurer:
		return alias + ".insurer"
	}
	return "''"
}

// aggregate computes figures grouped as asked, keyed by the group value. Every scan is pinned to
// its covering index: grouped by insurer, SQLite would otherwise take the insurer index and read
// 200,000 rows with their JSON.
func aggregate(app core.App, q Query, group string) (map[string]*Figures, error) {
	params := q.params()
	out := map[string]*Figures{}
	get := func(k string) *Figures {
		f := out[k]
		if f == nil {
			f = &Figures{Code: k}
			out[k] = f
		}
		return f
	}

	if group != byInsurer {
		// enterprises with what covers them: one pass over the insured policies grouped by
		// enterprise, joined to the enterprises (no per-enterprise subquery)
		var ents []entRow
		sql := "SELECT " + groupExpr("e", group, q) + " AS k, COUNT(*) AS enterprises, COALESCE(SUM(e.must_insure), 0) AS must_insure, " +
			"COALESCE(SUM(a.enterprise IS NOT NULL), 0) AS insured, COALESCE(SUM(e.must_insure AND a.enterprise IS NOT NULL), 0) AS insured_must, " +
			"COALESCE(SUM(a.min_persons < e.headcount), 0) AS not_fully " +
			"FROM enterprises e INDEXED BY idx_enterprises_coverage LEFT JOIN (SELECT ip.enterprise, MIN(ip.insured_persons) AS min_persons FROM policies ip INDEXED BY idx_policies_coverage WHERE " +
			q.scopeWhere("ip") + " AND " + q.insuredPolicy("ip") + " GROUP BY ip.enterprise) a ON a.enterprise = e.id " +
			"WHERE " + q.scopeWhere("e") + " GROUP BY k"
		if err := app.DB().NewQuery(sql).Bind(params).All(&ents); err != nil {
			return nil, err
		}
		for _, r := range ents {
			f := get(r.Key)
			f.Enterprises, f.MustInsure, f.Insured, f.InsuredMustInsure, f.NotFullyInsured = r.Enterprises, r.MustInsure, r.Insured, r.InsuredMustInsure, r.NotFullyInsured
		}
	}

	m := q.policyMetrics("p")
	sum := func(metric string) string { return "COALESCE(SUM(" + m[metric] + "), 0)" }
	var pols []polRow
	sql := "SELECT " + groupExpr("p", group, q) + " AS k, COUNT(*) AS policies, " + sum("active") + " AS active, " +
		"COUNT(DISTINCT CASE WHEN " + m["active"] + " THEN p.enterprise END) AS insured_by, " +
		"COALESCE(SUM(CASE WHEN " + m["active"] + " THEN p.insured_persons END), 0) AS workers, " +
		"COALESCE(SUM(p.premium), 0) AS premium, COALESCE(SUM(p.prevention_budget), 0) AS budget, " +
		sum("renewals_due") + " AS due, " + sum("lapsed") + " AS lapsed, " + sum("uploaded_late") + " AS late, " +
		sum("low_prevention_budget") + " AS low, " + sum("no_prevention_clause") + " AS no_clause, " +
		sum("cover_below_minimum") + " AS below, " + sum("cover_headcount_mismatch") + " AS mismatch " +
		"FROM policies p INDEXED BY idx_policies_coverage WHERE " + q.scopeWhere("p") + " AND " + q.inWindow("p") + " GROUP BY k"
	if err := app.DB().NewQuery(sql).Bind(params).All(&pols); err != nil {
		return nil, err
	}
	for _, r := range pols {
		f := get(r.Key)
		f.Policies, f.ActivePolicies, f.InsuredByPolicies, f.Workers = r.Policies, r.Active, r.InsuredByPolicies, r.Workers
		f.Premium, f.PreventionBudget = r.Premium, r.Budget
		f.RenewalsDue, f.Lapsed, f.UploadedLate, f.LowPreventionBudget = r.Due, r.Lapsed, r.Late, r.Low
		f.NoPreventionClause, f.CoverBelowMinimum, f.CoverHeadcountMismatch = r.NoClause, r.Below, r.Mismatch
	}

	// prevention spending actually booked: delivered or confirmed services (in the window)
	var spent []sumRow
	sw := q.scopeWhere("s") + " AND s.status IN ('delivered','confirmed')"
	if q.Windowed() {
		sw += " AND s.service_date >= {:from} AND s.service_date <= {:to}"
	}
	sql = "SELECT " + groupExpr("s", group, q) + " AS k, COALESCE(SUM(s.cost), 0) AS spent, 0 AS open, 0 AS overdue FROM service_reports s INDEXED BY idx_service_reports_coverage WHERE " + sw + " GROUP BY k"
	if err := app.DB().NewQuery(sql).Bind(params).All(&spent); err != nil {
		return nil, err
	}
	for _, r := range spent {
		get(r.Key).PreventionSpent = r.Spent
	}

	hm := q.hazardMetrics("h")
	var haz []sumRow
	sql = "SELECT " + groupExpr("h", group, q) + " AS k, 0 AS spent, COALESCE(SUM(" + hm["major_open"] + "), 0) AS open, COALESCE(SUM(" + hm["major_overdue"] + "), 0) AS overdue " +
		"FROM hazards h INDEXED BY idx_hazards_coverage WHERE " + q.scopeWhere("h") + " AND h.is_major GROUP BY k"
	if err := app.DB().NewQuery(sql).Bind(params).All(&haz); err != nil {
		return nil, err
	}
	for _, r := range haz {
		f := get(r.Key)
		f.MajorOpen, f.MajorOverdue = r.Open, r.Over
	}
	for _, f := range out {
		f.finish()
	}
	return out, nil
}

// sorted returns the figures ordered by code.
func sorted(m map[string]*Figures) []*Figures {
	out := make([]*Figures, 0, len(m))
	for _, f := range m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
