package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A hazard's return visit (回头看), scheduled by the server when the hazard is verified
// (internal/packs follow_up.go, days from the workflow document or the pack in force). Hazards
// stored before keep it empty: an empty date is left out of the audit hash, so their chain holds.
func init() {
	m.Register(func(app core.App) error {
		h, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		h.Fields.Add(&core.DateField{Name: "follow_up_due"})
		return app.Save(h)
	}, func(app core.App) error {
		h, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		h.Fields.RemoveByName("follow_up_due")
		return app.Save(h)
	})
}
