package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Whom a written notice was addressed to (the hazard workflow's recipients: for a major hazard
// the 主要负责人 and the 实际控制人), by recipient code → name, on the notify event
// (internal/hazards checks it). Events stored before keep it empty (NULL), which the audit
// hash leaves out, so their chain holds.
func init() {
	m.Register(func(app core.App) error {
		ev, err := app.FindCollectionByNameOrId("hazard_events")
		if err != nil {
			return err
		}
		ev.Fields.Add(&core.JSONField{Name: "notified_to", MaxSize: 4096})
		return app.Save(ev)
	}, func(app core.App) error {
		ev, err := app.FindCollectionByNameOrId("hazard_events")
		if err != nil {
			return err
		}
		ev.Fields.RemoveByName("notified_to")
		return app.Save(ev)
	})
}
