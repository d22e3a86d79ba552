package seed

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/loader"
	"azx/backend/internal/records"
)

// The bulk steps go through the batch loader (internal/loader): a chunk's records are validated
// in parallel by the hooks a save runs, then written with their create hooks, a kept-prepared
// insert a row and their audit entries under one head. A record whose validation reads rows written
// before it (a renewal, its enterprise's providers) is in a later wave than those rows.

func (w *writer) enterprises(tx core.App, p *Plan, from, to int) (int, error) {
	return w.loadWaves(tx, context.Background(), from, to, nil, nil, func(i int) (*core.Record, string) {
		return w.enterprise(p, i), p.Enterprises[i].USCC
	})
}

// policies: a renewal reads the policy it renews (renewal_of, the server's) and the providers
// the earlier policies gave its enterprise, so a chain's policies go one wave each, in order.
// A policy that brings its enterprise a new provider saved the enterprise there and then, one
// save each (about one enterprise in two); the assignments of a wave are noted instead and the
// enterprises stored after it in a batch (records.ProviderAssignments, loader.Update), before the
// next wave's renewals read them.
func (w *writer) policies(tx core.App, p *Plan, from, to int) (int, error) {
	depth := make([]int, to-from)
	for i := from; i < to; i++ {
		if prev := p.Policies[i].RenewalOf; prev >= from {
			depth[i-from] = depth[prev-from] + 1
		}
	}
	pa := records.StartProviderAssignments()
	ctx := pa.Context(context.Background())
	assign := func() error { return pa.Store(tx, func(ents []*core.Record) error { return w.update(tx, ents) }) }
	return w.loadWaves(tx, ctx, from, to, func(i int) int { return depth[i-from] }, assign, func(i int) (*core.Record, string) {
		return w.policy(p, i), p.Policies[i].No
	})
}

func (w *writer) reports(tx core.App, p *Plan, from, to int) (int, error) {
	return w.loadWaves(tx, context.Background(), from, to, nil, nil, func(i int) (*core.Record, string) {
		return w.report(p, i), p.Reports[i].No
	})
}

// hazards: the chunk's hazards as found, then their histories, the k-th event of every hazard
// in wave k: the server checks each against the status the ones before moved its hazard to, and
// each moved hazard is stored once at the end (records.HazardHistories), all in a batch
// (loader.Update).
func (w *writer) hazards(tx core.App, p *Plan, from, to int) (int, error) {
	n, err := w.loadWaves(tx, context.Background(), from, to, nil, nil, func(i int) (*core.Record, string) {
		return w.hazard(p, i), p.Hazards[i].No
	})
	if err != nil {
		return n, err
	}
	ids := make([]string, 0, to-from)
	var waves [][]*core.Record
	for i := from; i < to; i++ {
		ids = append(ids, p.Hazards[i].ID)
		for k, ev := range w.events(p, i) {
			for len(waves) <= k {
				waves = append(waves, nil)
			}
			waves[k] = append(waves[k], ev)
		}
	}
	hh, err := records.StartHazardHistories(tx, ids)
	if err != nil {
		return n, err
	}
	ctx := hh.Context(context.Background())
	for _, recs := range waves {
		if err := w.load(tx, ctx, recs, nil, hh.Use); err != nil {
			return n, err
		}
		n += len(recs)
	}
	return n, hh.FinishWith(tx, func(moved []*core.Record) error { return w.update(tx, moved) })
}

// update stores the server's follow-up saves of stored records of one collection (an
// enterprise's providers, a hazard's status) in a batch, as a server update, a save each before.
func (w *writer) update(tx core.App, recs []*core.Record) error {
	if len(recs) == 0 {
		return nil
	}
	known, err := knownParents(tx, recs)
	if err != nil {
		return err
	}
	if err := loader.Update(w.app, tx, records.ServerSave(context.Background()), recs, known); err != nil {
		var row *loader.RowError
		if errors.As(err, &row) {
			return fmt.Errorf("%s %s: %w", recs[row.Index].Collection().Name, recs[row.Index].Id, row.Err)
		}
		return fmt.Errorf("%s: %w", recs[0].Collection().Name, err)
	}
	return nil
}

// loadWaves builds rows from..to-1 (build: the record and what names it in an error) and loads
// them wave by wave (wave: the row's wave, nil: all in one) with ctx, calling after (if set)
// once each wave is written.
func (w *writer) loadWaves(tx core.App, ctx context.Context, from, to int, wave func(i int) int, after func() error, build func(i int) (*core.Record, string)) (int, error) {
	var waves [][]int
	for i := from; i < to; i++ {
		k := 0
		if wave != nil {
			k = wave(i)
		}
		for len(waves) <= k {
			waves = append(waves, nil)
		}
		waves[k] = append(waves[k], i)
	}
	saved := 0
	for _, rows := range waves {
		recs := make([]*core.Record, len(rows))
		names := make([]string, len(rows))
		for j, i := range rows {
			recs[j], names[j] = build(i)
		}
		if err := w.load(tx, ctx, recs, names, nil); err != nil {
			return saved, err
		}
		saved += len(recs)
		if after != nil {
			if err := after(); err != nil {
				return saved, err
			}
		}
	}
	return saved, nil
}

// part is the number of records validated and written as one: while the writer writes a part,
// the next is validated.
const part = 250

// load validates recs (use, if set, is called on a record's goroutine around its validation)
// and writes them; names say which row a refusal is about (nil: the record id).
//
// The records go part by part, and a part is validated while the one before is written: the
// loader's validation runs on every core but its write on one, so the cores would otherwise wait
// for each other. That is sound because the records of one load (a wave) never read each other:
// a row whose validation reads a row of the same step is in a later wave (loadWaves). Their
// parents, all in earlier steps or waves, are read once, before the first part is written.
func (w *writer) load(tx core.App, ctx context.Context, recs []*core.Record, names []string, use func(r *core.Record) (func(), error)) error {
	known, err := knownParents(tx, recs)
	if err != nil {
		return err
	}
	type validated struct {
		from, to int
		err      error
	}
	parts := make(chan validated, 1)
	var stop atomic.Bool // the writer failed: validate no more
	go func() {
		defer close(parts)
		for from := 0; from < len(recs) && !stop.Load(); from += part {
			to := min(from+part, len(recs))
			err := w.validate(tx, ctx, recs[from:to], known, use)
			if err != nil {
				j := from + err.index
				name := recs[j].Id
				if names != nil {
					name = names[j]
				}
				parts <- validated{from, to, fmt.Errorf("%s %s: %w", recs[j].Collection().Name, name, err.err)}
				return
			}
			parts <- validated{from, to, nil}
		}
	}()
	var failed error
	for v := range parts { // drained to the end: no validation outlives the load (nor tx)
		if failed != nil {
			continue
		}
		if v.err != nil {
			failed = v.err
			continue
		}
		if err := loader.Write(w.app, tx, ctx, recs[v.from:v.to]); err != nil {
			failed = fmt.Errorf("%s: %w", recs[0].Collection().Name, err)
			stop.Store(true)
		}
	}
	return failed
}

// refusal is the first record a validation refused, by its index in the records validated.
type refusal struct {
	index int
	err   error
}

// validate runs the loader's validation of recs with use around each (see load).
func (w *writer) validate(tx core.App, ctx context.Context, recs []*core.Record, known *loader.Known, use func(r *core.Record) (func(), error)) *refusal {
	useErrs := make([]error, len(recs))
	var around func(j int) func()
	if use != nil {
		around = func(j int) func() {
			forget, err := use(recs[j])
			if err != nil {
				useErrs[j] = err
				return func() {}
			}
			return forget
		}
	}
	for j, err := range loader.Prepare(tx, ctx, recs, known, around) {
		if err = errors.Join(useErrs[j], err); err != nil {
			return &refusal{j, err}
		}
	}
	return nil
}

// knownParents reads, in the transaction, which of the rows the records relate to exist: the
// loader then needs no look-up a relation for them.
func knownParents(tx core.App, recs []*core.Record) (*loader.Known, error) {
	known := loader.NewKnown()
	ids := map[string]map[string]bool{} // collection → ids named
	for _, r := range recs {
		for _, f := range r.Collection().Fields {
			rel, ok := f.(*core.RelationField)
			if !ok {
				continue
			}
			col, err := tx.FindCachedCollectionByNameOrId(rel.CollectionId)
			if err != nil {
				return nil, err
			}
			for _, id := range r.GetStringSlice(rel.Name) {
				if ids[col.Name] == nil {
					ids[col.Name] = map[string]bool{}
				}
				ids[col.Name][id] = true
			}
		}
	}
	for name, set := range ids {
		in := make([]any, 0, len(set))
		for id := range set {
			in = append(in, id)
		}
		for start := 0; start < len(in); start += 500 {
			var found []string
			if err := tx.DB().Select("id").From(name).Where(dbx.In("id", in[start:min(start+500, len(in))]...)).Column(&found); err != nil {
				return nil, err
			}
			known.Add(name, found...)
		}
	}
	return known, nil
}
