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
// connection keeps prepared (internal/stmtcache), and each is still judged and stored.
func TestRepeatedPolicyCreatesPrepareNoNewStatements(t *testing.T) {
	app := testapp.New(t, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
	ent := saveAs(t, app, audit.System, "enterprises", map[string]any{
		"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105", "address": "北京市朝阳区测试路 1 号",
		"industry": "construction", "headcount": 10, "must_insure": true, "risk_grade": "medium",
		"principal": map[string]any{"name": "王主任", "mobile": "13800000001"}, "safety_contact": map[string]any{"name": "李安全", "mobile": "13900000002"},
	}, nil)
	create := func(i int) {
		data := policyData("110105", 500000, 250, 2500)
		data["policy_no"] = fmt.Sprintf("GD-STMT-%04d", i)
		data["insured"] = map[string]any{"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105"}
		data["prevention_items"] = []any{"01"}
		r := saveAs(t, app, "user1", "policies", data, map[string]any{"enterprise": ent.Id})
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
	data := policyData("110105", 500000, 250, 2500)
	data["policy_no"], data["legal_basis"] = "GD-STMT-BAD", "2017"
	if _, err := save(app, "user1", "policies", data, map[string]any{"enterprise": ent.Id}); err == nil {
		t.Fatal("a 2026 policy on the 2017 basis was stored")
	}
}

// BenchmarkUserPolicyCreate: one policy created by a user as the records API does it (in a
// transaction: derivation, relation checks, the packs' verdict, insert, numbering, audit entry).
// go test -run '^$' -bench BenchmarkUserPolicyCreate -benchmem -cpuprofile cpu.out ./internal/packs/
func BenchmarkUserPolicyCreate(b *testing.B) {
	app := testapp.New(b, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
	ent, err := save(app, audit.System, "enterprises", map[string]any{
		"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105", "address": "北京市朝阳区测试路 1 号",
		"industry": "construction", "headcount": 10, "must_insure": true, "risk_grade": "medium",
		"principal": map[string]any{"name": "王主任", "mobile": "13800000001"}, "safety_contact": map[string]any{"name": "李安全", "mobile": "13900000002"},
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	policies, _ := app.FindCachedCollectionByNameOrId("policies")
	insurer := core.NewRecord(mustCollection(app, "organizations"))
	insurer.Set("name", "乙保险")
	insurer.Set("kind", "insurer")
	if err := app.Save(insurer); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data := policyData("110105", 500000, 250, 2500)
		data["policy_no"] = fmt.Sprintf("GD-BENCH-%06d", i)
		data["insured"] = map[string]any{"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105"}
		data["prevention_items"] = []any{"01"}
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
