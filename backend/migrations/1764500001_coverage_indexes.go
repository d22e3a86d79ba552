package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Covering indexes for the coverage figures' sums over service reports (prevention spending)
// and hazards (open and overdue major hazards): the aggregation reads the index alone, never
// the rows' JSON, like the policies' and enterprises' coverage indexes of 1764500000.
var coverageIndexes = map[string][2]string{
	"service_reports": {"idx_service_reports_coverage", "province_code, city_code, region_code, industry, status, service_date, cost, insurer"},
	"hazards":         {"idx_hazards_coverage", "province_code, city_code, region_code, industry, is_major, status, deadline, insurer"},
}

func init() {
	m.Register(func(app core.App) error {
		for name, idx := range coverageIndexes {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			c.AddIndex(idx[0], false, idx[1], "")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		for name, idx := range coverageIndexes {
			if c, err := app.FindCollectionByNameOrId(name); err == nil {
				c.RemoveIndex(idx[0])
				if err := app.Save(c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
