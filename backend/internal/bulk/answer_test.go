package bulk

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// The answer written a row's entry at a time says what the whole Result says.
func TestTheStreamedAnswerIsTheResult(t *testing.T) {
	res := &Result{Created: 2, Unchanged: 1, Mode: "import", Encoding: "gb18030",
		Failed: []Failure{{Row: 3, Key: "P-3", Errors: map[string]FieldError{"premium": {Code: "schema_minimum", Message: "须<0>", MessageZh: "须<0>", MessageEn: "must"}}}},
		Flagged: []Flagged{{Row: 1, Key: "P-1", Rules: []Flag{{Code: "cover_below_minimum", Path: "cover_per_person", Source: "27号"}}},
			{Row: 2, Key: "P-2", Rules: []Flag{{Code: "rating_missing"}, {Code: "x"}}}}}
	for _, r := range []*Result{res, {Failed: []Failure{}, Flagged: []Flagged{}, Mode: "entry", Encoding: "utf-8"}} {
		rec := httptest.NewRecorder()
		e := &core.RequestEvent{Event: router.Event{Response: rec, Request: httptest.NewRequest("POST", "/", nil)}}
		if err := writeResult(e, r); err != nil {
			t.Fatal(err)
		}
		var streamed, whole any
		if err := json.Unmarshal(rec.Body.Bytes(), &streamed); err != nil {
			t.Fatalf("the streamed answer is not JSON: %v %s", err, rec.Body.String())
		}
		b, _ := json.Marshal(r)
		_ = json.Unmarshal(b, &whole)
		if !reflect.DeepEqual(streamed, whole) || rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("streamed %s\nwhole    %s", rec.Body.String(), b)
		}
	}
}
