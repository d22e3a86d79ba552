package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Inspection rounds (检查评估) and their findings, for <azx-compliance-report>; and indexes the
// coverage aggregation (internal/coverage) needs to stay under 200 ms over 200,000 policies.
//
// Both collections are written only by the server (POST /api/azx/compliance/...), which draws
// the sample and checks that a finding names a sampled policy; the API reads them with the
// regulator's usual region rule on the row's own region columns.
const (
	idInspectionRounds = "azx_inspection_rounds"
	idFindings         = "azx_findings"
)

// findingCategoriesAt2024 were the problem kinds an inspector recorded, in the order of the
// Suzhou bulletin, when this migration was written; since 1764710000 the rule packs name them
// (finding_categories) and the column is text.
var findingCategoriesAt2024 = []string{
	"rate_misused", "no_prevention_clause", "cover_headcount_mismatch", "irregular_entry", "not_uploaded",
	"not_fully_insured", "cover_below_minimum", "low_prevention_budget", "service_perfunctory", "other",
}

func init() {
	m.Register(upInspection, downInspection)
}

func upInspection(app core.App) error {
	rounds := core.NewBaseCollection("inspection_rounds", idInspectionRounds)
	rounds.Fields.Add(
		&core.TextField{Name: "name", Required: true, Max: 200},
		text("industry", false),
		&core.DateField{Name: "period_from"},
		&core.DateField{Name: "period_to"},
		&core.NumberField{Name: "seed", OnlyInt: true},
		&core.NumberField{Name: "sample_size", OnlyInt: true},
		&core.NumberField{Name: "population", OnlyInt: true},
		// the ids of the sampled policies, in draw order; kept so the sample never moves
		&core.JSONField{Name: "sample", MaxSize: 4 << 20},
		relation("created_by", "_pb_users_auth_", false),
	)
	regionColumns(rounds, false)
	timestamps(rounds)
	rounds.AddIndex("idx_inspection_rounds_city", false, "city_code", "")
	rounds.AddIndex("idx_inspection_rounds_province", false, "province_code", "")
	rounds.AddIndex("idx_inspection_rounds_region", false, "region_code", "")
	rounds.ListRule, rounds.ViewRule = ptr(scope("")), ptr(scope(""))
	if err := app.Save(rounds); err != nil {
		return err
	}

	findings := core.NewBaseCollection("findings", idFindings)
	findings.Fields.Add(
		relation("round", idInspectionRounds, true),
		relation("policy", idPolicies, true),
		relation("enterprise", idEnterprises, false),
		relation("insurer", idOrganizations, false),
		&core.SelectField{Name: "category", Values: findingCategoriesAt2024, MaxSelect: 1, Required: true},
		&core.TextField{Name: "note", Max: 2000},
		relation("actor", "_pb_users_auth_", false),
	)
	regionColumns(findings, false)
	timestamps(findings)
	findings.AddIndex("idx_findings_round", false, "round, policy", "")
	findings.AddIndex("idx_findings_city", false, "city_code", "")
	findings.AddIndex("idx_findings_province", false, "province_code", "")
	findings.ListRule, findings.ViewRule = ptr(scope("")), ptr(scope(""))
	if err := app.Save(findings); err != nil {
		return err
	}

	// renewal look-ups ("was this policy renewed?") and a covering index for the per-region
	// policy figures, so the aggregation never reads the rows' JSON.
	pol, err := app.FindCollectionByNameOrId("policies")
	if err != nil {
		return err
	}
	pol.AddIndex("idx_policies_renewal_of", false, "renewal_of", "")
	pol.AddIndex("idx_policies_coverage", false,
		"province_code, city_code, region_code, industry, status, enterprise, period_start, period_end, insured_persons, headcount, premium, prevention_budget, prevention_clause, legal_basis, cover_per_person, uploaded_at, insurer", "")
	if err := app.Save(pol); err != nil {
		return err
	}
	ent, err := app.FindCollectionByNameOrId("enterprises")
	if err != nil {
		return err
	}
	ent.AddIndex("idx_enterprises_coverage", false, "province_code, city_code, region_code, industry, must_insure, headcount, id", "")
	return app.Save(ent)
}

func downInspection(app core.App) error {
	for _, name := range []string{"findings", "inspection_rounds"} {
		if c, err := app.FindCollectionByNameOrId(name); err == nil {
			if err := app.Delete(c); err != nil {
				return err
			}
		}
	}
	if pol, err := app.FindCollectionByNameOrId("policies"); err == nil {
		pol.RemoveIndex("idx_policies_renewal_of")
		pol.RemoveIndex("idx_policies_coverage")
		if err := app.Save(pol); err != nil {
			return err
		}
	}
	if ent, err := app.FindCollectionByNameOrId("enterprises"); err == nil {
		ent.RemoveIndex("idx_enterprises_coverage")
		return app.Save(ent)
	}
	return nil
}
