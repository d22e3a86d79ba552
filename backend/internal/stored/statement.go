package stored

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// ScanRow runs a fixed query (plain SQL, ? placeholders) in app's database or transaction and
// scans its first row into dest (sql.ErrNoRows when there is none). In a transaction the
// statement is prepared once for the transaction, not parsed again on every call: for a small
// indexed query run on every write (a bulk import's thousands), parsing is most of its time.
// database/sql closes the statement when the transaction ends.
func ScanRow(app core.App, query string, args []any, dest ...any) error {
	logQuery(app, query, args)
	if s := statement(app, query); s != nil {
		// the goroutines sharing a transaction (the seed's workers) take turns: a statement
		// run again while its last row is being read is SQLite API misuse
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.stmt.QueryRow(args...).Scan(dest...)
	}
	// outside a transaction a read goes to the read pool, as PocketBase's own builder sends it
	if db, ok := app.ConcurrentDB().(*dbx.DB); ok {
		return db.DB().QueryRow(query, args...).Scan(dest...)
	}
	return errors.New("stored.ScanRow: no database handle")
}

type statementKey struct {
	tx    *dbx.Tx
	query string
}

type prepared struct {
	mu   sync.Mutex
	stmt *sql.Stmt
}

var statements sync.Map // statementKey → *prepared, dropped when the transaction ends

func statement(app core.App, query string) *prepared {
	tx, ok := app.DB().(*dbx.Tx)
	info := app.TxInfo()
	if !ok || info == nil {
		return nil
	}
	key := statementKey{tx, query}
	if p, ok := statements.Load(key); ok {
		return p.(*prepared)
	}
	exec, ok := tx.Builder.(interface{ Executor() dbx.Executor })
	if !ok {
		return nil
	}
	s, err := exec.Executor().Prepare(query)
	if err != nil {
		return nil
	}
	p, loaded := statements.LoadOrStore(key, &prepared{stmt: s})
	if loaded {
		s.Close()
		return p.(*prepared)
	}
	info.OnComplete(func(error) error {
		statements.Delete(key)
		return nil
	})
	return p.(*prepared)
}

// Exec runs a fixed write (plain SQL, ? placeholders) in app's transaction, or on the writer's
// connection outside one. The text is used as is: none of dbx's placeholder and quoting rewrite
// per call, and the connection keeps the statement prepared (internal/stmtcache).
func Exec(app core.App, query string, args ...any) error {
	if tx, ok := app.DB().(*dbx.Tx); ok {
		if exec, ok := tx.Builder.(interface{ Executor() dbx.Executor }); ok {
			_, err := exec.Executor().Exec(query, args...)
			return err
		}
	}
	if db, ok := app.NonconcurrentDB().(*dbx.DB); ok {
		_, err := db.DB().Exec(query, args...)
		return err
	}
	return errors.New("stored.Exec: no database handle")
}

// logQuery hands the statement, values inlined, to the query log dbx calls for its own queries
// (PocketBase's dev mode echoes it; the index test reads the server's statements from it): a
// statement run beneath dbx would otherwise be missing from both.
func logQuery(app core.App, query string, args []any) {
	db, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok || db.QueryLogFunc == nil {
		return
	}
	var b strings.Builder
	rest := query
	for _, a := range args {
		i := strings.IndexByte(rest, '?')
		if i < 0 {
			break
		}
		b.WriteString(rest[:i])
		if s, ok := a.(string); ok {
			b.WriteString("'" + strings.ReplaceAll(s, "'", "''") + "'")
		} else {
			fmt.Fprint(&b, a)
		}
		rest = rest[i+1:]
	}
	b.WriteString(rest)
	db.QueryLogFunc(context.Background(), 0, b.String(), nil, nil)
}
