package loader

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/stored"
)

var errNotStored = errors.New("loader: only stored records are updated")

var errPrimaryKey = errors.New("primary key change is not allowed")

// Update stores changes to records of one collection that are already stored, in tx (the
// writer's transaction; app is the app outside it, which the after-update hooks get, as after a
// save): the server's own follow-up writes of a batch (an enterprise's providers, a hazard's
// status after its history), one save each before.
//
// The records are validated first, in parallel, by the hooks a save runs (as Prepare validates
// new records; a relation to a Known id is not looked up): the first refusal is returned as a
// *RowError and nothing is written. Then each record, in order, goes through PocketBase's update
// hooks in a save's order (OnModelUpdate, then OnModelUpdateExecute with every
// OnRecordUpdateExecute handler: the audit entry, numbering, propagation, the fields'
// interceptors such as updated), and where a save would update the row, Update writes the
// record's export (Record.DBExport, what a save writes) with one plain statement, kept prepared
// (a save rewrites dbx's quoting and placeholders by regular expressions every time). Once tx
// commits, each record's after-update hooks run (the coverage fact index, the figures' cache),
// or its after-error hooks when tx rolls back.
//
// A record refused by an update hook is a *RowError: the records before it ran their hooks in
// tx, so the caller rolls tx back.
func Update(app, tx core.App, ctx context.Context, recs []*core.Record, known *Known) error {
	if len(recs) == 0 {
		return nil
	}
	ctx, err := inTransaction(tx, ctx)
	if err != nil {
		return err
	}
	for i, r := range recs {
		if r.IsNew() {
			return &RowError{i, errNotStored}
		}
	}
	for i, err := range prepare(tx, ctx, recs, known, nil, false) {
		if err != nil {
			return &RowError{i, err}
		}
	}
	for i, r := range recs {
		if err := runUpdateHooks(tx, ctx, r); err != nil {
			e := &core.ModelErrorEvent{ModelEvent: core.ModelEvent{App: tx, Context: ctx, Type: core.ModelEventTypeUpdate}, Error: err}
			e.Model = r
			_ = tx.OnModelAfterUpdateError().Trigger(e)
			return &RowError{i, err}
		}
	}
	tx.TxInfo().OnComplete(func(txErr error) error {
		for _, r := range recs {
			e := &core.ModelEvent{App: app, Context: ctx, Type: core.ModelEventTypeUpdate}
			e.Model = r
			if txErr != nil {
				_ = app.OnModelAfterUpdateError().Trigger(&core.ModelErrorEvent{ModelEvent: *e, Error: txErr})
				continue
			}
			if err := app.OnModelAfterUpdateSuccess().Trigger(e); err != nil {
				app.Logger().Warn("loader: an after-update hook failed", "collection", r.Collection().Name, "id", r.Id, "error", err)
			}
		}
		return nil
	})
	return nil
}

// runUpdateHooks triggers r's update hooks as a save does (core.BaseApp's update without its
// validation, done by Update before), writing the row where the save writes it.
func runUpdateHooks(tx core.App, ctx context.Context, r *core.Record) error {
	event := &core.ModelEvent{App: tx, Context: ctx, Type: core.ModelEventTypeUpdate}
	event.Model = r
	return tx.OnModelUpdate().Trigger(event, func(e *core.ModelEvent) error {
		return e.App.OnModelUpdateExecute().Trigger(event, func(e *core.ModelEvent) error {
			data, err := r.DBExport(e.App)
			if err != nil {
				return err
			}
			if v, ok := data["id"]; ok && v != r.LastSavedPK() {
				return errPrimaryKey // as a save refuses it
			}
			return updateRow(e.App, r.Collection().Name, data, r.LastSavedPK())
		})
	})
}

// updateRow sets every exported column of the row with id pk, as PocketBase's update does,
// with plain SQL whose text depends only on the table and its columns.
func updateRow(tx core.App, table string, data map[string]any, pk any) error {
	cols := make([]string, 0, len(data))
	for c := range data {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	args := make([]any, 0, len(cols)+1)
	for _, c := range cols {
		args = append(args, data[c])
	}
	args = append(args, pk)
	return stored.Exec(tx, updateSQL(table, cols), args...)
}

var updateTexts sync.Map // table and columns → the UPDATE statement's text

func updateSQL(table string, cols []string) string {
	key := table + "\x00" + strings.Join(cols, "\x00")
	if s, ok := updateTexts.Load(key); ok {
		return s.(string)
	}
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = quoteIdent(c) + "=?"
	}
	s := "UPDATE " + quoteIdent(table) + " SET " + strings.Join(set, ",") + " WHERE " + quoteIdent("id") + "=?"
	updateTexts.Store(key, s)
	return s
}
