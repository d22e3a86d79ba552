package stmtcache

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/pocketbase/dbx"
)

func open(t *testing.T) *dbx.DB {
	t.Helper()
	db, err := Connect(filepath.Join(t.TempDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if _, err := db.NewQuery("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)").Execute(); err != nil {
		t.Fatal(err)
	}
	return db
}

// The connection is PocketBase's: the same pragmas as core.DefaultDBConnect (read on a connection
// that has only read).
func TestPragmasArePocketBases(t *testing.T) {
	db, err := Connect(filepath.Join(t.TempDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	db.DB().SetMaxOpenConns(1)
	want := map[string]string{"journal_mode": "wal", "busy_timeout": "10000", "journal_size_limit": "200000000",
		"synchronous": "1", "foreign_keys": "1", "temp_store": "2", "cache_size": "-32000"}
	for pragma, value := range want {
		var got string
		if err := db.NewQuery("PRAGMA " + pragma).Row(&got); err != nil || got != value {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, value)
		}
	}
}

// A connection that writes (by Exec or in a transaction) keeps a small page cache, and one that
// only reads keeps PocketBase's: SQLite walks a writer's whole cache at a commit that split a page.
func TestAWritersPageCacheIsSmall(t *testing.T) {
	cacheSize := func(q interface{ Row(...any) error }) string {
		t.Helper()
		var got string
		if err := q.Row(&got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	writer := open(t) // its one connection has created a table
	writer.DB().SetMaxOpenConns(1)
	if got := cacheSize(writer.NewQuery("PRAGMA cache_size")); got != fmt.Sprint(writerPages) {
		t.Errorf("a connection that ran a statement by Exec: cache_size %s, want %d", got, writerPages)
	}

	dir := t.TempDir()
	reader, err := Connect(filepath.Join(dir, "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = reader.Close() })
	reader.DB().SetMaxOpenConns(1)
	if got := cacheSize(reader.NewQuery("PRAGMA cache_size")); got != "-32000" {
		t.Errorf("a connection that only read: cache_size %s, want PocketBase's -32000", got)
	}
	if err := reader.Transactional(func(tx *dbx.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got := cacheSize(reader.NewQuery("PRAGMA cache_size")); got != fmt.Sprint(writerPages) {
		t.Errorf("after a transaction: cache_size %s, want %d", got, writerPages)
	}
}

// A statement run again is prepared once (on its second run); the next transactions reuse it, its
// answers stay right, and a failed run (a unique violation) leaves it usable.
func TestStatementsInTransactionsArePreparedOnce(t *testing.T) {
	db := open(t)
	insert := func(tx *dbx.Tx, i int) error {
		_, err := tx.Insert("t", dbx.Params{"name": fmt.Sprintf("n%d", i)}).Execute()
		return err
	}
	count := func(tx *dbx.Tx) (n int) {
		if err := tx.Select("COUNT(*)").From("t").Where(dbx.NewExp("name LIKE {:p}", dbx.Params{"p": "n%"})).Row(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := Prepares()
	for round := 0; round < 3; round++ {
		err := db.Transactional(func(tx *dbx.Tx) error {
			for i := 0; i < 50; i++ {
				if err := insert(tx, round*50+i); err != nil {
					return err
				}
				if got := count(tx); got != round*50+i+1 {
					return fmt.Errorf("count %d after %d inserts", got, round*50+i+1)
				}
			}
			// the same insert refused, then used again
			if err := insert(tx, round*50); err == nil {
				return fmt.Errorf("a duplicate name was stored")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if round == 0 && Prepares()-before != 2 {
			t.Fatalf("first transaction prepared %d statements, want 2 (the insert and the count)", Prepares()-before)
		}
	}
	if got := Prepares() - before; got != 2 {
		t.Fatalf("three transactions prepared %d statements, want 2", got)
	}
	// a statement run once is not kept; the pool's reads are kept as the transaction's are
	db.DB().SetMaxOpenConns(1)
	var n int
	if err := db.Select("COUNT(*)").From("t").Row(&n); err != nil || n != 150 {
		t.Fatalf("count %d (%v)", n, err)
	}
	if got := Prepares() - before; got != 2 {
		t.Fatalf("a statement run once was kept (%d)", got)
	}
	if err := db.Select("COUNT(*)").From("t").Row(&n); err != nil || n != 150 || Prepares()-before != 3 {
		t.Fatalf("count %d (%v), %d prepared", n, err, Prepares()-before)
	}
}

// Rows of a statement still open while the same SQL runs again (a loop querying inside its own
// iteration) get their own statement: neither answer is disturbed.
func TestNestedUseOfTheSameStatement(t *testing.T) {
	db := open(t)
	for i := 1; i <= 5; i++ {
		if _, err := db.Insert("t", dbx.Params{"id": i, "name": fmt.Sprintf("n%d", i)}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	err := db.Transactional(func(tx *dbx.Tx) error {
		q := "SELECT id FROM t ORDER BY id"
		rows, err := tx.NewQuery(q).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		outer := 0
		for rows.Next() {
			var id int
			if err := rows.Scan(&id); err != nil {
				return err
			}
			outer = outer*10 + id
			var inner []int
			if err := tx.NewQuery(q).Column(&inner); err != nil {
				return err
			}
			if fmt.Sprint(inner) != "[1 2 3 4 5]" {
				return fmt.Errorf("inner answer %v", inner)
			}
		}
		if outer != 12345 {
			return fmt.Errorf("outer answer %d", outer)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The cache keeps at most Size statements; an evicted one is finalized and all answers stay right.
func TestCacheIsBounded(t *testing.T) {
	db := open(t)
	db.DB().SetMaxOpenConns(1)
	err := db.Transactional(func(tx *dbx.Tx) error {
		for i := 0; i < Size+40; i++ {
			for range 2 { // kept from its second run
				var got int
				if err := tx.NewQuery(fmt.Sprintf("SELECT %d", i)).Row(&got); err != nil || got != i {
					return fmt.Errorf("SELECT %d gave %d (%v)", i, got, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.DB().Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	size := -1
	if err := c.Raw(func(dc any) error { size = dc.(*conn).order.Len(); return nil }); err != nil {
		t.Fatal(err)
	}
	_ = c.Close() // back to the pool of one
	if size != Size {
		t.Fatalf("the cache holds %d statements, want %d", size, Size)
	}
	// and once more: evicted ones are prepared anew, answers right
	err = db.Transactional(func(tx *dbx.Tx) error {
		var got int
		if err := tx.NewQuery("SELECT 0").Row(&got); err != nil || got != 0 {
			return fmt.Errorf("SELECT 0 gave %d (%v)", got, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
