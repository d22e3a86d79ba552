package bulk

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"azx/backend/internal/audit"
	"azx/backend/internal/seed"
)

// TestTheBatchLoadStoresWhatASaveARowStores: one import-mode file (chunks of 3 rows, flagged and
// refused rows, a key given twice, an enterprise renewing its own policy of the same file and
// chunk, enterprises met again in later chunks) stored by the batch loader (validation on the
// cores while the rows and their flags are written, loader.Load) and, in a world seeded alike,
// a save and a savepoint a row (storeChunk): the same answer, the same policy and flag rows
// (but their ids and times), the audit entries in the same order, each hashing its stored row,
// and chains that verify.
func TestTheBatchLoadStoresWhatASaveARowStores(t *testing.T) {
	withChunks(t, 3)
	line := func(no string, e seed.Enterprise, start, end, cover, premium string) string {
		return fmt.Sprintf("%s,%s,%s,%s,2025,active,%s,%s,%d,%d,%s,%s,是,2000,01;03\n",
			no, e.USCC, e.USCC, e.Name, start, end, e.Headcount, e.Headcount, cover, premium)
	}
	file := func(w *world) string {
		a, b, c := w.enterprise(t, "330100"), w.enterprise(t, "330200"), w.plan.Enterprises[len(w.plan.Enterprises)-1]
		return policyHeader +
			line("CMP-0001", a, "2025-03-01", "2026-02-28", "500000", "9800") +
			line("CMP-0002", a, "2026-03-01", "2027-02-28", "300000", "9800") + // renews CMP-0001, low cover: flagged
			line("CMP-0003", b, "2026-03-01", "2027-02-28", "500000", "-5") + // refused
			line("CMP-0004", b, "2026-04-01", "2027-03-31", "300000", "9800") +
			line("CMP-0004", b, "2026-04-01", "2027-03-31", "300000", "9800") + // the key again: unchanged
			line("CMP-0006", c, "2026-05-01", "2027-04-30", "500000", "9800") +
			line("CMP-0007", a, "2027-03-01", "2028-02-29", "500000", "9800") + // renews CMP-0002, a chunk later
			line("CMP-0008", c, "2026-06-01", "2027-05-31", "300000", "9800")
	}
	upload := func(batch bool) (*world, Result, int64) {
		was := batchLoads
		batchLoads = batch
		defer func() { batchLoads = was }()
		w := judged(t)
		var head int64
		if err := w.app.DB().NewQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_log").Row(&head); err != nil {
			t.Fatal(err)
		}
		ct, body := multipartFile(t, "compare.csv", []byte(file(w)))
		res := w.post(t, "/api/azx/bulk/policies?mode=import&upload=cmp", "insurer-1@azx.demo", ct, body, "en")
		if res.Status != 200 {
			t.Fatalf("the upload (batch %v): %d %v", batch, res.Status, res.Body)
		}
		if rep, err := audit.Verify(w.app); err != nil || len(rep.Problems) != 0 {
			t.Fatalf("the audit chain (batch %v): %v %v", batch, rep, err)
		}
		return w, res.Result, head
	}
	batchWorld, batchRes, batchHead := upload(true)
	saveWorld, saveRes, saveHead := upload(false)

	if batchRes.Created != 6 || batchRes.Unchanged != 1 || batchRes.FailedCount != 1 || batchRes.FlaggedCount == 0 {
		t.Fatalf("the batch load's answer: %+v", batchRes)
	}
	batchRes.Results, saveRes.Results = "", ""
	if !reflect.DeepEqual(batchRes, saveRes) {
		t.Fatalf("the answers differ:\nbatch %+v\nsaves %+v", batchRes, saveRes)
	}
	batch, saves := storedImport(t, batchWorld, batchHead), storedImport(t, saveWorld, saveHead)
	policies, flags := 0, 0
	for k := range batch.rows {
		switch {
		case strings.HasPrefix(k, "policies "):
			policies++
		case strings.HasPrefix(k, "system_findings "):
			flags++
		}
	}
	if policies != 6 || flags < batchRes.FlaggedCount {
		t.Fatalf("the batch load stored %d policies and %d flags", policies, flags)
	}
	if !reflect.DeepEqual(batch.rows, saves.rows) {
		for k, row := range batch.rows {
			if !reflect.DeepEqual(row, saves.rows[k]) {
				t.Errorf("%s:\nbatch %v\nsaves %v", k, row, saves.rows[k])
			}
		}
		t.Fatalf("the stored rows differ: %d and %d rows", len(batch.rows), len(saves.rows))
	}
	if !reflect.DeepEqual(batch.entries, saves.entries) {
		t.Fatalf("the audit entries differ:\nbatch %v\nsaves %v", batch.entries, saves.entries)
	}
	if renewal := batch.rows["policies CMP-0002"]["renewal_of"]; renewal != "CMP-0001" {
		t.Fatalf("CMP-0002 renews %q, want CMP-0001 (stored earlier in its chunk)", renewal)
	}
}

// imported is what an upload stored: each policy and flag row by its key (the policy number;
// a flag's policy number and rule), without its id and times, its relations to the upload's
// policies by their numbers; and the audit entries after the seed's, in order, by key.
type imported struct {
	rows    map[string]map[string]string
	entries []string
}

func storedImport(t *testing.T, w *world, head int64) imported {
	t.Helper()
	out := imported{rows: map[string]map[string]string{}}
	numbers := map[string]string{} // policy id → number
	read := func(table, id string) map[string]string {
		row, err := audit.ReadRow(w.app, table, id)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for c, v := range row {
			if v != nil {
				m[c] = *v
			}
		}
		return m
	}
	var entries []struct {
		Collection string `db:"collection_name"`
		RecordID   string `db:"record_id"`
		Action     string `db:"action"`
		Actor      string `db:"actor"`
		RecordHash string `db:"record_hash"`
	}
	if err := w.app.DB().NewQuery("SELECT collection_name, record_id, action, actor, record_hash FROM audit_log WHERE seq > {:head} ORDER BY seq").
		Bind(map[string]any{"head": head}).All(&entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Collection == "policies" {
			numbers[e.RecordID] = read("policies", e.RecordID)["policy_no"]
		}
	}
	for _, e := range entries {
		row := read(e.Collection, e.RecordID)
		stored, _ := audit.ReadRow(w.app, e.Collection, e.RecordID)
		if e.Action != "create" || e.RecordHash != audit.RowHash(stored) {
			t.Errorf("%s %s: entry %s does not hash the stored row", e.Collection, e.RecordID, e.Action)
		}
		key := e.Collection + " "
		switch e.Collection {
		case "policies":
			key += row["policy_no"]
			if r := row["renewal_of"]; r != "" && numbers[r] != "" {
				row["renewal_of"] = numbers[r]
			}
		case "system_findings":
			key += numbers[row["policy"]] + " " + row["rule"]
			row["policy"] = numbers[row["policy"]]
		default:
			key += e.RecordID
		}
		for _, c := range []string{"id", "created", "updated", "uploaded_at"} {
			delete(row, c)
		}
		out.rows[key] = row
		out.entries = append(out.entries, e.Action+" "+key+" by "+e.Actor)
	}
	return out
}
