package loader

import (
	"context"
	"errors"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/stored"
)

// insertSaved stores a record that a save in the writer's transaction creates (an API create,
// which AZX wraps in one with its audit entry, or a save inside a batch's transaction) with the
// statement a batch inserts its rows by, in place of PocketBase's own insert, which builds its
// statement anew on every save: dbx sorts and quotes the columns and rewrites its placeholders by
// regular expression (about 4 % of a policy create's CPU), to end at the same text. It is the
// innermost create-execute handler, so every other one (numbering, interceptors such as created
// and updated, the audit entry, PocketBase's unique-index error wording) wraps it as it wraps
// PocketBase's insert. Outside a transaction the save goes on to PocketBase's insert and its
// retries on a locked database, and Write's create hooks keep the row for their batch insert.
func insertSaved(e *core.ModelEvent) error {
	r, ok := e.Model.(*core.Record)
	if !ok || !e.App.IsTransactional() || keepsRow(e.Context) {
		return e.Next()
	}
	row, err := r.DBExport(e.App)
	if err != nil {
		return err
	}
	if _, ok := row["id"]; !ok {
		row["id"] = r.PK()
	}
	if id, _ := row["id"].(string); id == "" {
		return errNoId
	}
	if err := insertOne(e.App, r.TableName(), row); err != nil {
		return err
	}
	r.MarkAsNotNew()
	return nil
}

var errNoId = errors.New("loader: a record is inserted with an id")

// insertTexts keeps each table's insert statement text (table → *insertText): a save's columns
// are its collection's, the same each time until an administrator changes the collection.
var insertTexts sync.Map

func insertOne(tx core.App, table string, row map[string]any) error {
	text, _ := insertTexts.Load(table)
	t, _ := text.(*insertText)
	args := make([]any, len(row))
	if t == nil || t.bind(row, args) != nil {
		t = newInsertText(table, row)
		insertTexts.Store(table, t)
		if err := t.bind(row, args); err != nil {
			return err
		}
	}
	return stored.Exec(tx, t.sql, args...)
}

// keepRow marks the create hooks Write triggers: their row is inserted with the batch's.
type keepRow struct{}

func keepsRow(ctx context.Context) bool {
	return ctx != nil && ctx.Value(keepRow{}) != nil
}
