package loader

import (
	"errors"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/stored"
)

var errNoTransaction = errors.New("loader: Write needs the writer's transaction")

var errColumns = errors.New("loader: records of one collection export different columns")

// insertRows inserts the rows (a record's DBExport each, the same columns), one statement a row,
// the same text each time: the connection keeps it prepared (../stmtcache), so a row costs its
// binding and its step. The text is plain SQL with ? placeholders (stored.Exec): dbx's rewrite of
// {{table}}, [[column]] and {:name}, by regular expressions, on every row was a third of the
// inserts' CPU (12 s of 39 s at 100,000 enterprises). Not several rows a statement: SQLite then
// keeps a statement journal (each page the statement touches copied, so a failed row can be
// undone alone), which cost more than the statements saved, and modernc's driver binds in time
// quadratic in a statement's values.
func insertRows(tx core.App, table string, rows []map[string]any) error {
	cols := make([]string, 0, len(rows[0]))
	for c := range rows[0] {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	quoted, marks := make([]string, len(cols)), make([]string, len(cols))
	for j, c := range cols {
		quoted[j] = quoteIdent(c)
		marks[j] = "?"
	}
	sql := "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(quoted, ",") + ") VALUES (" + strings.Join(marks, ",") + ")"
	args := make([]any, len(cols))
	for _, row := range rows {
		if len(row) != len(cols) {
			return errColumns
		}
		for j, c := range cols {
			v, ok := row[c]
			if !ok {
				return errColumns
			}
			args[j] = v
		}
		if err := stored.Exec(tx, sql, args...); err != nil {
			return err
		}
	}
	return nil
}

// quoteIdent quotes a table or column name as an SQL identifier (dbx quotes {{name}} and
// [[name]] with backticks, which SQLite reads the same).
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
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
