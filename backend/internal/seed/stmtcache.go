package seed

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"reflect"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
)

// Invoked reports whether the command line runs the seed (`azx-server seed ...`): main then opens
// the data folder with DBConnect. Only the seed does: it is one process writing alone.
func Invoked(args []string) bool {
	return len(args) > 0 && args[0] == "seed"
}

// DBConnect opens the database as PocketBase does (its driver, its pragmas), but each connection
// keeps the statements it has prepared and runs a query text it has seen again without parsing
// it: every save runs the same few dozen statements, and SQLite parsed each afresh, a fifth of
// the seed's CPU. Statements run one at a time per connection (database/sql locks it); a query
// whose statement is still being read (rows open) gets a fresh one.
func DBConnect(dbPath string) (*dbx.DB, error) {
	// the driver PocketBase registered (modernc.org/sqlite); sql.Open connects to nothing yet
	plain, err := sql.Open("sqlite", "")
	if err != nil {
		return nil, err
	}
	base := plain.Driver()
	plain.Close()
	return dbx.NewFromDB(sql.OpenDB(&cachingConnector{base: base, dsn: dsnOf(dbPath)}), "sqlite"), nil
}

// dsnOf is DefaultDBConnect's DSN (PocketBase v0.39.11, core/db_connect.go).
func dsnOf(dbPath string) string {
	return dbPath + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)"
}

type cachingConnector struct {
	base driver.Driver
	dsn  string
}

func (c *cachingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.base.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &cachingConn{Conn: conn, stmts: map[string]*cachedStmt{}}, nil
}

func (c *cachingConnector) Driver() driver.Driver { return c.base }

// maxStatements bounds a connection's cache (the seed runs far fewer distinct texts).
const maxStatements = 2000

type cachedStmt struct {
	stmt driver.Stmt
	busy bool // its rows are being read
}

type cachingConn struct {
	driver.Conn
	mu    sync.Mutex
	stmts map[string]*cachedStmt
}

// cacheable: one statement (a script is run by the driver as it is).
func cacheable(query string) bool {
	q := strings.TrimRight(query, " \t\r\n;")
	return !strings.Contains(q, ";")
}

// take returns the cached statement of query, marked busy, or nil when it cannot be used.
func (c *cachingConn) take(ctx context.Context, query string) *cachedStmt {
	if !cacheable(query) {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stmts[query]
	if s == nil {
		if len(c.stmts) >= maxStatements {
			return nil
		}
		st, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
		if err != nil {
			return nil // the uncached path reports the error
		}
		s = &cachedStmt{stmt: st}
		c.stmts[query] = s
	}
	if s.busy {
		return nil
	}
	s.busy = true
	return s
}

func (c *cachingConn) release(s *cachedStmt) {
	c.mu.Lock()
	s.busy = false
	c.mu.Unlock()
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if s := c.take(ctx, query); s != nil {
		defer c.release(s)
		return s.stmt.(driver.StmtExecContext).ExecContext(ctx, args)
	}
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if s := c.take(ctx, query); s != nil {
		rows, err := s.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
		if err != nil {
			c.release(s)
			return nil, err
		}
		return &cachedRows{Rows: rows, done: func() { c.release(s) }}, nil
	}
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cachingConn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *cachingConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *cachingConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (c *cachingConn) Close() error {
	c.mu.Lock()
	for q, s := range c.stmts {
		s.stmt.Close()
		delete(c.stmts, q)
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

// cachedRows gives its statement back when read to the end or closed.
type cachedRows struct {
	driver.Rows
	done func()
	once sync.Once
}

func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.once.Do(r.done)
	return err
}

// the optional column-type interfaces of the driver's rows (sql.Rows.ColumnTypes)

func (r *cachedRows) ColumnTypeDatabaseTypeName(i int) string {
	return r.Rows.(driver.RowsColumnTypeDatabaseTypeName).ColumnTypeDatabaseTypeName(i)
}

func (r *cachedRows) ColumnTypeLength(i int) (int64, bool) {
	return r.Rows.(driver.RowsColumnTypeLength).ColumnTypeLength(i)
}

func (r *cachedRows) ColumnTypeNullable(i int) (bool, bool) {
	return r.Rows.(driver.RowsColumnTypeNullable).ColumnTypeNullable(i)
}

func (r *cachedRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	return r.Rows.(driver.RowsColumnTypePrecisionScale).ColumnTypePrecisionScale(i)
}

func (r *cachedRows) ColumnTypeScanType(i int) reflect.Type {
	return r.Rows.(driver.RowsColumnTypeScanType).ColumnTypeScanType(i)
}
