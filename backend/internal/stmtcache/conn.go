// Package stmtcache keeps the SQLite statements a connection runs again and again prepared for
// the next time the same SQL comes: a policy create and its hooks (parents, relation checks, the
// packs' look-ups, the insert, numbering, the audit entry) run the same statements for every
// record, and parsing them afresh was about a sixth of a create's CPU (issue 20).
//
// dbx's Query.Prepare cannot do this: a statement prepared on the pool runs on a connection of
// the pool, never inside the writer's open transaction (PocketBase's nonconcurrent pool has one
// connection, which that transaction holds, so it would wait for ever), and one prepared on the
// transaction is closed when it commits, so every request would prepare again. The cache lives in
// the connection instead, below database/sql, where the pool and its transactions meet: the
// validation's reads on the concurrent pool and the write's statements in its transaction alike.
package stmtcache

import (
	"container/list"
	"context"
	"database/sql/driver"
	"reflect"
	"strconv"
	"sync/atomic"
)

// Size is how many statements a connection keeps (least recently used dropped first), and a
// statement is kept only the second time a connection runs it (seen): the write path of every
// collection fits, while list filters that differ per request neither crowd nor grow memory (the
// concurrent pool keeps up to 15 idle connections, each with its own cache).
const (
	Size     = 96
	seenSize = 512
)

// prepares and reuses count statements prepared for a cache and runs of a cached one (tests: a
// repeated write prepares nothing new).
var prepares, reuses atomic.Int64

// Prepares is the number of statements prepared for a cache so far, in this process.
func Prepares() int64 { return prepares.Load() }

// Reuses is the number of runs of a statement already prepared, in this process.
func Reuses() int64 { return reuses.Load() }

// inner is what the wrapped driver's connection offers (modernc.org/sqlite's conn does).
type inner interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
}

type cached struct {
	query string
	stmt  driver.Stmt
	busy  bool // rows of it are open: a nested use of the same SQL prepares its own
	drop  bool // evicted while busy: finalize when its rows close
}

// conn wraps a driver connection. database/sql uses a connection from one goroutine at a time,
// so the cache needs no lock.
type conn struct {
	in     inner
	order  *list.List // *cached, most recently used first
	byKey  map[string]*list.Element
	seen   map[string]bool // run once, not kept yet
	writes bool            // has begun a transaction or run a statement by Exec (writerPages set)
}

// writerPages is the page cache of a connection that writes (pages, 4 KiB each: SQLite's own
// default of 2 MiB), in place of PocketBase's 32 MB, which the readers keep. At every commit
// whose insert split a b-tree page, SQLite walks the writer's whole page cache (balance_nonroot
// moves a page through the lock page's number, so pcache1Truncate cannot stop early): with
// 32 MB, ~8,000 pages, that walk was about a twentieth of a policy create's CPU, while the
// pages a write reads again (the indexes' inner pages) fit in 2 MB, and a miss is one read from
// the OS's cache.
const writerPages = 500

// becomeWriter shrinks the page cache of a connection about to write, once.
func (c *conn) becomeWriter(ctx context.Context) {
	if c.writes {
		return
	}
	c.writes = true
	_, _ = c.in.ExecContext(ctx, "PRAGMA cache_size = "+strconv.Itoa(writerPages), nil)
}

func wrap(c inner) *conn {
	return &conn{in: c, order: list.New(), byKey: map[string]*list.Element{}, seen: map[string]bool{}}
}

func (c *conn) Prepare(query string) (driver.Stmt, error) { return c.in.Prepare(query) }

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.in.PrepareContext(ctx, query)
}

func (c *conn) Begin() (driver.Tx, error) { //nolint:staticcheck // driver.Conn requires it
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *conn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	c.becomeWriter(ctx)
	return c.in.BeginTx(ctx, opts)
}

// Close finalizes the cached statements first: SQLite closes a connection only without them.
func (c *conn) Close() error {
	for e := c.order.Front(); e != nil; e = e.Next() {
		_ = e.Value.(*cached).stmt.Close()
	}
	c.order.Init()
	clear(c.byKey)
	return c.in.Close()
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.becomeWriter(ctx)
	s, err := c.statement(ctx, query)
	if s == nil || err != nil {
		return c.in.ExecContext(ctx, query, args)
	}
	return s.stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.statement(ctx, query)
	if s == nil || err != nil {
		return c.in.QueryContext(ctx, query, args)
	}
	r, err := s.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	s.busy = true
	return &rows{Rows: r, s: s}, nil
}

// statement is the cached statement for query, prepared now on its second run; nil on its first
// run or while its rows are open (a nested use of the same SQL).
func (c *conn) statement(ctx context.Context, query string) (*cached, error) {
	if e, ok := c.byKey[query]; ok {
		s := e.Value.(*cached)
		if s.busy {
			return nil, nil
		}
		c.order.MoveToFront(e)
		reuses.Add(1)
		return s, nil
	}
	if !c.seen[query] {
		if len(c.seen) >= seenSize {
			clear(c.seen)
		}
		c.seen[query] = true
		return nil, nil
	}
	delete(c.seen, query)
	st, err := c.in.PrepareContext(ctx, query)
	if err != nil {
		return nil, err // the plain path reports it as before
	}
	if _, ok := st.(driver.StmtExecContext); !ok {
		_ = st.Close()
		return nil, nil
	}
	if _, ok := st.(driver.StmtQueryContext); !ok {
		_ = st.Close()
		return nil, nil
	}
	prepares.Add(1)
	s := &cached{query: query, stmt: st}
	c.byKey[query] = c.order.PushFront(s)
	for c.order.Len() > Size {
		c.evict(c.order.Back())
	}
	return s, nil
}

func (c *conn) evict(e *list.Element) {
	s := e.Value.(*cached)
	c.order.Remove(e)
	delete(c.byKey, s.query)
	if s.busy {
		s.drop = true
		return
	}
	_ = s.stmt.Close()
}

func (c *conn) Ping(ctx context.Context) error {
	if p, ok := c.in.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (c *conn) ResetSession(ctx context.Context) error {
	if r, ok := c.in.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *conn) IsValid() bool {
	if v, ok := c.in.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// rows frees its statement for the next use when closed (the driver resets it).
type rows struct {
	driver.Rows
	s      *cached
	closed bool
}

func (r *rows) Close() error {
	err := r.Rows.Close()
	if !r.closed {
		r.closed = true
		r.s.busy = false
		if r.s.drop {
			_ = r.s.stmt.Close()
		}
	}
	return err
}

// The column types, as the driver's own rows give them (PocketBase's SQL console reads them).
type columnTyper interface {
	driver.RowsColumnTypeDatabaseTypeName
	driver.RowsColumnTypeLength
	driver.RowsColumnTypeNullable
	driver.RowsColumnTypePrecisionScale
	driver.RowsColumnTypeScanType
}

func (r *rows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.Rows.(columnTyper); ok {
		return t.ColumnTypeDatabaseTypeName(i)
	}
	return ""
}

func (r *rows) ColumnTypeLength(i int) (int64, bool) {
	if t, ok := r.Rows.(columnTyper); ok {
		return t.ColumnTypeLength(i)
	}
	return 0, false
}

func (r *rows) ColumnTypeNullable(i int) (bool, bool) {
	if t, ok := r.Rows.(columnTyper); ok {
		return t.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *rows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	if t, ok := r.Rows.(columnTyper); ok {
		return t.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}

func (r *rows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.Rows.(columnTyper); ok {
		return t.ColumnTypeScanType(i)
	}
	return reflect.TypeFor[any]()
}
