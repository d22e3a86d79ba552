package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The hazard ledger searches and filters by enterprise on two text columns the server derives
// (internal/hazards): enterprise_name ("name USCC") and search_text (number, place,
// description, basis, person responsible, enterprise). Text columns keep the audit hashes of
// existing rows (empty columns are left out of the canonical JSON).
func init() {
	m.Register(func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		haz.Fields.Add(
			&core.TextField{Name: "enterprise_name", Max: 300},
			&core.TextField{Name: "search_text", Max: 5000},
		)
		haz.AddIndex("idx_hazards_status_deadline", false, "status, deadline", "")
		return app.Save(haz)
	}, func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		haz.RemoveIndex("idx_hazards_status_deadline")
		haz.Fields.RemoveByName("enterprise_name")
		haz.Fields.RemoveByName("search_text")
		return app.Save(haz)
	})
}
