package packs_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/audit"
	"azx/backend/internal/packs"
	"azx/backend/internal/testapp"
	"azx/backend/internal/validation"
)

// gd is a pack for a province the shipped packs do not know: Guangdong, a higher minimum and its
// own base rates, with a test that the higher minimum refuses.
func gd(key, status string) map[string]any {
	return map[string]any{
		"key": key, "status": status, "version": 1,
		"title": "广东：示例规则包", "title_en": "Guangdong: example pack",
		"jurisdiction": "440000", "legal_status": "in_force", "effective_from": "2026-01-01", "extends": "cn-2025",
		"sources": []any{map[string]any{"id": "粤示例〔2026〕1号", "title": "广东示例通知", "title_en": "Guangdong example notice"}},
		"tables": map[string]any{
			"min_cover_per_person": map[string]any{"title": map[string]any{"zh": "每人限额下限", "en": "Least cover"}, "value": 500000,
				"source": map[string]any{"document": "粤示例〔2026〕1号", "article": "第三条", "article_en": "Art. 3"}},
			"base_rates": map[string]any{"title": map[string]any{"zh": "基准费率", "en": "Base rates"}, "example": true,
				"value":  map[string]any{"basis_cover": 500000, "rates": map[string]any{"hazardous_chemicals": 450}},
				"source": map[string]any{"document": "粤示例〔2026〕1号", "article": "第四条"}},
		},
		"rules": []any{},
		"tests": []any{map[string]any{
			"name":       "cover under Guangdong's minimum",
			"enterprise": map[string]any{"name": "广州化工有限公司", "region_code": "440106", "industry": "hazardous_chemicals", "headcount": 10},
			"record":     policyData("440106", 450000, 405, 4050),
			"expect":     map[string]any{"refuse": map[string]any{"cover_per_person": "cover_below_minimum"}},
		}},
	}
}

func policyData(region string, cover, base, premium float64) map[string]any {
	return map[string]any{
		"policy_no": "GD-TEST-0001", "legal_basis": "2025", "status": "active",
		"insured":   map[string]any{"uscc": "91440106MA5GD0001X", "name": "广州化工有限公司", "region_code": region},
		"period":    map[string]any{"start": "2026-03-01", "end": "2027-02-28"},
		"headcount": 10, "insured_persons": 10, "cover_per_person": cover,
		"coverage_scope": []any{"employee_injury", "third_party_injury", "third_party_property", "rescue", "medical_aid", "investigation", "legal"},
		"premium":        premium,
		"rating": map[string]any{"base_rate": base, "premium_by_rate": premium, "coefficients": map[string]any{
			"accident_record": 1, "standardization": 1, "safety_credit": 1, "dual_prevention": 1, "headcount_band": 1}},
		"prevention_clause": true, "prevention_budget": premium / 5, "prevention_items": []any{"01", "03"},
	}
}

// newRow makes a rule_packs record from a document as an administrator would send it.
func newRow(t *testing.T, app core.App, doc map[string]any) *core.Record {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(packs.Collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	for k, v := range doc {
		switch k {
		case "note", "sources", "tables", "computations", "rules", "tests":
			b, _ := json.Marshal(v)
			r.Set(k, types.JSONRaw(b))
		default:
			r.Set(k, v)
		}
	}
	return r
}

func TestInvalidPackRefusedWithErrorsByPath(t *testing.T) {
	app := testapp.New(t)
	doc := gd("gd-bad", "draft")
	doc["effective_to"] = "2025-12-31"
	doc["rules"] = []any{
		map[string]any{"code": "cover_too_low", "applies_to": "policy", "severity": "refuse", "path": "cover_per_person",
			"when": map[string]any{"lower_than": []any{1, 2}}, "message": map[string]any{"zh": "低于 {minimum}", "en": "below {minimum}"},
			"source": map[string]any{"document": "粤示例〔2026〕1号"}},
		map[string]any{"code": "cover_too_low", "applies_to": "policy", "severity": "sometimes", "path": "cover_per_person",
			"when": true, "message": map[string]any{"zh": "x", "en": "x"}, "source": map[string]any{"document": "粤未列出"}},
	}
	err := app.Save(newRow(t, app, doc))
	if code := validation.CodeAt(err, "rules.1.severity"); code != "schema_enum" {
		t.Fatalf("a bad severity: %q (%v)", code, err)
	}
	// with the shape right, the rest is checked by path
	doc["rules"].([]any)[1].(map[string]any)["severity"] = "warn"
	err = app.Save(newRow(t, app, doc))
	for path, want := range map[string]string{
		"rules.0.when":       "pack_logic_invalid",
		"rules.0.message.zh": "pack_placeholder_unknown",
		"rules.1.code":       "pack_rule_duplicate",
		"rules.1.source":     "pack_source_unknown",
		"effective_to":       "pack_dates_invalid",
	} {
		if code := validation.CodeAt(err, path); code != want {
			t.Errorf("%s: %q, want %s (%v)", path, code, want, err)
		}
	}
	errs := err.(validation.Errors)
	if fe := errs["rules.0.when"].(*validation.FieldError); !strings.Contains(fe.Zh, "lower_than") || !strings.Contains(fe.En, "lower_than") {
		t.Errorf("the message names the unknown operator in both languages: %s / %s", fe.Zh, fe.En)
	}
}

func TestPublishingRunsTheTests(t *testing.T) {
	app := testapp.New(t)
	doc := gd("gd", "published")
	doc["tables"].(map[string]any)["min_cover_per_person"].(map[string]any)["value"] = 400000 // the test expects 500,000
	if code := validation.CodeAt(app.Save(newRow(t, app, doc)), "tests.0"); code != "pack_test_failed" {
		t.Fatalf("a pack whose test fails was published (%q)", code)
	}
	// a draft with a failing test is kept: it is not in force
	doc["status"] = "draft"
	r := newRow(t, app, doc)
	if err := app.Save(r); err != nil {
		t.Fatalf("draft: %v", err)
	}
	r.Set("tables", types.JSONRaw(must(gd("gd", "draft")["tables"])))
	r.Set("status", "published")
	if err := app.Save(r); err != nil {
		t.Fatalf("the fixed pack cannot be published: %v", err)
	}
	snap, err := packs.Current(app)
	if err != nil {
		t.Fatal(err)
	}
	e := snap.Effective("440106", "2026-03-01")
	var keys []string
	for _, l := range e.Layers {
		keys = append(keys, l.Key)
	}
	if strings.Join(keys, ",") != "cn-common,cn-2025,gd" {
		t.Fatalf("layers %v", keys)
	}
	if e.Tables["min_cover_per_person"].Value != 500000.0 {
		t.Fatalf("the province overrides the national minimum: %v", e.Tables["min_cover_per_person"].Value)
	}
	if e.ValidFrom != "2026-01-01" || e.ValidTo != nil {
		t.Fatalf("valid %s to %v", e.ValidFrom, e.ValidTo)
	}
	// before its effective date Guangdong is judged by the national packs alone
	if before := snap.Effective("440106", "2025-12-31"); len(before.Layers) != 2 || before.ValidTo == nil || *before.ValidTo != "2025-12-31" {
		t.Fatalf("before: %+v", before.Layers)
	}
}

func TestPublishedPackIsImmutable(t *testing.T) {
	app := testapp.New(t)
	r := newRow(t, app, gd("gd", "published"))
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	r.Set("tables", types.JSONRaw(`{}`))
	if code := validation.CodeAt(app.Save(r), "tables"); code != "pack_immutable" {
		t.Fatalf("a published pack's tables changed (%q)", code)
	}
	r, _ = app.FindRecordById(packs.Collection, r.Id)
	r.Set("status", "draft")
	if code := validation.CodeAt(app.Save(r), "status"); code != "pack_status_transition" {
		t.Fatalf("published → draft (%q)", code)
	}
	if code := validation.CodeAt(app.Delete(r), "status"); code != "pack_not_draft" {
		t.Fatalf("a published pack was deleted (%q)", code)
	}
	r.Set("status", "retired")
	if err := app.Save(r); err != nil {
		t.Fatalf("retire: %v", err)
	}
	snap, _ := packs.Current(app)
	if got := len(snap.Effective("440106", "2026-03-01").Layers); got != 2 {
		t.Fatalf("a retired pack still applies (%d layers)", got)
	}
}

func TestExtendsNamesAWiderPublishedPack(t *testing.T) {
	app := testapp.New(t)
	doc := gd("gd", "draft")
	doc["extends"] = "gd-nowhere"
	if code := validation.CodeAt(app.Save(newRow(t, app, doc)), "extends"); code != "pack_extends_unknown" {
		t.Fatalf("unknown parent (%q)", code)
	}
	doc["extends"] = "js-suzhou"
	if code := validation.CodeAt(app.Save(newRow(t, app, doc)), "extends"); code != "pack_extends_not_wider" {
		t.Fatalf("a city pack as the parent of a province (%q)", code)
	}
}

func TestLoadIsIdempotent(t *testing.T) {
	app := testapp.New(t)
	var out bytes.Buffer
	if err := packs.LoadDir(app, testapp.PacksDir(), &out); err != nil {
		t.Fatal(err)
	}
	if strings.Count(out.String(), "unchanged (version 1)") != strings.Count(out.String(), "\n") {
		t.Fatalf("a second load changed something:\n%s", out.String())
	}
}

// A policy written by a user is judged by the packs of its region on its start; the system's
// writes (the seed) are not; warnings of the Beijing draft are stored with the policy.
func TestPolicyJudgedOnItsStartDate(t *testing.T) {
	app := testapp.New(t, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
	ent := chaoyangEnterprise(t, app)
	data := chaoyangPolicy("GD-TEST-0001")
	// the draft for comment only warns: stored, with its warning
	r := saveAs(t, app, "user1", "policies", data, map[string]any{"enterprise": ent.Id})
	var warnings []packs.Problem
	if err := json.Unmarshal(must(r.Get("rule_warnings")), &warnings); err != nil || len(warnings) != 1 || warnings[0].Code != "hazard_inspection_not_agreed" {
		t.Fatalf("warnings %s (%v)", must(r.Get("rule_warnings")), err)
	}
	// a 2026 policy on the 2017 basis is refused
	data["policy_no"], data["legal_basis"] = "GD-TEST-0002", "2017"
	if _, err := save(app, "user1", "policies", data, map[string]any{"enterprise": ent.Id}); validation.CodeAt(err, "data.legal_basis") != "legal_basis_mismatch" {
		t.Fatalf("2026 on the 2017 basis: %v", err)
	}
	// the system's write is not judged
	if _, err := save(app, audit.System, "policies", data, map[string]any{"enterprise": ent.Id}); err != nil {
		t.Fatalf("the seed's write was judged: %v", err)
	}
}

// chaoyangEnterprise is a Beijing (Chaoyang) construction unit, saved by the system.
func chaoyangEnterprise(t testing.TB, app core.App) *core.Record {
	t.Helper()
	r, err := save(app, audit.System, "enterprises", map[string]any{
		"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105", "address": "北京市朝阳区测试路 1 号",
		"industry": "construction", "headcount": 10, "must_insure": true, "risk_grade": "medium",
		"principal": map[string]any{"name": "王主任", "mobile": "13800000001"}, "safety_contact": map[string]any{"name": "李安全", "mobile": "13900000002"},
	}, nil)
	if err != nil {
		t.Fatalf("enterprises: %v", err)
	}
	return r
}

// chaoyangPolicy is a valid 2026 policy of chaoyangEnterprise (the Beijing draft only warns).
func chaoyangPolicy(no string) map[string]any {
	data := policyData("110105", 500000, 250, 2500)
	data["policy_no"] = no
	data["insured"] = map[string]any{"uscc": "91110105MA01BJ0032", "name": "北京朝阳建工有限公司", "region_code": "110105"}
	data["prevention_items"] = []any{"01"}
	return data
}

func must(v any) []byte {
	if raw, ok := v.(types.JSONRaw); ok {
		return raw
	}
	b, _ := json.Marshal(v)
	return b
}

func save(app core.App, actor, collection string, data, columns map[string]any) (*core.Record, error) {
	col, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	r.Set("definition", map[string]string{"enterprises": "enterprise", "policies": "policy"}[collection])
	r.Set("version", 1)
	r.Set("data", data)
	for k, v := range columns {
		r.Set(k, v)
	}
	if collection == "policies" {
		org := core.NewRecord(mustCollection(app, "organizations"))
		org.Set("name", "甲保险")
		org.Set("kind", "insurer")
		if err := app.Save(org); err != nil {
			return nil, err
		}
		r.Set("insurer", org.Id)
	}
	audit.SetActor(r, actor)
	defer audit.ClearActor(r)
	return r, app.Save(r)
}

func saveAs(t *testing.T, app core.App, actor, collection string, data, columns map[string]any) *core.Record {
	t.Helper()
	r, err := save(app, actor, collection, data, columns)
	if err != nil {
		t.Fatalf("%s: %v", collection, err)
	}
	return r
}

func mustCollection(app core.App, name string) *core.Collection {
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		panic(err)
	}
	return c
}
