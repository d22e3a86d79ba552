package bulk

import (
	"encoding/json"
	"fmt"
	"testing"
)

// A large upload's answer carries the counts and the first rows of each list; every refused
// and flagged row is fetched from its results link, by the uploader only.
func TestTheAnswerCarriesTheFirstProblemsAndALinkToAllOfThem(t *testing.T) {
	w := judged(t)
	was := answerFirst
	answerFirst = 2
	t.Cleanup(func() { answerFirst = was })
	withChunks(t, 3)
	e := w.enterprise(t, "330100")
	csv := policyHeader
	for i := 1; i <= 4; i++ {
		csv += policyLine(fmt.Sprintf("SPL-%04d", i), e, "-5")                        // refused
		csv += lowCoverLine(fmt.Sprintf("SPL-1%03d", i), e.USCC, e.Name, e.Headcount) // stored, flagged
	}
	csv += policyLine("SPL-9999", e, "9800")
	ct, body := multipartFile(t, "many.csv", []byte(csv))
	res := w.post(t, "/api/azx/bulk/policies?mode=import", "insurer-1@azx.demo", ct, body, "")
	r := res.Result
	if res.Status != 200 || r.Created != 5 || r.FailedCount != 4 || r.FlaggedCount < 4 || len(r.Failed) != 2 || len(r.Flagged) != 2 || r.Complete {
		t.Fatalf("the answer: %d %+v", res.Status, r)
	}
	if r.Failed[0].Row != 1 || r.Failed[1].Row != 3 || r.Results == "" {
		t.Fatalf("the answer's refused rows are the file's first: %+v", r.Failed)
	}
	got := w.get(t, r.Results, "insurer-1@azx.demo")
	var all struct {
		Failed  []Failure `json:"failed"`
		Flagged []Flagged `json:"flagged"`
	}
	if err := json.Unmarshal(got.Body.Bytes(), &all); err != nil || got.Code != 200 {
		t.Fatalf("the results: %d %v %s", got.Code, err, got.Body.String())
	}
	if len(all.Failed) != 4 || len(all.Flagged) != r.FlaggedCount || all.Failed[3].Row != 7 || all.Failed[3].Key != "SPL-0004" ||
		all.Failed[3].Errors["premium"].MessageZh == "" {
		t.Fatalf("every refused row with its field error: %+v", all.Failed)
	}
	flagged := map[string]bool{}
	for _, f := range all.Flagged {
		for _, rule := range f.Rules {
			if rule.Code == "cover_below_minimum" {
				flagged[f.Key] = true
			}
		}
	}
	if len(flagged) != 4 {
		t.Fatalf("every low cover is among the flagged rows: %v", flagged)
	}
	if other := w.get(t, r.Results, "insurer-2@azx.demo"); other.Code != 404 {
		t.Fatalf("another user read the results: %d", other.Code)
	}
	if bad := w.get(t, "/api/azx/bulk/results/..%2F..%2Fdata", "insurer-1@azx.demo"); bad.Code != 404 {
		t.Fatalf("a made-up id: %d", bad.Code)
	}

	// a small upload's answer is complete and its link answers the same lists
	ct, body = multipartFile(t, "one.csv", []byte(policyHeader+policyLine("SPL-8888", e, "-5")))
	small := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "").Result
	if !small.Complete || small.FailedCount != 1 || len(small.Failed) != 1 {
		t.Fatalf("a small answer: %+v", small)
	}
}
