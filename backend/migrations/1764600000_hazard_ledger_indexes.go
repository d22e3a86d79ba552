package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The ledger's industry and enterprise filters, newest first. Once SQLite has statistics
// (PocketBase runs PRAGMA optimize), it answers `industry = ?` by skip-scanning
// (city_code, industry) and sorting every match: 940 ms over 100,000 hazards in the bench.
// (industry, found_at, id) and (enterprise, found_at, id) read the page in order instead.
func init() {
	m.Register(func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		haz.AddIndex("idx_hazards_industry_found", false, "industry, found_at, id", "")
		haz.AddIndex("idx_hazards_enterprise_found", false, "enterprise, found_at, id", "")
		return app.Save(haz)
	}, func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		haz.RemoveIndex("idx_hazards_industry_found")
		haz.RemoveIndex("idx_hazards_enterprise_found")
		return app.Save(haz)
	})
}
