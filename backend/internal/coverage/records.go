package coverage

import (
	"github.com/pocketbase/pocketbase/core"
)

// Row is one record behind a figure: an enterprise, or a policy or hazard with its enterprise.
type Row struct {
	Kind         string `db:"kind" json:"kind"`
	EnterpriseID string `db:"enterprise_id" json:"enterpriseId"`
	USCC         string `db:"uscc" json:"uscc"`
	Name         string `db:"name" json:"name"`
	RegionCode   string `db:"region_code" json:"regionCode"`
	Industry     string `db:"industry" json:"industry"`
	Headcount    int    `db:"headcount" json:"headcount"`
	MustInsure   bool   `db:"must_insure" json:"mustInsure"`

	PolicyID         string  `db:"policy_id" json:"policyId,omitempty"`
	PolicyNo         string  `db:"policy_no" json:"policyNo,omitempty"`
	Insurer          string  `db:"insurer" json:"insurer,omitempty"`
	InsurerName      string  `db:"insurer_name" json:"insurerName,omitempty"`
	Status           string  `db:"status" json:"status,omitempty"`
	PeriodStart      string  `db:"period_start" json:"periodStart,omitempty"`
	PeriodEnd        string  `db:"period_end" json:"periodEnd,omitempty"`
	InsuredPersons   int     `db:"insured_persons" json:"insuredPersons,omitempty"`
	Premium          float64 `db:"premium" json:"premium,omitempty"`
	PreventionBudget float64 `db:"prevention_budget" json:"preventionBudget,omitempty"`
	UploadedAt       string  `db:"uploaded_at" json:"uploadedAt,omitempty"`
	HazardID         string  `db:"hazard_id" json:"hazardId,omitempty"`
	Deadline         string  `db:"deadline" json:"deadline,omitempty"`
}

// Page is one page of rows.
type Page struct {
	Metric     string `json:"metric"`
	Kind       string `json:"kind"`
	Items      []Row  `json:"items"`
	Page       int    `json:"page"`
	PerPage    int    `json:"perPage"`
	TotalItems int    `json:"totalItems"`
	TotalPages int    `json:"totalPages"`
}

const entCols = "e.id AS enterprise_id, e.uscc, COALESCE(NULLIF(e.name, ''), json_extract(e.data, '$.name'), '') AS name, " +
	"e.region_code, e.industry, e.headcount, e.must_insure"

const polCols = ", p.id AS policy_id, p.policy_no, p.insurer, COALESCE(o.name, '') AS insurer_name, p.status, p.period_start, p.period_end, " +
	"p.insured_persons, p.premium, p.prevention_budget, p.uploaded_at"

// records lists the rows behind metric, in a stable order, one page at a time.
func records(app core.App, q Query, metric string, page, perPage int) (*Page, error) {
	kind := metricKind(q, metric)
	if kind == "" {
		return nil, badParam("metric", "未知的指标："+metric, "Unknown metric: "+metric)
	}
	if q.Insurer != "" && kind != "policy" && kind != "round" {
		return nil, badParam("insurer", "按保险机构筛选只适用于保单类指标", "Filtering by insurer applies to policy figures only")
	}
	var from, where, cols, order string
	switch kind {
	case "enterprise":
		from, cols, order = "enterprises e", "'enterprise' AS kind, "+entCols, "e.region_code, e.uscc"
		where = q.scopeWhere("e") + " AND " + q.enterpriseMetrics("e")[metric]
	case "policy":
		from = "policies p JOIN enterprises e ON e.id = p.enterprise LEFT JOIN organizations o ON o.id = p.insurer"
		cols, order = "'policy' AS kind, "+entCols+polCols, "p.policy_no"
		where = q.scopeWhere("p") + " AND " + q.inWindow("p") + " AND " + q.policyMetrics("p")[metric]
		if q.Insurer != "" {
			where += " AND p.insurer = {:insurer}"
		}
	case "round":
		cond, _ := q.roundMetric("p", metric)
		from = "policies p JOIN enterprises e ON e.id = p.enterprise LEFT JOIN organizations o ON o.id = p.insurer"
		cols, order = "'policy' AS kind, "+entCols+polCols, "p.policy_no"
		where = q.scopeWhere("p") + " AND " + cond
		if q.Insurer != "" {
			where += " AND p.insurer = {:insurer}"
		}
	case "hazard":
		from = "hazards h JOIN enterprises e ON e.id = h.enterprise LEFT JOIN policies p ON p.id = h.policy LEFT JOIN organizations o ON o.id = h.insurer"
		cols = "'hazard' AS kind, " + entCols + ", COALESCE(p.id, '') AS policy_id, COALESCE(p.policy_no, '') AS policy_no, COALESCE(h.insurer, '') AS insurer, " +
			"COALESCE(o.name, '') AS insurer_name, h.status, h.id AS hazard_id, h.deadline"
		where = q.scopeWhere("h") + " AND " + q.hazardMetrics("h")[metric]
		order = "h.deadline, h.id"
	}
	params := q.params()
	var total int
	if err := app.DB().NewQuery("SELECT COUNT(*) FROM " + from + " WHERE " + where).Bind(params).Row(&total); err != nil {
		return nil, err
	}
	params["limit"], params["offset"] = perPage, (page-1)*perPage
	items := []Row{}
	if err := app.DB().NewQuery("SELECT " + cols + " FROM " + from + " WHERE " + where + " ORDER BY " + order + " LIMIT {:limit} OFFSET {:offset}").
		Bind(params).All(&items); err != nil {
		return nil, err
	}
	return &Page{Metric: metric, Kind: kind, Items: items, Page: page, PerPage: perPage, TotalItems: total, TotalPages: (total + perPage - 1) / perPage}, nil
}
