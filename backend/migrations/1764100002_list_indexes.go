package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Wider indexes for the regulators' usual lists: a city's industry in period order (no sort of
// thousands of rows for a page of 50), and active policies by end date (lapses, renewals).
// Their leading columns still serve every query the narrower indexes served.
func init() {
	m.Register(func(app core.App) error {
		pol, err := app.FindCollectionByNameOrId("policies")
		if err != nil {
			return err
		}
		pol.RemoveIndex("idx_policies_city_industry")
		pol.AddIndex("idx_policies_city_industry", false, "city_code, industry, period_start", "")
		pol.RemoveIndex("idx_policies_status")
		pol.AddIndex("idx_policies_status", false, "status, period_end", "")
		return app.Save(pol)
	}, func(app core.App) error {
		pol, err := app.FindCollectionByNameOrId("policies")
		if err != nil {
			return err
		}
		pol.AddIndex("idx_policies_city_industry", false, "city_code, industry", "")
		pol.AddIndex("idx_policies_status", false, "status", "")
		return app.Save(pol)
	})
}
