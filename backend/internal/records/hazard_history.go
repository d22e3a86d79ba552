package records

import (
	"context"
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/hazards"
)

// SaveHazardHistory writes a stored hazard's events in order (new hazard_events records, each
// through app.Save: validated, checked against the workflow from the status the earlier ones
// moved the hazard to, audited) and then saves the hazard once, with the status the last one
// left it in, as a server update by that event's actor. Saving the events one by one moves the
// hazard after each, a full save of the hazard per event; a history written in one go (the demo
// seed) needs only its end. The stored rows are the same; the audit log has the events' entries
// and one update of the hazard instead of one per move. app should be a transaction: an event
// refused part way leaves the events before it stored and the hazard unmoved.
func SaveHazardHistory(app core.App, hazardID string, events []*core.Record) error {
	ps, err := LoadParents(app, Hazards, []string{hazardID}, "is_major")
	if err != nil {
		return err
	}
	row, ok := ps.rows[hazardID]
	if !ok {
		return fmt.Errorf("hazard %s does not exist", hazardID)
	}
	hist := &hazards.History{ID: hazardID, Status: row["status"], Major: row["is_major"] == "1" || row["is_major"] == "true"}
	ctx := hazards.WithHistory(context.Background(), hist)
	actor := ""
	for _, ev := range events {
		if ev.GetString("hazard") != hazardID {
			return fmt.Errorf("hazard event %s is not of hazard %s", ev.Id, hazardID)
		}
		row["status"] = hist.Status // the event's from_status and transition check read it
		before := hist.Status
		forget := UseParents(ev, ps)
		err := app.SaveWithContext(ctx, ev)
		forget()
		if err != nil {
			return err
		}
		if hist.Status != before {
			actor = audit.ActorOf(ev)
		}
	}
	if actor == "" {
		return nil // nothing moved it
	}
	h, err := app.FindRecordById(Hazards, hazardID)
	if err != nil {
		return err
	}
	h.Set("status", hist.Status)
	audit.SetActor(h, actor)
	defer audit.ClearActor(h)
	return app.SaveWithContext(serverUpdate(context.Background()), h)
}
