package records

import (
	"context"
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
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
	return hh.FinishWith(app, func(recs []*core.Record) error {
		for _, h := range recs {
			if err := app.SaveWithContext(serverUpdate(context.Background()), h); err != nil {
				return err
			}
		}
		return nil
	})
}

// FinishWith hands save the hazards an event moved, in the order they were started, each read
// from app (the writer's transaction) and set to the status its history ended in, with the
// event's actor as the actor of its save: the saves Finish makes, for a caller that stores them
// in a batch (loader.Update, with ServerSave's context: a server update, not a correction).
func (hh *HazardHistories) FinishWith(app core.App, save func(recs []*core.Record) error) error {
	var ids []string
	for _, id := range hh.order {
		if hh.byID[id].Mover != "" { // else nothing moved it
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := app.FindRecordsByIds(Hazards, ids)
	if err != nil {
		return err
	}
	byID := make(map[string]*core.Record, len(found))
	for _, h := range found {
		byID[h.Id] = h
	}
	recs := make([]*core.Record, len(ids))
	for i, id := range ids {
		h, ok := byID[id]
		if !ok {
			return fmt.Errorf("hazard %s does not exist", id)
		}
		hist := hh.byID[id]
		h.Set("status", hist.Status)
		audit.SetActor(h, hist.Mover)
		recs[i] = h
	}
	defer func() {
		for _, h := range recs {
			audit.ClearActor(h)
		}
	}()
	return save(recs)
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
