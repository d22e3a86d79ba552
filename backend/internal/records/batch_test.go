package records_test

import (
	"context"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/loader"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
)

// storeBatch is how a batch writer (the seed) stores the server's follow-up saves.
func storeBatch(app, tx core.App) func(recs []*core.Record) error {
	return func(recs []*core.Record) error {
		return loader.Update(app, tx, records.ServerSave(context.Background()), recs, nil)
	}
}

// compareRows fails unless a and b (re-read) hold the same values in cols.
func compareRows(t *testing.T, app core.App, collection, a, b string, cols ...string) {
	t.Helper()
	ra, err := app.FindRecordById(collection, a)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := app.FindRecordById(collection, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		if ra.GetString(c) != rb.GetString(c) {
			t.Errorf("%s %s: a save each %q, in a batch %q", collection, c, ra.GetString(c), rb.GetString(c))
		}
	}
}

// The providers that policies written in a batch bring their enterprise are stored as a save
// of the enterprise each would make: the same row and the same audit entries (one update a new
// provider, none for a provider it has), after the batch instead of during it.
func TestProviderAssignmentsInABatch(t *testing.T) {
	app, _ := newApp(t)
	insurer, _, _ := world(t, app)
	var provs []*core.Record
	for _, name := range []string{"甲服务", "乙服务"} {
		p := newRecord(t, app, "organizations", map[string]any{"name": name, "kind": "provider"})
		mustSave(t, app, p)
		provs = append(provs, p)
	}
	newEnterprise := func(body string) *core.Record {
		uscc := body + string(validation.USCCCheckChar(body))
		e := newRecord(t, app, "enterprises", map[string]any{"definition": "enterprise", "version": 1,
			"data": map[string]any{"uscc": uscc, "name": "越城化工" + body[14:], "region_code": "330602", "industry": "hazardous_chemicals"}})
		mustSave(t, app, e)
		return e
	}
	policies := func(ent *core.Record, tag string) []*core.Record {
		var out []*core.Record
		for i, p := range []*core.Record{provs[0], provs[1], provs[0]} { // the third brings nothing new
			out = append(out, newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1,
				"enterprise": ent.Id, "insurer": insurer.Id, "provider": p.Id,
				"data": map[string]any{"policy_no": tag + string(rune('1'+i)), "premium": 20000, "period": map[string]any{"start": "2026-01-01"}}}))
		}
		return out
	}
	one, batch := newEnterprise("91330602MA2E20002"), newEnterprise("91330602MA2E30003")
	for _, p := range policies(one, "A-") {
		mustSave(t, app, p)
	}
	err := app.RunInTransaction(func(tx core.App) error {
		pa := records.StartProviderAssignments()
		ctx := pa.Context(context.Background())
		for _, p := range policies(batch, "B-") {
			if err := tx.SaveWithContext(ctx, p); err != nil {
				return err
			}
		}
		if fresh, _ := tx.FindRecordById("enterprises", batch.Id); fresh.GetString("providers") != "" {
			t.Errorf("the enterprise was saved during the batch: providers %q", fresh.GetString("providers"))
		}
		return pa.Store(tx, storeBatch(app, tx))
	})
	if err != nil {
		t.Fatal(err)
	}
	compareRows(t, app, "enterprises", one.Id, batch.Id, "providers", "revision", "risk_grade", "must_insure", "city_code", "region_code", "industry", "organization")
	if fresh, _ := app.FindRecordById("enterprises", batch.Id); fresh.GetString("providers") != provs[0].Id+" "+provs[1].Id {
		t.Errorf("providers after the batch: %q", fresh.GetString("providers"))
	}
	if n, m := auditEntries(t, app, "enterprises", one.Id, "update"), auditEntries(t, app, "enterprises", batch.Id, "update"); n != 2 || m != 2 {
		t.Errorf("enterprise updates in the audit log: a save each %d, in a batch %d (want 2 and 2)", n, m)
	}
	if rep, err := audit.Verify(app); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("audit verify: %v %v", err, rep.Problems)
	}
}

// A history's hazard stored by the batch loader is the hazard Finish saves.
func TestHazardHistoryFinishedInABatch(t *testing.T) {
	app, _ := newApp(t)
	_, _, pol := world(t, app)
	newHazard := func() *core.Record {
		h := newRecord(t, app, "hazards", map[string]any{"definition": "hazard", "version": 1, "policy": pol.Id, "data": map[string]any{"is_major": false}})
		mustSave(t, app, h)
		return h
	}
	steps := [][2]string{{"notify", "notified"}, {"rectify", "rectified"}}
	saved, batch := newHazard(), newHazard()
	if err := app.RunInTransaction(func(tx core.App) error {
		return records.SaveHazardHistory(tx, saved.Id, historyEvents(t, app, saved.Id, steps...))
	}); err != nil {
		t.Fatal(err)
	}
	err := app.RunInTransaction(func(tx core.App) error {
		hh, err := records.StartHazardHistories(tx, []string{batch.Id})
		if err != nil {
			return err
		}
		ctx := hh.Context(context.Background())
		for _, ev := range historyEvents(t, app, batch.Id, steps...) {
			forget, err := hh.Use(ev)
			if err != nil {
				return err
			}
			err = tx.SaveWithContext(ctx, ev)
			forget()
			if err != nil {
				return err
			}
		}
		return hh.FinishWith(tx, storeBatch(app, tx))
	})
	if err != nil {
		t.Fatal(err)
	}
	compareRows(t, app, "hazards", saved.Id, batch.Id, "status", "revision", "region_code", "city_code", "insurer", "enterprise", "enterprise_name", "follow_up_due", "closed_at")
	if fresh, _ := app.FindRecordById("hazards", batch.Id); fresh.GetString("status") != "rectified" {
		t.Errorf("status after the batch: %q", fresh.GetString("status"))
	}
	if n := auditEntries(t, app, "hazards", batch.Id, "update"); n != 1 {
		t.Errorf("hazard updates in the audit log: %d, want 1", n)
	}
	if rep, err := audit.Verify(app); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("audit verify: %v %v", err, rep.Problems)
	}
}
