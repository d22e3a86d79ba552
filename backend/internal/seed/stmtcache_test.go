package seed

import (
	"path/filepath"
	"testing"

	"github.com/pocketbase/dbx"
)

// The seed's connections reuse prepared statements; a statement whose rows are still being read
// must not be reused underneath them (a hook queries while its caller iterates).
func TestStatementCacheNestedQueriesAndScripts(t *testing.T) {
	db, err := DBConnect(filepath.Join(t.TempDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// a script (two statements) runs as a whole, uncached
	if _, err := db.NewQuery("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX t_name ON t (name);").Execute(); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := db.Insert("t", dbx.Params{"id": i, "name": string(rune('a' + i - 1))}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	var indexes int
	if err := db.NewQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 't_name'").Row(&indexes); err != nil || indexes != 1 {
		t.Fatalf("the script's second statement did not run: %d indexes, %v", indexes, err)
	}
	// a transaction has one connection: every query in it shares the connection's statements
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	outer, err := tx.NewQuery("SELECT id, name FROM t WHERE id >= {:min} ORDER BY id").Bind(dbx.Params{"min": 1}).Rows()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for outer.Next() {
		var id int
		var name string
		if err := outer.Scan(&id, &name); err != nil {
			t.Fatal(err)
		}
		// the same text again while the outer rows are open: a fresh statement, not the busy one
		var count int
		if err := tx.NewQuery("SELECT id, name FROM t WHERE id >= {:min} ORDER BY id").Bind(dbx.Params{"min": id}).Row(&count, new(string)); err != nil {
			t.Fatal(err)
		}
		if count != id {
			t.Fatalf("inner query of row %d read %d", id, count)
		}
		got = append(got, name)
	}
	if err := outer.Close(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[0] != "a" || got[4] != "e" {
		t.Fatalf("outer rows disturbed: %v", got)
	}
	// after both are done the cached statement serves again, with new arguments
	var name string
	for _, id := range []int{3, 4, 3} {
		if err := tx.NewQuery("SELECT name FROM t WHERE id = {:id}").Bind(dbx.Params{"id": id}).Row(&name); err != nil {
			t.Fatal(err)
		}
		if want := string(rune('a' + id - 1)); name != want {
			t.Fatalf("id %d: %q, want %q", id, name, want)
		}
	}
	// an error leaves the statement usable
	if _, err := tx.Insert("t", dbx.Params{"id": 1, "name": "dup"}).Execute(); err == nil {
		t.Fatal("a duplicate id was stored")
	}
	if _, err := tx.Insert("t", dbx.Params{"id": 6, "name": "f"}).Execute(); err != nil {
		t.Fatalf("the insert after a refused one: %v", err)
	}
}
