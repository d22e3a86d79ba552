package loader

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/stored"
)

var errNoTransaction = errors.New("loader: a batch is written in the writer's transaction")

// inTransaction is where every batch writer starts: tx must be the writer's transaction (a
// batch's rows and audit entries commit or roll back together), ctx defaults to Background.
func inTransaction(tx core.App, ctx context.Context) (context.Context, error) {
	if !tx.IsTransactional() {
		return nil, errNoTransaction
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return ctx, nil
}

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
	ins := inserter{tx: tx, tableName: table}
	for _, row := range rows {
		if err := ins.insert(row); err != nil {
			return err
		}
	}
	return nil
}

// inserter inserts rows of one table that export the same columns (its first row's), a row at
// a time as the caller has them (Load, Exported), by insertRows' statement, its text made once.
type inserter struct {
	tx        core.App
	tableName string
	text      *insertText
	args      []any
}

func (in *inserter) insert(row map[string]any) error {
	if in.text == nil {
		in.text = newInsertText(in.tableName, row)
		in.args = make([]any, len(in.text.cols))
	}
	if err := in.text.bind(row, in.args); err != nil {
		return err
	}
	return stored.Exec(in.tx, in.text.sql, in.args...)
}

// insertText is the statement that inserts a table's rows of one set of columns (sorted, as
// dbx sorts them, so a save's insert and a batch's are one statement).
type insertText struct {
	cols []string
	sql  string
}

func newInsertText(table string, row map[string]any) *insertText {
	cols := make([]string, 0, len(row))
	for c := range row {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	quoted, marks := make([]string, len(cols)), make([]string, len(cols))
	for j, c := range cols {
		quoted[j] = quoteIdent(c)
		marks[j] = "?"
	}
	return &insertText{cols: cols, sql: "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(quoted, ",") + ") VALUES (" + strings.Join(marks, ",") + ")"}
}

// bind puts row's values in args in the statement's order; errColumns when row has other columns.
func (t *insertText) bind(row map[string]any, args []any) error {
	if len(row) != len(t.cols) {
		return errColumns
	}
	for j, c := range t.cols {
		v, ok := row[c]
		if !ok {
			return errColumns
		}
		args[j] = v
	}
	return nil
}

// quoteIdent quotes a table or column name as an SQL identifier (dbx quotes {{name}} and
// [[name]] with backticks, which SQLite reads the same).
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// Exported inserts rows of one collection as its records export, without any hook, one at a
// time as the caller makes them (a bulk import's flags, each stored beside its policy), through one
// statement. The caller appends their audit entries in the same transaction.
type Exported struct{ in inserter }

// NewExported inserts records of table in tx.
func NewExported(tx core.App, table string) *Exported {
	return &Exported{inserter{tx: tx, tableName: table}}
}

// InsertRow inserts a record's row as it exported (Record.DBExport, done where the caller had
// cores to spare); the caller keeps the row for the record's audit entry (audit.AppendExported).
func (e *Exported) InsertRow(data map[string]any) error {
	return e.in.insert(data)
}
