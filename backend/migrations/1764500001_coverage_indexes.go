package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Covering indexes for the coverage figures' sums over service reports (prevention spending)
// and hazards (open and overdue major hazards): the aggregation reads the index alone, never
// the rows' JSON, like the policies' and enterprises' coverage indexes of 1764500000.
// The policies' coverage index gains `id` (renewal look-ups compare it), and (status, enterprise)
// gives the set of enterprises with a policy in force from the index alone.
var coverageIndexes = map[string][][2]string{
	"service_reports": {{"idx_service_reports_coverage", "province_code, city_code, region_code, industry, status, service_date, cost, insurer"}},
	"hazards":         {{"idx_hazards_coverage", "province_code, city_code, region_code, industry, is_major, status, deadline, insurer"}},
	"policies": {
		{"idx_policies_coverage", "province_code, city_code, region_code, industry, status, enterprise, period_start, period_end, insured_persons, headcount, premium, prevention_budget, prevention_clause, legal_basis, cover_per_person, uploaded_at, insurer, id"},
		{"idx_policies_status_enterprise", "status, enterprise"},
	},
}

func init() {
	m.Register(func(app core.App) error {
		for name, list := range coverageIndexes {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			for _, idx := range list {
				c.RemoveIndex(idx[0]) // replaced when it exists (the policies' from 1764500000)
				c.AddIndex(idx[0], false, idx[1], "")
			}
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		for name, list := range coverageIndexes {
			if c, err := app.FindCollectionByNameOrId(name); err == nil {
				for _, idx := range list {
					if idx[0] != "idx_policies_coverage" {
						c.RemoveIndex(idx[0])
					}
				}
				if err := app.Save(c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
