package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Indexes the coverage fact index reads to measure delivery against the service plan (issue 17)
// without touching the rows' JSON: each enterprise's risk grade (its plan's visits a year) and
// each service report's policy and service types (whether it was an assistance visit, 帮扶).
var deliveryIndexes = map[string][2]string{
	"enterprises":     {"idx_enterprises_risk_grade", "risk_grade"},
	"service_reports": {"idx_service_reports_delivery", "policy, service_types"},
}

func init() {
	m.Register(func(app core.App) error {
		for name, idx := range deliveryIndexes {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			c.RemoveIndex(idx[0])
			c.AddIndex(idx[0], false, idx[1], "")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		for name, idx := range deliveryIndexes {
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
