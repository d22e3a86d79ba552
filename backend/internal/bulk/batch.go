package bulk

import (
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/loader"
	"azx/backend/internal/records"
)

// batch is what one chunk's rows refer to, read once for the chunk inside its transaction (one
// query for the stored records of its keys, one for its enterprises) instead of once a row. A
// reference the chunk's read missed is looked up on its own, so the answers are a row's own.
type batch struct {
	col       *core.Collection
	flags     *core.Collection // system_findings, in import mode
	keyColumn string
	found     map[string]*core.Record // stored records of the chunk's keys (nil: not read)
	fresh     map[string]bool         // keys this chunk stored: read again, the chunk's read predates them
	registry  map[string]*core.Record // enterprises of the chunk's policies, by uscc
	parents   *records.Parents        // the same enterprises as the policies' derivation reads them
	// the flags of the chunk's stored rows, inserted beside them (flag), and their rows as
	// inserted: their entries are appended at the chunk's end (appendFlagEntries)
	pending     []*core.Record
	pendingRows []map[string]any
	flagRows    *loader.Exported
	flagErr     error // a flag that could not be inserted: the chunk fails
}

func (k *kind) batch(tx core.App, col, flags *core.Collection, rows []Row) *batch {
	b := &batch{col: col, flags: flags, keyColumn: k.keyColumn, fresh: map[string]bool{}, registry: map[string]*core.Record{}}
	keys, usccs := []any{}, []any{}
	for _, r := range rows {
		if key, _ := r.Fields[k.keyColumn].(string); key != "" {
			keys = append(keys, key)
		}
		if k.enterpriseOf != nil {
			if uscc := k.enterpriseOf(r.Fields); uscc != "" {
				usccs = append(usccs, uscc)
			}
		}
	}
	if len(keys) > 0 {
		// the key's unique index, named: the planner's statistics are as old as the last ANALYZE
		// (hourly), and a table that has grown since (an import) is planned as the small table it
		// was, a scan of every stored row for a chunk's keys, so a chunk's read grew with the table
		// (106 ms a chunk at 60,000 policies instead of 11)
		q := tx.RecordQuery(col).From("{{" + col.Name + "}} INDEXED BY " + k.keyIndex).AndWhere(dbx.In(k.keyColumn, keys...))
		var recs []*core.Record
		if err := q.All(&recs); err == nil {
			b.found = make(map[string]*core.Record, len(recs))
			for _, r := range recs {
				b.found[r.GetString(k.keyColumn)] = r
			}
		}
	}
	if len(usccs) > 0 {
		if recs, err := tx.FindAllRecords("enterprises", dbx.In("uscc", usccs...)); err == nil {
			ids := make([]string, 0, len(recs))
			for _, r := range recs {
				b.registry[r.GetString("uscc")] = r
				ids = append(ids, r.Id)
			}
			// the columns the policies' derivation reads of their enterprise (records.deriveParents)
			b.parents, _ = records.LoadParents(tx, "enterprises", ids, "data", "risk_grade")
		}
	}
	return b
}

// existing is the stored record of a key, or nil.
func (b *batch) existing(tx core.App, key string) *core.Record {
	if key == "" {
		return nil
	}
	if b.found != nil && !b.fresh[key] {
		return b.found[key]
	}
	r, err := tx.FindFirstRecordByData(b.col, b.keyColumn, key)
	if err != nil {
		return nil
	}
	return r
}

// stored notes a key the chunk has just stored.
func (b *batch) stored(key string) {
	if key != "" {
		b.fresh[key] = true
	}
}

// enterprise is the registry's enterprise of a uscc.
func (b *batch) enterprise(tx core.App, uscc string) (*core.Record, error) {
	if r, ok := b.registry[uscc]; ok {
		return r, nil
	}
	return tx.FindFirstRecordByData("enterprises", "uscc", uscc)
}

// peekString is a top-level cell as takeString reads it, left in the row.
func peekString(m map[string]any, key string) string {
	v, ok := m[key]
	if !ok {
		return ""
	}
	s, _ := v.(string)
	if s == "" && v != nil {
		s = fmt.Sprint(v)
	}
	return strings.TrimSpace(s)
}

// derivesFrom makes rec's derivation read its enterprise from the chunk's read; the returned
// func forgets it once rec is saved or refused.
func (b *batch) derivesFrom(rec *core.Record) func() {
	if b.parents == nil {
		return func() {}
	}
	return records.UseParents(rec, b.parents)
}
