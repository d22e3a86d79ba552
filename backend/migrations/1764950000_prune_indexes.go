package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Indexes no measured query of the server uses (issue 20): every insert pays for each index, and
// these were never chosen at 100,000 policies' statistics (no query filters on them alone, or
// the leading columns of a wider index serve the same look-ups), or, for idx_policies_coverage,
// served only a once-per-process load that reads the table as well. migrations/indexes_test.go names the query of every index
// that stays; the down migration puts these back as they were.
var prunedIndexes = map[string][][2]string{
	"policies": {
		{"idx_policies_period_end", "period_end"},     // no query filters or sorts on it alone
		{"idx_policies_status", "status, period_end"}, // a status filter is searched by idx_policies_status_enterprise
		{"idx_policies_province", "province_code"},    // no list is scoped by province (listHint: a province is the whole store)
		// the coverage fact index's load was its only query (a list at 100,000 policies' statistics
		// uses the party's own index); it cost every policy insert about 40% of its SQLite time:
		// the load reads the table instead (internal/coverage/bulkload.go)
		{"idx_policies_coverage", "province_code, city_code, region_code, industry, status, enterprise, period_start, period_end, insured_persons, headcount, premium, prevention_budget, prevention_clause, legal_basis, cover_per_person, uploaded_at, insurer, id"},
	},
	"enterprises": {
		{"idx_enterprises_province", "province_code"}, // idx_enterprises_coverage leads with province_code
	},
	"service_reports": {
		{"idx_service_reports_province", "province_code"}, // idx_service_reports_coverage leads with province_code
		{"idx_service_reports_policy", "policy"},          // idx_service_reports_delivery leads with policy
		{"idx_service_reports_status", "status"},          // no query filters on status alone
		{"idx_service_reports_enterprise", "enterprise"},  // the lists filter enterprise_org; no query by enterprise
	},
	"hazard_events": {
		{"idx_hazard_events_province", "province_code"}, // a province regulator's list is not scoped by province (listHint)
	},
	"hazards": {
		{"idx_hazards_enterprise", "enterprise"},                           // idx_hazards_enterprise_found leads with enterprise
		{"idx_hazards_enterprise_org", "enterprise_org"},                   // idx_hazards_enterprise_org_found leads with it
		{"idx_hazards_status", "status"},                                   // idx_hazards_status_found leads with status
		{"idx_hazards_service_report", "service_report"},                   // no query looks hazards up by their report
		{"idx_hazards_status_deadline", "status, deadline"},                // the overdue sweep is planned with idx_hazards_deadline
		{"idx_hazards_province_code_found", "province_code, found_at, id"}, // a province regulator's list is not scoped by province (listHint)
	},
}

func init() {
	m.Register(func(app core.App) error {
		return eachPruned(app, func(c *core.Collection, idx [2]string) { c.RemoveIndex(idx[0]) })
	}, func(app core.App) error {
		return eachPruned(app, func(c *core.Collection, idx [2]string) {
			c.RemoveIndex(idx[0])
			c.AddIndex(idx[0], false, idx[1], "")
		})
	})
}

func eachPruned(app core.App, change func(*core.Collection, [2]string)) error {
	for name, list := range prunedIndexes {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		for _, idx := range list {
			change(c, idx)
		}
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}
