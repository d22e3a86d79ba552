package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// Who did each step of a hazard's loop, as its parties may read it: the users collection is
// private (oneself only), so the history could say "someone" or "the system" but not "the
// insurer" or "the enterprise". The server copies the actor's role and organization onto the
// event when it is written (internal/records); organizations are readable by every user.
func init() {
	m.Register(func(app core.App) error {
		ev, err := app.FindCollectionByNameOrId("hazard_events")
		if err != nil {
			return err
		}
		ev.Fields.Add(
			sel("actor_role", vocab.Role.Codes()...),
			relation("actor_org", idOrganizations, false),
		)
		// events written before keep them empty: filling them in would alter rows the audit
		// chain has hashed (empty columns are left out of the hash, so adding them is safe)
		return app.Save(ev)
	}, func(app core.App) error {
		ev, err := app.FindCollectionByNameOrId("hazard_events")
		if err != nil {
			return err
		}
		ev.Fields.RemoveByName("actor_role")
		ev.Fields.RemoveByName("actor_org")
		return app.Save(ev)
	})
}
