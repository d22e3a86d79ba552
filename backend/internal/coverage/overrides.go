package coverage

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// What the report lists beside its figures so a reader sees where a figure rests on a
// writer's judgement (issue 13): enterprises whose must_insure a regulator overrode, and
// services booked beyond their policy's prevention budget, each with the reason recorded.

// MustInsureOverride is an enterprise whose must_insure is the regulator's, not the packs'.
type MustInsureOverride struct {
	Enterprise string `db:"id" json:"enterprise"`
	Name       string `db:"name" json:"name"`
	USCC       string `db:"uscc" json:"uscc"`
	Region     string `db:"region_code" json:"region"`
	Industry   string `db:"industry" json:"industry"`
	MustInsure bool   `db:"must_insure" json:"mustInsure"`
	Reason     string `db:"reason" json:"reason"`
}

// OverBudgetService is a booked service whose cost went beyond its policy's remaining budget.
type OverBudgetService struct {
	Report   string  `db:"id" json:"report"`
	ReportNo string  `db:"report_no" json:"reportNo"`
	Policy   string  `db:"policy" json:"policy"`
	Insurer  string  `db:"insurer" json:"insurer"`
	Region   string  `db:"region_code" json:"region"`
	Cost     float64 `db:"cost" json:"cost"`
	Reason   string  `db:"reason" json:"reason"`
}

// regionExp matches rows of the region (a province, city or county code) on their own columns.
func regionExp(region string) dbx.Expression {
	switch Level(region) {
	case "province":
		return dbx.HashExp{"province_code": region}
	case "city":
		return dbx.HashExp{"city_code": region}
	}
	return dbx.HashExp{"region_code": region}
}

func listOverrides(app core.App, q Query) ([]MustInsureOverride, error) {
	out := []MustInsureOverride{}
	sel := app.DB().Select("id", "name", "uscc", "region_code", "industry", "must_insure",
		"json_extract(data, '$.must_insure_override.reason') AS reason").From("enterprises").
		Where(regionExp(q.Region)).AndWhere(dbx.NewExp("json_extract(data, '$.must_insure_override') IS NOT NULL"))
	if q.Industry != "" {
		sel.AndWhere(dbx.HashExp{"industry": q.Industry})
	}
	return out, sel.OrderBy("region_code", "id").All(&out)
}

func listOverBudget(app core.App, q Query) ([]OverBudgetService, error) {
	out := []OverBudgetService{}
	sel := app.DB().Select("id", "coalesce(json_extract(data, '$.report_no'), '') AS report_no", "policy", "insurer", "region_code", "cost",
		"json_extract(data, '$.over_budget_reason') AS reason").From("service_reports").
		Where(regionExp(q.Region)).AndWhere(dbx.NewExp("json_extract(data, '$.over_budget_reason') IS NOT NULL"))
	if q.Industry != "" {
		sel.AndWhere(dbx.HashExp{"industry": q.Industry})
	}
	return out, sel.OrderBy("region_code", "id").All(&out)
}
