package loader

import (
	"context"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
)

// Write stores records of one collection that Prepare found valid, in tx (the writer's
// transaction; app is the app outside it, which the after-create hooks get, as after a save).
//
// Each record goes through PocketBase's create hooks in a save's order (OnModelCreate, then
// OnModelCreateExecute with every OnRecordCreateExecute handler: numbering, the policies'
// provider assignment, the fields' interceptors such as created/updated), with its validation
// already done by Prepare; where a save would insert the row, Write keeps its columns
// (Record.DBExport, what a save inserts) and tells the audit handler the entry comes later
// (audit.DeferCreate). Then the rows are inserted, a kept-prepared statement a row (insert.go says why not many), and their entries appended
// under one head (audit.AppendExported, hashing the row each inserted: the same exported row a
// save's entry hashes). Once tx commits, each record's after-create hooks run (the coverage fact index, the
// figures' cache), or its after-error hooks when tx rolls back.
//
// A record refused by a create hook is a *RowError: the records before it ran their hooks in tx,
// so the caller rolls tx back (and may store them one save at a time).
func Write(app, tx core.App, ctx context.Context, recs []*core.Record) error {
	if len(recs) == 0 {
		return nil
	}
	ctx, err := inTransaction(tx, ctx)
	if err != nil {
		return err
	}
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		if !r.IsNew() {
			return &RowError{i, errNotNew}
		}
		if err := runCreateHooks(tx, ctx, r, &rows[i]); err != nil {
			afterError(tx, ctx, r, err)
			return &RowError{i, err}
		}
	}
	if err := insertRows(tx, recs[0].Collection().Name, rows); err != nil {
		return err
	}
	return finish(app, tx, ctx, recs, rows)
}

// finish follows the insert of recs in tx: they are stored (not new), their audit entries are
// appended under one head (rows: each one's row as inserted, which its entry hashes), and their
// after-create hooks wait for the commit (after-error hooks for a rollback).
func finish(app, tx core.App, ctx context.Context, recs []*core.Record, rows []map[string]any) error {
	if len(recs) == 0 {
		return nil
	}
	for _, r := range recs {
		r.MarkAsNotNew()
	}
	if err := appendEntries(tx, recs, rows); err != nil {
		return err
	}
	tx.TxInfo().OnComplete(func(txErr error) error {
		for _, r := range recs {
			e := &core.ModelEvent{App: app, Context: ctx, Type: core.ModelEventTypeCreate}
			e.Model = r
			if txErr != nil {
				r.MarkAsNew()
				afterError(app, ctx, r, txErr)
				continue
			}
			if err := app.OnModelAfterCreateSuccess().Trigger(e); err != nil {
				app.Logger().Warn("loader: an after-create hook failed", "collection", r.Collection().Name, "id", r.Id, "error", err)
			}
		}
		return nil
	})
	return nil
}

// runCreateHooks triggers r's create hooks as a save does, keeping the row a save would insert.
func runCreateHooks(tx core.App, ctx context.Context, r *core.Record, row *map[string]any) error {
	defer audit.DeferCreate(r)()
	event := &core.ModelEvent{App: tx, Context: context.WithValue(ctx, keepRow{}, true), Type: core.ModelEventTypeCreate}
	event.Model = r
	return tx.OnModelCreate().Trigger(event, func(e *core.ModelEvent) error {
		// validated by Prepare: a save validates here
		return e.App.OnModelCreateExecute().Trigger(event, func(e *core.ModelEvent) error {
			data, err := r.DBExport(e.App)
			if err != nil {
				return err
			}
			if _, ok := data["id"]; !ok {
				data["id"] = r.PK()
			}
			*row = data
			return nil
		})
	})
}

// afterError runs r's after-create-error hooks (a refused save runs them: the policies' pending
// provider assignment is forgotten).
func afterError(app core.App, ctx context.Context, r *core.Record, err error) {
	e := &core.ModelErrorEvent{ModelEvent: core.ModelEvent{App: app, Context: ctx, Type: core.ModelEventTypeCreate}, Error: err}
	e.Model = r
	_ = app.OnModelAfterCreateError().Trigger(e)
}

// appendEntries logs the inserted records, in order, a run of records by the same actor at a time.
func appendEntries(tx core.App, recs []*core.Record, rows []map[string]any) error {
	start := 0
	for i := 1; i <= len(recs); i++ {
		if i < len(recs) && audit.ActorOf(recs[i]) == audit.ActorOf(recs[start]) {
			continue
		}
		if err := audit.AppendExported(tx, recs[start:i], rows[start:i], audit.ActorOf(recs[start])); err != nil {
			return err
		}
		start = i
	}
	return nil
}
