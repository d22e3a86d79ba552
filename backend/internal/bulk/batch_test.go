package bulk

import (
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
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
