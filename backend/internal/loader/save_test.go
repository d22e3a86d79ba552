package loader_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/testapp"
)

// A save in a transaction is inserted by the loader (insertSaved), not by dbx's insert (which
// logs its SQL), and stores what PocketBase's own insert stores for the same record, a field of every kind; the
// record is then stored (not new), and a unique index's violation is PocketBase's field error.
func TestASaveInATransactionStoresWhatPocketBasesInsertStores(t *testing.T) {
	app := testapp.New(t) // the loader's hooks bound as the server binds them

	parents := core.NewBaseCollection("parents")
	if err := app.Save(parents); err != nil {
		t.Fatal(err)
	}
	things := core.NewBaseCollection("things")
	things.Fields.Add(
		&core.TextField{Name: "code"},
		&core.NumberField{Name: "amount"},
		&core.BoolField{Name: "flag"},
		&core.JSONField{Name: "data"},
		&core.DateField{Name: "day"},
		&core.SelectField{Name: "tags", MaxSelect: 3, Values: []string{"a", "b", "c"}},
		&core.RelationField{Name: "parent", CollectionId: parents.Id, MaxSelect: 1},
		&core.EmailField{Name: "email"},
		&core.GeoPointField{Name: "place"},
		&core.AutodateField{Name: "created", OnCreate: true},
		&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true},
	)
	things.AddIndex("idx_things_code", true, "code", "")
	if err := app.Save(things); err != nil {
		t.Fatal(err)
	}
	parent := core.NewRecord(parents)
	if err := app.Save(parent); err != nil {
		t.Fatal(err)
	}

	var dbxInserts []string
	app.NonconcurrentDB().(*dbx.DB).ExecLogFunc = func(_ context.Context, _ time.Duration, q string, _ sql.Result, _ error) {
		if strings.Contains(q, "INSERT INTO `things`") {
			dbxInserts = append(dbxInserts, q)
		}
	}
	thing := func(code string) *core.Record {
		r := core.NewRecord(things)
		r.Set("code", code)
		r.Set("amount", 12.5)
		r.Set("flag", true)
		r.Set("data", map[string]any{"企业": "绍兴", "n": []int{1, 2}, "<": "&"})
		r.Set("day", "2026-03-29 00:00:00.000Z")
		r.Set("tags", []string{"c", "a"})
		r.Set("parent", parent.Id)
		r.Set("email", "a@example.com")
		r.Set("place", types.GeoPoint{Lon: 120.58, Lat: 30.03})
		return r
	}
	stored := func(r *core.Record) dbx.NullStringMap {
		row := dbx.NullStringMap{}
		if err := app.DB().NewQuery("SELECT * FROM things WHERE id = {:id}").Bind(dbx.Params{"id": r.Id}).One(row); err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{"id", "code", "created", "updated"} {
			if !row[c].Valid || row[c].String == "" {
				t.Errorf("%s is empty: %v", c, row)
			}
			delete(row, c)
		}
		return row
	}

	inTx := thing("T-1")
	if err := app.RunInTransaction(func(tx core.App) error { return tx.Save(inTx) }); err != nil {
		t.Fatal(err)
	}
	if len(dbxInserts) != 0 {
		t.Fatalf("the save in a transaction went through dbx's insert: %v", dbxInserts)
	}
	if inTx.IsNew() {
		t.Fatal("the record saved in a transaction is still new")
	}
	// the reference: the same record's row as PocketBase's create stores it (core.BaseApp.create:
	// DBExport, then dbx's insert)
	plain := thing("T-2")
	plain.Id = "t2reference0001"
	plain.SetRaw("created", types.NowDateTime())
	plain.SetRaw("updated", types.NowDateTime())
	row, err := plain.DBExport(app)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.NonconcurrentDB().Insert("things", row).Execute(); err != nil {
		t.Fatal(err)
	}
	if len(dbxInserts) != 1 {
		t.Fatalf("PocketBase's insert: %d dbx inserts logged, want 1", len(dbxInserts))
	}
	if got, want := stored(inTx), stored(plain); !reflect.DeepEqual(got, want) {
		t.Fatalf("stored rows differ:\ninsertSaved %v\nPocketBase  %v", got, want)
	}

	// the same code again: PocketBase's field error, nothing stored
	dup := app.RunInTransaction(func(tx core.App) error { return tx.Save(thing("T-1")) })
	var fields validation.Errors
	if !errors.As(dup, &fields) {
		t.Fatalf("a duplicate code: %v, want a field error", dup)
	}
	if e, ok := fields["code"].(validation.Error); !ok || e.Code() != "validation_not_unique" {
		t.Fatalf("a duplicate code: %v, want code: validation_not_unique", dup)
	}
	var n int
	if err := app.DB().NewQuery("SELECT count(*) FROM things").Row(&n); err != nil || n != 2 {
		t.Fatalf("%d things stored (%v), want 2", n, err)
	}
}
