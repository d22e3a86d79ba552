package loader

import (
	"context"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/cores"
)

// Prepare validates new records, as a save would before its insert, on up to GOMAXPROCS
// goroutines, and returns each one's error (nil: valid; a validation.Errors as a save returns).
// around, when given, is called on the record's goroutine before its validation and its result
// after it (a bulk upload marks a record for import mode and reads its flags that way). No
// record's relation to a Known id is looked up. Nothing is written.
//
// The validation hooks read the database through tx from several goroutines; database/sql hands
// a transaction's connection to one statement at a time, so the reads take turns while the
// decoding, schema and rule-pack work runs in parallel.
func Prepare(tx core.App, ctx context.Context, recs []*core.Record, known *Known, around func(i int) func()) []error {
	return prepare(tx, ctx, recs, known, around, true)
}

// prepare validates recs in parallel: new records (isNew) or stored ones being updated.
func prepare(tx core.App, ctx context.Context, recs []*core.Record, known *Known, around func(i int) func(), isNew bool) []error {
	errs := make([]error, len(recs))
	ctx = WithKnown(ctx, known)
	cores.Each(len(recs), func(i int) {
		errs[i] = validate(tx, ctx, recs[i], i, around, isNew)
	})
	return errs
}

func validate(tx core.App, ctx context.Context, r *core.Record, i int, around func(int) func(), isNew bool) (err error) {
	if around != nil {
		after := around(i)
		defer after()
	}
	defer func() {
		// a hook's panic is one record's refusal, never the loader's goroutine's crash
		if p := recover(); p != nil {
			err = &panicked{p}
		}
	}()
	if r.IsNew() != isNew {
		if isNew {
			return errNotNew
		}
		return errNotStored
	}
	return tx.ValidateWithContext(ctx, r)
}
