package loader

import (
	"errors"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

var errNoTransaction = errors.New("loader: Write needs the writer's transaction")

var errColumns = errors.New("loader: records of one collection export different columns")

// insertRows inserts the rows (a record's DBExport each, the same columns), one statement a row,
// the same text each time: the connection keeps it prepared (../stmtcache), so a row costs its
// binding and its step. Not several rows a statement: SQLite then keeps a statement journal
// (each page the statement touches copied, so a failed row can be undone alone), which cost
// more than the statements saved, and modernc's driver binds in time quadratic in a statement's
// values.
func insertRows(tx core.App, table string, rows []map[string]any) error {
	cols := make([]string, 0, len(rows[0]))
	for c := range rows[0] {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	quoted, marks := make([]string, len(cols)), make([]string, len(cols))
	for j, c := range cols {
		quoted[j] = "[[" + c + "]]"
		marks[j] = "{:" + c + "}"
	}
	sql := "INSERT INTO {{" + table + "}} (" + strings.Join(quoted, ",") + ") VALUES (" + strings.Join(marks, ",") + ")"
	db := tx.NonconcurrentDB()
	for _, row := range rows {
		if len(row) != len(cols) {
			return errColumns
		}
		params := make(dbx.Params, len(cols))
		for _, c := range cols {
			v, ok := row[c]
			if !ok {
				return errColumns
			}
			params[c] = v
		}
		if _, err := db.NewQuery(sql).Bind(params).Execute(); err != nil {
			return err
		}
	}
	return nil
}

// InsertExported inserts records of one collection as they export (Record.DBExport), without
// any hook: rows whose every value is the server's own, written beside a batch (a bulk import's
// flags); the caller appends their audit entries (audit.AppendInserted) in the same transaction.
func InsertExported(tx core.App, recs []*core.Record) error {
	if len(recs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		data, err := r.DBExport(tx)
		if err != nil {
			return err
		}
		rows[i] = data
	}
	return insertRows(tx, recs[0].Collection().Name, rows)
}
