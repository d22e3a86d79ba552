package stmtcache

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	"github.com/pocketbase/dbx"
	"modernc.org/sqlite"
)

// pragmas are PocketBase's own (core.DefaultDBConnect, v0.39.11); a test reads them back from a
// connection, so a PocketBase upgrade that changes them is noticed.
const pragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-32000)"

// Connect opens dbPath as PocketBase's default does, with each connection's statement cache
// (pocketbase.Config.DBConnect).
func Connect(dbPath string) (*dbx.DB, error) {
	return dbx.NewFromDB(sql.OpenDB(connector{dsn: dbPath + pragmas}), "sqlite"), nil
}

type connector struct{ dsn string }

var sqliteDriver = &sqlite.Driver{}

func (c connector) Connect(context.Context) (driver.Conn, error) {
	dc, err := sqliteDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	in, ok := dc.(inner)
	if !ok {
		_ = dc.Close()
		return nil, fmt.Errorf("stmtcache: the SQLite driver's connection (%T) lacks a context method", dc)
	}
	return wrap(in), nil
}

func (connector) Driver() driver.Driver { return sqliteDriver }
