package records

import (
	"context"
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/hazards"
)

// HazardHistories are stored hazards whose histories (new hazard_events records) are being
// written in one go: each event is validated, checked against the workflow from the status the
// events before it moved its hazard to, and audited as in a save, but the hazard is not saved
// after each; Finish saves each moved hazard once, with the status its last event left it in,
// as a server update by that event's actor. The stored rows are those of a save an event; the
// audit log has the events' entries and one update of a hazard instead of one a move.
type HazardHistories struct {
	parents *Parents
	byID    map[string]*hazards.History
	order   []string
}

// StartHazardHistories reads the hazards (in app, the writer's transaction).
func StartHazardHistories(app core.App, ids []string) (*HazardHistories, error) {
	ps, err := LoadParents(app, Hazards, ids, "is_major")
	if err != nil {
		return nil, err
	}
	hh := &HazardHistories{parents: ps, byID: make(map[string]*hazards.History, len(ids))}
	for _, id := range ids {
		row, ok := ps.rows[id]
		if !ok {
			return nil, fmt.Errorf("hazard %s does not exist", id)
		}
		if _, seen := hh.byID[id]; !seen {
			hh.byID[id] = &hazards.History{ID: id, Status: row["status"], Major: row["is_major"] == "1" || row["is_major"] == "true"}
			hh.order = append(hh.order, id)
		}
	}
	return hh, nil
}

// Context is the context to save (or validate and write) the events with.
func (hh *HazardHistories) Context(ctx context.Context) context.Context {
	return hazards.WithHistories(ctx, hh.byID)
}

// Use makes ev's derivation read its hazard with the status its history has reached; the
// returned func forgets it. An event of a hazard not started here is refused.
func (hh *HazardHistories) Use(ev *core.Record) (func(), error) {
	id := ev.GetString("hazard")
	h, ok := hh.byID[id]
	if !ok {
		return nil, fmt.Errorf("hazard event %s is not of a hazard whose history is being written", ev.Id)
	}
	hh.parents.rows[id]["status"] = h.Status // from_status and the transition check read it
	return UseParents(ev, hh.parents), nil
}

// Finish saves each hazard an event moved, once, with the status its history ended in.
func (hh *HazardHistories) Finish(app core.App) error {
	for _, id := range hh.order {
		hist := hh.byID[id]
		if hist.Mover == "" {
			continue // nothing moved it
		}
		h, err := app.FindRecordById(Hazards, id)
		if err != nil {
			return err
		}
		h.Set("status", hist.Status)
		if err := saveAs(app, serverUpdate(context.Background()), h, hist.Mover); err != nil {
			return err
		}
	}
	return nil
}

// SaveHazardHistory writes a stored hazard's events in order, each with app.Save, and then
// saves the hazard once (HazardHistories). app should be a transaction: an event refused part
// way leaves the events before it stored and the hazard unmoved.
func SaveHazardHistory(app core.App, hazardID string, events []*core.Record) error {
	hh, err := StartHazardHistories(app, []string{hazardID})
	if err != nil {
		return err
	}
	ctx := hh.Context(context.Background())
	for _, ev := range events {
		forget, err := hh.Use(ev)
		if err != nil {
			return err
		}
		err = app.SaveWithContext(ctx, ev)
		forget()
		if err != nil {
			return err
		}
	}
	return hh.Finish(app)
}
