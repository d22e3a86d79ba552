package audit_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/testapp"
)

// The chain head is read once per transaction and kept in memory (seed, bulk upload): the chain
// must stay intact across batches, single writes and a batch that is rolled back.
func TestChainStaysLinkedAcrossTransactions(t *testing.T) {
	app := testapp.New(t)
	before, err := audit.Verify(app)
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := app.FindCollectionByNameOrId("organizations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	save := func(app core.App) error {
		n++
		r := core.NewRecord(orgs)
		r.Set("name", fmt.Sprintf("机构%d", n))
		r.Set("kind", "insurer")
		return app.Save(r)
	}
	batch := func(size int, fail bool) error {
		return app.RunInTransaction(func(tx core.App) error {
			for i := 0; i < size; i++ {
				if err := save(tx); err != nil {
					return err
				}
			}
			if fail {
				return errors.New("rolled back")
			}
			return nil
		})
	}
	if err := batch(3, false); err != nil {
		t.Fatal(err)
	}
	if err := batch(2, true); err == nil {
		t.Fatal("the failing batch was not reported")
	}
	if err := save(app); err != nil {
		t.Fatal(err)
	}
	if err := batch(2, false); err != nil {
		t.Fatal(err)
	}
	// a committed batch leaves its head in memory; a write outside a transaction moves the chain
	// past it, and the next batch must link to that write, not to the head it remembers
	if err := save(app); err != nil {
		t.Fatal(err)
	}
	if err := batch(1, false); err != nil {
		t.Fatal(err)
	}
	// two goroutines sharing one transaction (the seed's workers) never take the same seq
	err = app.RunInTransaction(func(tx core.App) error {
		errs := make(chan error, 2)
		for w := 0; w < 2; w++ {
			go func() {
				for i := 0; i < 10; i++ {
					r := core.NewRecord(orgs)
					r.Set("name", fmt.Sprintf("并行机构%d-%d", w, i))
					r.Set("kind", "provider")
					if err := tx.Save(r); err != nil {
						errs <- err
						return
					}
				}
				errs <- nil
			}()
		}
		return errors.Join(<-errs, <-errs)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := audit.Verify(app)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 0 {
		t.Fatalf("chain problems after batches: %v", rep.Problems)
	}
	if got := rep.Entries - before.Entries; got != 28 {
		t.Fatalf("%d entries added, want 28 (the rolled-back batch leaves none)", got)
	}
}

// A bulk upload rolls a refused row back to its savepoint after the row's entry was appended:
// the next row's entry must link to the entry the table still holds, not the one rolled back.
func TestChainStaysLinkedAfterARollbackToASavepoint(t *testing.T) {
	app := testapp.New(t)
	orgs, err := app.FindCollectionByNameOrId("organizations")
	if err != nil {
		t.Fatal(err)
	}
	save := func(tx core.App, name string) error {
		r := core.NewRecord(orgs)
		r.Set("name", name)
		r.Set("kind", "insurer")
		return tx.Save(r)
	}
	err = app.RunInTransaction(func(tx core.App) error {
		if err := save(tx, "保存点前"); err != nil {
			return err
		}
		if _, err := tx.DB().NewQuery("SAVEPOINT row").Execute(); err != nil {
			return err
		}
		if err := save(tx, "被撤回"); err != nil {
			return err
		}
		if _, err := tx.DB().NewQuery("ROLLBACK TO row").Execute(); err != nil {
			return err
		}
		if _, err := tx.DB().NewQuery("RELEASE row").Execute(); err != nil {
			return err
		}
		audit.Rewound(tx)
		return save(tx, "保存点后")
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := save(app, "事务后"); err != nil {
		t.Fatal(err)
	}
	rep, err := audit.Verify(app)
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("the chain after a rollback to a savepoint: %v %v", rep, err)
	}
}
