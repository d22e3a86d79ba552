package records_test

import (
	"fmt"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/records"
	"azx/backend/internal/testapp"
)

// The statistics `serve` keeps are a full ANALYZE's rows per key (sqlite_stat1) without the
// value samples of sqlite_stat4: with samples, every statement a connection keeps prepared whose
// parameter meets an indexed column is compiled again each time it runs (README "Performance").
// Samples an older binary left are dropped too, and an insurer's list still searches its index.
func TestAnalyzeKeepsRowCountsWithoutSamples(t *testing.T) {
	app := testapp.New(t)
	// rows enough for ANALYZE to write statistics: 4 insurers' policies
	now := "2026-01-01 00:00:00.000Z"
	err := app.RunInTransaction(func(tx core.App) error {
		for i := 0; i < 400; i++ {
			if _, err := tx.DB().Insert("policies", dbx.Params{
				"id": fmt.Sprintf("pstat%010d", i), "policy_no": fmt.Sprintf("STAT-%04d", i), "insurer": fmt.Sprintf("orgins%d", i%4),
				"industry": "construction", "period_start": fmt.Sprintf("2025-%02d-01 00:00:00.000Z", i%12+1),
				"status": "active", "data": "{}", "created": now, "updated": now,
			}).Execute(); err != nil {
				return err
			}
		}
		// what an older binary's plain ANALYZE left behind
		_, err := tx.DB().NewQuery("ANALYZE").Execute()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	samples := func() int {
		var n int
		if err := app.DB().NewQuery("SELECT count(*) FROM sqlite_stat4").Row(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if samples() == 0 {
		t.Fatal("this SQLite writes no sqlite_stat4 samples: the test proves nothing")
	}
	records.Analyze(app)
	if n := samples(); n != 0 {
		t.Fatalf("sqlite_stat4 keeps %d samples after analyze", n)
	}
	var stat string
	if err := app.DB().NewQuery("SELECT stat FROM sqlite_stat1 WHERE idx = 'idx_policies_insurer'").Row(&stat); err != nil {
		// the index may be named otherwise: any statistics of policies' indexes will do
		if err := app.DB().NewQuery("SELECT stat FROM sqlite_stat1 WHERE tbl = 'policies' AND idx IS NOT NULL LIMIT 1").Row(&stat); err != nil {
			t.Fatalf("no row counts for the policies' indexes: %v", err)
		}
	}
	if stat == "" {
		t.Fatal("empty statistics for the policies")
	}
	// and the list plans rest on them: an insurer's list is searched by the insurer's column
	users, _ := app.FindCollectionByNameOrId("users")
	auth := core.NewRecord(users)
	auth.Id = "u1"
	auth.Set("role", "insurer")
	auth.Set("organization", "orgins1")
	pol, _ := app.FindCollectionByNameOrId(records.Policies)
	info := &core.RequestInfo{Auth: auth, Method: "GET", Query: map[string]string{
		"filter": `insurer = "orgins1" && (industry = "construction" && period_start >= "2025-01-01 00:00:00")`, "sort": "-period_start", "perPage": "50"}}
	ok, err := records.ScopeLedPlan(app, pol, info, "insurer")
	if err != nil || !ok {
		t.Fatalf("after analyze an insurer's list is not searched by insurer (%v, %v)", ok, err)
	}
}
