package bulk

import (
	"errors"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/loader"
	"azx/backend/internal/packs"
)

// loadChunk stores a chunk's rows in one transaction through the batch loader (../loader):
// each row's record is built (build), validated in parallel with the others by the same hooks a
// save runs while the valid ones are written in order (loader.Load: their create hooks, a
// prepared insert each, their audit entries under one head). A refused row is refused by
// its checks or its validation, which write nothing. A row that a create hook refuses, or a
// failed insert, rolls the chunk back (errCareful): it is then stored a save a row (storeChunk).
//
// A row's validation reads what the rows before it stored (its key's stored record, its
// enterprise's earlier policies: the renewal it continues, the packs' history): rows are loaded
// in waves, a row in the wave after the one holding the last earlier row of its key or its
// enterprise, so each reads what a save a row would have read.
func (k *kind) loadChunk(app core.App, u *uploader, col, flags *core.Collection, rows []Row, version int) ([]rowDone, error) {
	var done []rowDone
	err := app.RunInTransaction(func(tx core.App) error {
		done = make([]rowDone, len(rows))
		b := k.batch(tx, col, flags, rows)
		known := k.known(tx, b, u)
		for _, wave := range k.waves(rows) {
			if err := k.loadWave(app, tx, b, u, known, rows, wave, version, done); err != nil {
				return err
			}
		}
		return appendFlagEntries(tx, b, audit.AuthActor(u.auth))
	})
	return done, err
}

// loadWave builds, validates and writes the rows of one wave (indexes into rows), filling done.
func (k *kind) loadWave(app, tx core.App, b *batch, u *uploader, known *loader.Known, rows []Row, wave []int, version int, done []rowDone) error {
	actor := audit.AuthActor(u.auth)
	flagging := u.imports && k.flagged
	var recs []*core.Record
	var at []int // the row index of each of recs
	for _, i := range wave {
		row := rows[i]
		d := rowDone{row: row.Num}
		if row.Err != nil {
			d.errs = map[string]FieldError{"_row": u.fail(row.Err.Code, row.Err.Zh, row.Err.En)}
			done[i] = d
			continue
		}
		key, rec, outcome, errs := k.build(tx, b, u, row, version)
		d.key, d.outcome, d.errs = key, outcome, errs
		done[i] = d
		if rec == nil {
			continue
		}
		known.Add("enterprises", rec.GetString("enterprise"))
		audit.SetActor(rec, actor)
		recs = append(recs, rec)
		at = append(at, i)
	}
	k.knowOrgs(known, u)
	defer func() {
		for _, rec := range recs {
			audit.ClearActor(rec)
		}
	}()
	flags := make([]builtFlags, len(recs))
	// validated on the cores while the valid ones are written in order (loader.Load), each with
	// its flags: a wave's rows share no key and no enterprise, so none reads what another writes
	refusals, err := loader.Load(app, tx, nil, recs, known, func(j int) func() {
		if flagging {
			packs.StartImport(recs[j])
		}
		forget := b.derivesFrom(recs[j])
		return func() {
			forget()
			if flagging {
				// built here, on the core that validated the row: the writer only inserts them
				flags[j] = buildFlags(app, b.flags, u, recs[j], rows[at[j]].Num, packs.ImportFlags(recs[j]))
			}
		}
	}, func(j int) error {
		b.storeFlags(tx, flags[j])
		return nil // a flag not stored fails the chunk at its end (appendFlagEntries)
	})
	if err != nil {
		// a create hook's refusal (loader.RowError) after others wrote, or a failed insert
		return errors.Join(errCareful, err)
	}
	for j, err := range refusals {
		i := at[j]
		if err != nil {
			done[i].errs = rowErrors(err, u.lang, k.rename)
			continue
		}
		known.Add(recs[j].Collection().Name, recs[j].Id) // a later wave's renewal may name it
		b.stored(done[i].key)
		done[i].outcome = "created"
		done[i].flags = flags[j].answer
	}
	return nil
}

// known are the relation targets the chunk read itself, in its transaction: its enterprises and
// their organizations, the uploader's organization and the organizations the rows named. The
// policy a row renews is not read ahead: its derivation reads it (records' latestEarlier) and
// notes it in the same Known, as a single save does. (Reading every policy of the chunk's
// enterprises instead, as before, grew with the table: 30,000 ids a chunk at 60,000 policies.)
func (k *kind) known(tx core.App, b *batch, u *uploader) *loader.Known {
	known := loader.NewKnown()
	for _, ent := range b.registry {
		known.Add("enterprises", ent.Id)
		known.Add("organizations", ent.GetString("organization"))
	}
	if org := u.org(); org != "" {
		if rec, err := tx.FindRecordById("organizations", org); err == nil {
			known.Add("organizations", rec.Id)
		}
	}
	return known
}

// knowOrgs adds the organizations the rows named, read once an upload in its transaction.
func (k *kind) knowOrgs(known *loader.Known, u *uploader) {
	for _, f := range u.orgs {
		if f.err == nil && f.rec != nil {
			known.Add("organizations", f.rec.Id)
		}
	}
}

// waves orders a chunk's rows (indexes) so that no two rows of a wave share a key or an
// enterprise, and a row comes after every earlier row sharing either (by file order).
func (k *kind) waves(rows []Row) [][]int {
	last := map[string]int{} // "k:"+key or "e:"+uscc → wave of the last row naming it
	var waves [][]int
	for i, r := range rows {
		w := 0
		var names []string
		if key, _ := r.Fields[k.keyColumn].(string); key != "" {
			names = append(names, "k:"+key)
		}
		if k.enterpriseOf != nil {
			if uscc := k.enterpriseOf(r.Fields); uscc != "" {
				names = append(names, "e:"+uscc)
			}
		}
		for _, n := range names {
			if prev, ok := last[n]; ok && prev+1 > w {
				w = prev + 1
			}
		}
		for _, n := range names {
			last[n] = w
		}
		for len(waves) <= w {
			waves = append(waves, nil)
		}
		waves[w] = append(waves[w], i)
	}
	return waves
}
