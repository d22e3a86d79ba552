package audit

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Report is the outcome of Verify.
type Report struct {
	Entries  int
	Records  int
	Problems []Problem
}

type latestEntry struct {
	seq        int64
	action     string
	recordHash string
}

// Verify walks the whole audit chain in storage order and then checks every audited record's
// current row against its latest entry: an edit, insertion or deletion made behind the
// application's back shows up as a problem.
//
// It reads one snapshot (a read transaction), so a scheduled check of a running server never
// takes a write that lands between reading the chain and reading the rows for tampering.
func Verify(app core.App) (*Report, error) {
	var db dbx.Builder = app.DB()
	if pool, ok := app.ConcurrentDB().(*dbx.DB); ok {
		tx, err := pool.Begin()
		if err != nil {
			return nil, err
		}
		defer tx.Rollback()
		db = tx
	}
	return verify(app, db)
}

func verify(app core.App, db dbx.Builder) (*Report, error) {
	rep := &Report{}
	var entries []Entry
	rows, err := db.NewQuery("SELECT [[id]], [[seq]], [[at]], [[actor]], [[collection_name]], [[record_id]], [[action]], [[record_hash]], [[prev_hash]], [[hash]] FROM {{" + Collection + "}} ORDER BY rowid").Rows()
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e Entry
		var seq float64
		if err := rows.Scan(&e.ID, &seq, &e.At, &e.Actor, &e.Collection, &e.RecordID, &e.Action, &e.RecordHash, &e.PrevHash, &e.Hash); err != nil {
			rows.Close()
			return nil, err
		}
		e.Seq = int64(seq)
		entries = append(entries, e)
	}
	rows.Close()
	rep.Entries = len(entries)
	rep.Problems = VerifyChain(entries)

	latest := map[string]latestEntry{} // collection/id → its latest entry
	for _, e := range entries {
		k := e.Collection + "/" + e.RecordID
		if cur, ok := latest[k]; !ok || e.Seq > cur.seq {
			latest[k] = latestEntry{e.Seq, e.Action, e.RecordHash}
		}
	}

	collections, err := app.FindAllCollections()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range collections {
		if !Audited(c.Name) || c.IsView() {
			continue
		}
		q := db.NewQuery("SELECT * FROM {{" + c.Name + "}}")
		rows, err := q.Rows()
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			m := dbx.NullStringMap{}
			if err := rows.ScanMap(m); err != nil {
				rows.Close()
				return nil, err
			}
			row := fromNullStrings(m)
			id := ""
			if row["id"] != nil {
				id = *row["id"]
			}
			k := c.Name + "/" + id
			seen[k] = true
			rep.Records++
			le, ok := latest[k]
			switch {
			case !ok:
				rep.Problems = append(rep.Problems, Problem{0, "record_unaudited", k + " has no audit entry (written outside the application)"})
			case le.action == "delete":
				rep.Problems = append(rep.Problems, Problem{le.seq, "record_reappeared", k + " exists although its latest entry is a delete"})
			case RowHash(row) != le.recordHash:
				rep.Problems = append(rep.Problems, Problem{le.seq, "record_altered", k + " no longer matches its latest audit entry"})
			}
		}
		rows.Close()
	}
	for k, le := range latest {
		if le.action != "delete" && !seen[k] {
			rep.Problems = append(rep.Problems, Problem{le.seq, "record_removed", k + " is gone but was never deleted through the application"})
		}
	}
	return rep, nil
}

// Summary is the one-line outcome.
func (r *Report) Summary() string {
	if len(r.Problems) == 0 {
		return fmt.Sprintf("audit chain intact: %d entries, %d records match their latest entry", r.Entries, r.Records)
	}
	return fmt.Sprintf("audit chain BROKEN: %d problem(s) in %d entries and %d records", len(r.Problems), r.Entries, r.Records)
}
