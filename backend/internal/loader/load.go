package loader

import (
	"context"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/cores"
)

// Load is Prepare and Write of the same records at once: the records are validated on the cores
// (Prepare's validation, around and Known alike) while the calling goroutine writes each valid
// one, in order, as soon as its validation is done (Write's create hooks and insert), so the
// writing of a batch no longer waits for its last validation, nor the cores for the writing.
// The audit entries are appended at the end under one head (their rows hashed on the cores) and
// the after-create hooks run on commit, as in Write. It answers each record's refusal (nil: written) and, for a record a create
// hook refused (*RowError) or a failed insert, an error: the caller rolls tx back.
//
// A record's validation may run while earlier records of the batch are being written: the caller
// gives records whose validation reads nothing an earlier one of the batch writes (a bulk chunk's
// wave: no two rows share a key or an enterprise), so each reads what Prepare would have read.
//
// written, when given, is called on the writing goroutine once record i is inserted (a bulk
// import stores the record's flags there); its error stops the load like a failed insert.
func Load(app, tx core.App, ctx context.Context, recs []*core.Record, known *Known, around func(i int) func(), written func(i int) error) ([]error, error) {
	refusals := make([]error, len(recs))
	if len(recs) == 0 {
		return refusals, nil
	}
	ctx, err := inTransaction(tx, ctx)
	if err != nil {
		return refusals, err
	}
	validating := WithKnown(ctx, known)
	ready := make([]chan struct{}, len(recs)) // closed once the record's validation is done
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	var stop atomic.Bool // the write failed: the records not yet taken are not validated
	wait := cores.Start(len(recs), func(i int) {
		if !stop.Load() {
			refusals[i] = validate(tx, validating, recs[i], i, around, true)
		}
		close(ready[i])
	})
	// the validations end before Load returns, whatever happens: they read through tx
	defer wait()
	fail := func(err error) ([]error, error) {
		stop.Store(true)
		return refusals, err
	}

	ins := inserter{tx: tx, tableName: recs[0].Collection().Name}
	stored := make([]*core.Record, 0, len(recs))
	rows := make([]map[string]any, 0, len(recs)) // each stored record's row, as inserted: its audit entry hashes it
	for i, r := range recs {
		<-ready[i]
		if refusals[i] != nil {
			continue
		}
		var row map[string]any
		if err := runCreateHooks(tx, ctx, r, &row); err != nil {
			afterError(tx, ctx, r, err)
			return fail(&RowError{i, err})
		}
		if err := ins.insert(row); err != nil {
			return fail(err)
		}
		stored = append(stored, r)
		rows = append(rows, row)
		if written != nil {
			if err := written(i); err != nil {
				return fail(err)
			}
		}
	}
	wait()
	return refusals, finish(app, tx, ctx, stored, rows)
}
