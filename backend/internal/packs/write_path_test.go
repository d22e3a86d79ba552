package packs_test

import (
	"fmt"
	"testing"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/packs"
	"azx/backend/internal/stmtcache"
	"azx/backend/internal/testapp"
)

// A user's policy create (derivation, relation checks, the packs' verdict, the insert, numbering,
// the audit entry) parses its SQL once: the next creates reuse the statements the writer's
// connection keeps prepared (internal/stmtcache), and each is still judged and stored. (In a
// transaction, as a bulk upload writes: all on the writer's one connection. Through the API the
// validation reads on the concurrent pool, whose connections each keep their own.)
func TestRepeatedPolicyCreatesPrepareNoNewStatements(t *testing.T) {
	app := testapp.New(t, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
	ent := chaoyangEnterprise(t, app)
	create := func(i int) {
		data := chaoyangPolicy(fmt.Sprintf("GD-STMT-%04d", i))
		var r *core.Record
		err := app.RunInTransaction(func(tx core.App) (err error) {
			r, err = save(tx, "user1", "policies", data, map[string]any{"enterprise": ent.Id})
			return err
		})
		if err != nil {
			t.Fatalf("policy %d: %v", i, err)
		}
		if r.GetString("policy_no") != data["policy_no"] || r.GetString("rule_warnings") == "" {
			t.Fatalf("policy %d stored as %q, warnings %q", i, r.GetString("policy_no"), r.GetString("rule_warnings"))
		}
	}
	first := stmtcache.Prepares()
	create(0)
	if stmtcache.Prepares() == first {
		t.Fatal("a create ran no statement through the cache")
	}
	create(1) // the first renewal look-up and audit head are behind us
	before, reused := stmtcache.Prepares(), stmtcache.Reuses()
	for i := 2; i < 12; i++ {
		create(i)
	}
	if n := stmtcache.Prepares() - before; n != 0 {
		t.Fatalf("10 more creates prepared %d new statements, want 0", n)
	}
	perCreate := float64(stmtcache.Reuses()-reused) / 10
	t.Logf("%.1f prepared statements reused per create", perCreate)
	if perCreate < 5 {
		t.Fatalf("%.1f statements reused per create: the write path runs past the cache", perCreate)
	}
	// and the invalid one is still refused
	data := chaoyangPolicy("GD-STMT-BAD")
	data["legal_basis"] = "2017"
	if _, err := save(app, "user1", "policies", data, map[string]any{"enterprise": ent.Id}); err == nil {
		t.Fatal("a 2026 policy on the 2017 basis was stored")
	}
}

// BenchmarkUserPolicyCreate: one policy created by a user, in a transaction as a bulk upload
// writes it (derivation, relation checks, the packs' verdict, insert, numbering, audit entry).
// go test -run '^$' -bench BenchmarkUserPolicyCreate -benchmem -cpuprofile cpu.out ./internal/packs/
func BenchmarkUserPolicyCreate(b *testing.B) {
	app := testapp.New(b, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
	ent := chaoyangEnterprise(b, app)
	policies, _ := app.FindCachedCollectionByNameOrId("policies")
	insurer := core.NewRecord(mustCollection(app, "organizations"))
	insurer.Set("name", "乙保险")
	insurer.Set("kind", "insurer")
	if err := app.Save(insurer); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data := chaoyangPolicy(fmt.Sprintf("GD-BENCH-%06d", i))
		r := core.NewRecord(policies)
		r.Load(map[string]any{"definition": "policy", "version": 1, "data": data, "enterprise": ent.Id, "insurer": insurer.Id})
		audit.SetActor(r, "user1")
		err := app.RunInTransaction(func(tx core.App) error { return tx.Save(r) })
		audit.ClearActor(r)
		if err != nil {
			b.Fatal(err)
		}
	}
}
