package bulk

import (
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/packs"
	"azx/backend/internal/validation"
)

// withChunks makes transactions (and batched reads) of n rows for one test, so a small file
// spans several chunks.
func withChunks(t *testing.T, n int) {
	was := chunkRows
	chunkRows = n
	t.Cleanup(func() { chunkRows = was })
}

func TestABatchStoresItsGoodRowsAndRefusesEachBadOneWithItsFieldError(t *testing.T) {
	w := newWorld(t)
	withChunks(t, 3)
	e, other := w.enterprise(t, "330100"), w.enterprise(t, "330200")
	ct, body := multipartFile(t, "before.csv", []byte(policyHeader+policyLine("BAT-0002", e, "10000")))
	if before := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, ""); before.Result.Created != 1 {
		t.Fatalf("the policy stored before: %+v", before.Result)
	}
	unknown := e
	unknown.USCC = "91330100MA2UNKNOWN"
	csv := policyHeader +
		policyLine("BAT-0001", e, "9800") + // chunk 1: stored
		policyLine("BAT-0002", e, "10000") + // stored by the earlier upload: unchanged
		policyLine("BAT-0003", e, "-5") + // a negative premium: refused, the chunk's others stored
		policyLine("BAT-0004", e, "9800") + // chunk 2: stored
		policyLine("BAT-0004", e, "9800") + // stored a row ago in the same chunk: unchanged, not twice
		policyLine("BAT-0006", unknown, "9800") + // no such enterprise (the chunk's read misses it)
		policyLine("BAT-0007", other, "9800") // chunk 3: stored
	ct, body = multipartFile(t, "batch.csv", []byte(csv))
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "en")
	if res.Status != 200 || res.Result.Created != 3 || res.Result.Unchanged != 2 || len(res.Result.Failed) != 2 {
		t.Fatalf("the upload: %d %+v", res.Status, res.Result)
	}
	premium, enterprise := res.Result.Failed[0], res.Result.Failed[1]
	if premium.Row != 3 || premium.Key != "BAT-0003" || premium.Errors["premium"].MessageZh == "" ||
		premium.Errors["premium"].Message != premium.Errors["premium"].MessageEn {
		t.Fatalf("the negative premium is refused at premium in both languages: %+v", premium)
	}
	if enterprise.Row != 6 || enterprise.Key != "BAT-0006" || enterprise.Errors["enterprise_uscc"].Code != "bulk_enterprise_unknown" ||
		!strings.Contains(enterprise.Errors["enterprise_uscc"].MessageZh, unknown.USCC) {
		t.Fatalf("the unknown enterprise is refused at enterprise_uscc: %+v", enterprise)
	}
	for no, want := range map[string]int{"BAT-0001": 1, "BAT-0002": 1, "BAT-0003": 0, "BAT-0004": 1, "BAT-0006": 0, "BAT-0007": 1} {
		if n, _ := w.app.CountRecords("policies", dbx.HashExp{"policy_no": no}); int(n) != want {
			t.Fatalf("%s stored %d times, want %d", no, n, want)
		}
	}
	stored, err := w.app.FindFirstRecordByData("policies", "policy_no", "BAT-0007")
	if err != nil || stored.GetString("city_code") != "330200" || stored.GetString("insurer") != w.plan.Org("insurer-1").ID {
		t.Fatalf("a later chunk's policy is derived like the first's: %v", err)
	}
}

func TestAStrayQuoteAfterManyChunksStoresNothing(t *testing.T) {
	w := newWorld(t)
	withChunks(t, 2)
	e := w.enterprise(t, "330100")
	csv := policyHeader
	for _, no := range []string{"QUO-0001", "QUO-0002", "QUO-0003", "QUO-0004", "QUO-0005"} {
		csv += policyLine(no, e, "9800")
	}
	csv += "QUO-0006,\"broken\n"
	ct, body := multipartFile(t, "quote.csv", []byte(csv))
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if res.Status != 400 || res.Body["code"] != "bulk_invalid_file" {
		t.Fatalf("a malformed file: %d %v", res.Status, res.Body)
	}
	if n, _ := w.app.CountRecords("policies", dbx.NewExp("policy_no LIKE 'QUO-%'")); n != 0 {
		t.Fatalf("%d rows of a refused file were stored", n)
	}
}

// A row refused after it wrote (here a hook refusing it once its insert ran) cannot be left
// half-written: the chunk is stored again with a savepoint a row, so its other rows and their
// flags go in once, the refused row not at all, and the audit chain still verifies.
func TestARowRefusedAfterItWroteIsUndoneAndTheChunksOthersStoredOnce(t *testing.T) {
	w := newWorld(t, func(app *pocketbase.PocketBase) {
		packs.BindPolicies(app)
		app.OnRecordCreateExecute("policies").BindFunc(func(e *core.RecordEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			if e.Record.GetString("policy_no") == "LATE-0002" {
				return validation.Errors{"premium": validation.New("late_refusal", "写入后被拒收", "refused after the insert")}
			}
			return nil
		})
	})
	withChunks(t, 3)
	e := w.enterprise(t, "330100")
	csv := policyHeader + lowCoverLine("LATE-0001", e.USCC, e.Name, e.Headcount) +
		lowCoverLine("LATE-0002", e.USCC, e.Name, e.Headcount) +
		lowCoverLine("LATE-0003", e.USCC, e.Name, e.Headcount) +
		policyLine("LATE-0004", e, "-5")
	ct, body := multipartFile(t, "late.csv", []byte(csv))
	res := w.post(t, "/api/azx/bulk/policies?mode=import", "insurer-1@azx.demo", ct, body, "")
	if res.Status != 200 || res.Result.Created != 2 || res.Result.FailedCount != 2 || res.Result.FlaggedCount != 2 {
		t.Fatalf("the upload: %d %+v", res.Status, res.Result)
	}
	if f := res.Result.Failed[0]; f.Key != "LATE-0002" || f.Errors["premium"].Code != "late_refusal" {
		t.Fatalf("the late refusal: %+v", f)
	}
	for no, want := range map[string]int{"LATE-0001": 1, "LATE-0002": 0, "LATE-0003": 1, "LATE-0004": 0} {
		if n, _ := w.app.CountRecords("policies", dbx.HashExp{"policy_no": no}); int(n) != want {
			t.Fatalf("%s stored %d times, want %d", no, n, want)
		}
	}
	for _, no := range []string{"LATE-0001", "LATE-0003"} {
		p, err := w.app.FindFirstRecordByData("policies", "policy_no", no)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := w.app.CountRecords("system_findings", dbx.HashExp{"policy": p.Id, "rule": "cover_below_minimum"}); n != 1 {
			t.Fatalf("%s flagged %d times for its low cover", no, n)
		}
	}
	if rep, err := audit.Verify(w.app); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("the audit chain after the chunk was stored again: %v %v", rep, err)
	}
}
