package records_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/records"
)

func historyEvents(t *testing.T, app core.App, hazard string, steps ...[2]string) []*core.Record {
	var out []*core.Record
	for _, s := range steps {
		out = append(out, newRecord(t, app, "hazard_events", map[string]any{"hazard": hazard, "action": s[0], "to_status": s[1],
			"from_status": "verified"})) // a client's from_status: the server's replaces it
	}
	return out
}

func auditEntries(t *testing.T, app core.App, collection, id, action string) int {
	var n int
	if err := app.DB().Select("COUNT(*)").From("audit_log").
		Where(dbx.HashExp{"collection_name": collection, "record_id": id, "action": action}).Row(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A history written in one go stores what its events saved one by one store, with one update
// of the hazard in the audit log instead of one per move.
func TestHazardHistoryInOneGo(t *testing.T) {
	app, _ := newApp(t)
	_, _, pol := world(t, app)
	newHazard := func() *core.Record {
		h := newRecord(t, app, "hazards", map[string]any{"definition": "hazard", "version": 1, "policy": pol.Id, "data": map[string]any{"is_major": false}})
		mustSave(t, app, h)
		return h
	}
	steps := [][2]string{{"notify", "notified"}, {"rectify", "rectified"}, {"verify", "verified"}}
	one, whole := newHazard(), newHazard()
	for _, ev := range historyEvents(t, app, one.Id, steps...) {
		mustSave(t, app, ev)
	}
	evs := historyEvents(t, app, whole.Id, steps...)
	if err := app.RunInTransaction(func(tx core.App) error { return records.SaveHazardHistory(tx, whole.Id, evs) }); err != nil {
		t.Fatal(err)
	}
	a, _ := app.FindRecordById("hazards", one.Id)
	b, _ := app.FindRecordById("hazards", whole.Id)
	for _, col := range []string{"status", "revision", "region_code", "city_code", "insurer", "enterprise", "follow_up_due", "closed_at"} {
		if a.GetString(col) != b.GetString(col) {
			t.Errorf("%s: event by event %q, in one go %q", col, a.GetString(col), b.GetString(col))
		}
	}
	if b.GetString("status") != "verified" {
		t.Errorf("status after the history: %q", b.GetString("status"))
	}
	for i, from := range []string{"found", "notified", "rectified"} {
		if got := evs[i].GetString("from_status"); got != from {
			t.Errorf("event %d from_status %q, want %q", i, got, from)
		}
	}
	if n, m := auditEntries(t, app, "hazards", one.Id, "update"), auditEntries(t, app, "hazards", whole.Id, "update"); n != 3 || m != 1 {
		t.Errorf("hazard updates in the audit log: event by event %d (want 3), in one go %d (want 1)", n, m)
	}
	if n := auditEntries(t, app, "hazard_events", evs[2].Id, "create"); n != 1 {
		t.Errorf("the last event's audit entries: %d", n)
	}
	if rep, err := audit.Verify(app); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("audit verify: %v %v", err, rep.Problems)
	}
}

// Each event is checked from the status the earlier ones moved the hazard to: a step the
// workflow does not allow is refused at to_status, and the transaction keeps nothing.
func TestHazardHistoryRefusesAStepTheLoopForbids(t *testing.T) {
	app, _ := newApp(t)
	_, _, pol := world(t, app)
	h := newRecord(t, app, "hazards", map[string]any{"definition": "hazard", "version": 1, "policy": pol.Id, "data": map[string]any{"is_major": false}})
	mustSave(t, app, h)
	evs := historyEvents(t, app, h.Id, [2]string{"notify", "notified"}, [2]string{"verify", "verified"})
	err := app.RunInTransaction(func(tx core.App) error { return records.SaveHazardHistory(tx, h.Id, evs) })
	if code := fieldCode(err, "to_status"); code != "hazard_transition" {
		t.Fatalf("notified → verified: %v (code %q)", err, code)
	}
	fresh, _ := app.FindRecordById("hazards", h.Id)
	var n int
	_ = app.DB().Select("COUNT(*)").From("hazard_events").Where(dbx.HashExp{"hazard": h.Id}).Row(&n)
	if fresh.GetString("status") != "found" || n != 0 {
		t.Errorf("after the refusal: status %q, %d events stored", fresh.GetString("status"), n)
	}
	other := historyEvents(t, app, "nosuchhazard00", [2]string{"notify", "notified"})
	if err := records.SaveHazardHistory(app, h.Id, other); err == nil {
		t.Error("an event of another hazard was written into this one's history")
	}
}
