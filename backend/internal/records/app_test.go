package records_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/records"
	"azx/backend/internal/reference"
	"azx/backend/internal/validation"
	_ "azx/backend/migrations"
)

const enterpriseDef = `{"key": "enterprise", "title": "生产经营单位", "industry": "", "schema": {
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
  "required": ["uscc", "name", "region_code"],
  "properties": {
    "uscc": {"type": "string", "title": "统一社会信用代码", "format": "uscc", "x-column": "uscc"},
    "name": {"type": "string", "title": "单位名称", "x-column": "name"},
    "region_code": {"type": "string", "title": "行政区划", "format": "cn-region", "x-column": "region_code"},
    "industry": {"type": "string", "title": "行业", "x-column": "industry"}}}}`

const policyDef = `{"key": "policy", "title": "保单", "schema": {
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
  "required": ["policy_no", "premium"],
  "properties": {
    "policy_no": {"type": "string", "title": "保单号", "x-column": "policy_no"},
    "premium": {"type": "number", "title": "保费", "x-title-en": "Premium", "exclusiveMinimum": 0, "x-column": "premium"},
    "period": {"type": "object", "properties": {"start": {"type": "string", "format": "date", "x-column": "period_start"}}}}}}`

const hazardDef = `{"key": "hazard", "title": "隐患", "schema": {
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
  "properties": {"is_major": {"type": "boolean", "x-column": "is_major"}}}}`

// newApp is a fresh store with the AZX migrations, hooks and three small definitions.
func newApp(t *testing.T) (core.App, string) {
	t.Helper()
	dir := t.TempDir()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: filepath.Join(dir, "pb_data")})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.ResetBootstrapState() })
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	definitions.BindHooks(app)
	records.BindHooks(app)
	audit.BindHooks(app)

	defs := filepath.Join(dir, "defs")
	os.MkdirAll(defs, 0o755)
	for name, body := range map[string]string{"enterprise.json": enterpriseDef, "policy.json": policyDef, "hazard.json": hazardDef} {
		os.WriteFile(filepath.Join(defs, name), []byte(body), 0o644)
	}
	if err := definitions.LoadDir(app, defs, io.Discard); err != nil {
		t.Fatal(err)
	}
	return app, defs
}

func mustSave(t *testing.T, app core.App, r *core.Record) {
	t.Helper()
	if err := app.Save(r); err != nil {
		t.Fatalf("save %s: %v", r.Collection().Name, err)
	}
}

func newRecord(t *testing.T, app core.App, collection string, fields map[string]any) *core.Record {
	t.Helper()
	c, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		r.Set(k, v)
	}
	return r
}

func fieldCode(err error, path string) string {
	if code := validation.CodeAt(err, path); code != "" {
		return code
	}
	if errs, _ := err.(validation.Errors); errs[path] != nil {
		return "pb:" + errs[path].Error()
	}
	return ""
}

// world: an insurer, an enterprise in Yuecheng (Shaoxing) and one policy.
func world(t *testing.T, app core.App) (org, ent, pol *core.Record) {
	org = newRecord(t, app, "organizations", map[string]any{"name": "甲保险", "kind": "insurer"})
	mustSave(t, app, org)
	ent = newRecord(t, app, "enterprises", map[string]any{"definition": "enterprise", "version": 1,
		"city_code": "110100", // client-sent derived column: overwritten
		"data":      map[string]any{"uscc": "91330602MA2E10001E", "name": "越城化工", "region_code": "330602", "industry": "hazardous_chemicals"}})
	mustSave(t, app, ent)
	pol = newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
		"data": map[string]any{"policy_no": "P-1", "premium": 20000, "period": map[string]any{"start": "2026-01-01"}}})
	mustSave(t, app, pol)
	return
}

func TestDerivedColumns(t *testing.T) {
	app, _ := newApp(t)
	_, ent, pol := world(t, app)
	if ent.GetString("city_code") != "330600" || ent.GetString("province_code") != "330000" || ent.GetString("uscc") != "91330602MA2E10001E" {
		t.Errorf("enterprise columns: city %q province %q uscc %q", ent.GetString("city_code"), ent.GetString("province_code"), ent.GetString("uscc"))
	}
	if pol.GetString("region_code") != "330602" || pol.GetString("city_code") != "330600" || pol.GetString("industry") != "hazardous_chemicals" {
		t.Errorf("policy region columns not copied from the enterprise: %v", pol.FieldsData())
	}
	if pol.GetFloat("premium") != 20000 || pol.GetString("policy_no") != "P-1" || !strings.HasPrefix(pol.GetString("period_start"), "2026-01-01") {
		t.Errorf("x-column values: premium %v no %q start %q", pol.GetFloat("premium"), pol.GetString("policy_no"), pol.GetString("period_start"))
	}
	if pol.GetInt("revision") != 1 {
		t.Errorf("revision = %d, want 1", pol.GetInt("revision"))
	}
}

func TestRefusedRecordIsNotStored(t *testing.T) {
	app, _ := newApp(t)
	org, ent, _ := world(t, app)
	bad := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
		"data": map[string]any{"policy_no": "P-2", "premium": -5}})
	err := app.Save(bad)
	if fieldCode(err, "data.premium") != "schema_exclusive_minimum" {
		t.Fatalf("error = %v", err)
	}
	if msg := err.(validation.Errors)["data.premium"].(*validation.FieldError); msg.Zh != "保费 必须大于 0" || msg.En != "Premium must be greater than 0" {
		t.Errorf("messages %q / %q", msg.Zh, msg.En)
	}
	if err := records.Prepare(app, bad); fieldCode(err, "data.premium") == "" {
		t.Errorf("Prepare did not report the same error: %v", err)
	}
	n, _ := app.CountRecords("policies")
	if n != 1 {
		t.Errorf("%d policies stored, want 1", n)
	}
	for _, c := range []struct {
		fields map[string]any
		path   string
		code   string
	}{
		{map[string]any{"definition": "nope", "version": 1}, "definition", "definition_unknown"},
		{map[string]any{"definition": "policy", "version": 7}, "version", "definition_version_unknown"},
		{map[string]any{"definition": "enterprise", "version": 1}, "definition", "definition_mismatch"},
		{map[string]any{"definition": "policy", "version": "abc"}, "version", "definition_version_unknown"},
		{map[string]any{"definition": "policy", "version": 1, "data": "not an object"}, "data", "schema_type"},
	} {
		r := newRecord(t, app, "policies", map[string]any{"enterprise": ent.Id, "insurer": org.Id})
		for k, v := range c.fields {
			r.Set(k, v)
		}
		if got := fieldCode(app.Save(r), c.path); got != c.code {
			t.Errorf("%v: code at %s = %q, want %s", c.fields, c.path, got, c.code)
		}
	}
}

func TestCorrectionsAreVersioned(t *testing.T) {
	app, _ := newApp(t)
	_, _, pol := world(t, app)
	pol.Set("data", map[string]any{"policy_no": "P-1", "premium": 25000})
	if code := fieldCode(app.Save(pol), "correction_reason"); code != "correction_reason_required" {
		t.Fatalf("update without reason: %q", code)
	}
	pol.Set("correction_reason", "保费录入错误")
	mustSave(t, app, pol)
	if pol.GetInt("revision") != 2 || pol.GetFloat("premium") != 25000 {
		t.Fatalf("after correction: revision %d premium %v", pol.GetInt("revision"), pol.GetFloat("premium"))
	}
	v, err := app.FindFirstRecordByFilter("record_versions", "record_id = {:id}", map[string]any{"id": pol.Id})
	if err != nil {
		t.Fatal(err)
	}
	if v.GetInt("revision") != 1 || v.GetString("reason") != "保费录入错误" || !strings.Contains(v.GetString("snapshot"), `"premium":20000`) {
		t.Errorf("version row: %v", v.FieldsData())
	}
}

func TestHazardStatusMovesOnlyThroughEvents(t *testing.T) {
	app, _ := newApp(t)
	_, ent, pol := world(t, app)
	h := newRecord(t, app, "hazards", map[string]any{"definition": "hazard", "version": 1, "policy": pol.Id, "data": map[string]any{"is_major": true}})
	mustSave(t, app, h)
	if h.GetString("status") != "found" || h.GetString("enterprise") != ent.Id || !h.GetBool("is_major") || h.GetString("city_code") != "330600" {
		t.Fatalf("hazard: %v", h.FieldsData())
	}
	h.Set("status", "verified")
	h.Set("correction_reason", "想直接销号")
	if code := fieldCode(app.Save(h), "status"); code != "status_via_events" {
		t.Fatalf("plain status change: %q", code)
	}
	ev := newRecord(t, app, "hazard_events", map[string]any{"hazard": h.Id, "action": "notify", "to_status": "notified", "from_status": "verified"})
	mustSave(t, app, ev)
	fresh, _ := app.FindRecordById("hazards", h.Id)
	if fresh.GetString("status") != "notified" || ev.GetString("from_status") != "found" || ev.GetString("city_code") != "330600" {
		t.Errorf("after event: hazard %q, event from %q city %q", fresh.GetString("status"), ev.GetString("from_status"), ev.GetString("city_code"))
	}
}

func TestDefinitionLifecycle(t *testing.T) {
	app, defs := newApp(t)
	org, ent, pol := world(t, app)
	if err := definitions.LoadDir(app, defs, io.Discard); err != nil {
		t.Fatal(err)
	}
	n, _ := app.CountRecords("form_definitions")
	if n != 3 {
		t.Fatalf("reloading unchanged files made %d rows", n)
	}
	def, _ := app.FindFirstRecordByFilter("form_definitions", "key = 'policy' && version = 1")
	def.Set("schema", map[string]any{"type": "object"})
	if code := fieldCode(app.Save(def), "schema"); code != "definition_immutable" {
		t.Fatalf("published schema change: %q", code)
	}
	def, _ = app.FindFirstRecordByFilter("form_definitions", "key = 'policy' && version = 1")
	def.Set("status", "draft")
	if code := fieldCode(app.Save(def), "status"); code != "definition_status_transition" {
		t.Fatalf("published → draft: %q", code)
	}
	if err := app.Delete(def); err == nil {
		t.Fatal("a published definition was deleted")
	}

	// a changed file becomes version 2; retiring version 1 stops new records but not corrections
	os.WriteFile(filepath.Join(defs, "policy.json"), []byte(strings.Replace(policyDef, `"title": "保费"`, `"title": "保险费"`, 1)), 0o644)
	if err := definitions.LoadDir(app, defs, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := app.FindFirstRecordByFilter("form_definitions", "key = 'policy' && version = 2 && status = 'published'"); err != nil {
		t.Fatal("no version 2 after a changed file")
	}
	def, _ = app.FindFirstRecordByFilter("form_definitions", "key = 'policy' && version = 1")
	def.Set("status", "retired")
	mustSave(t, app, def)
	r := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
		"data": map[string]any{"policy_no": "P-3", "premium": 1}})
	if code := fieldCode(app.Save(r), "version"); code != "definition_retired" {
		t.Fatalf("new record on a retired version: %q", code)
	}
	pol.Set("data", map[string]any{"policy_no": "P-1", "premium": 30000})
	pol.Set("correction_reason", "更正")
	mustSave(t, app, pol)

	draft := newRecord(t, app, "form_definitions", map[string]any{"key": "policy", "version": 3, "status": "draft", "schema": map[string]any{"type": "object"}})
	mustSave(t, app, draft)
	r.Set("version", 3)
	if code := fieldCode(app.Save(r), "version"); code != "definition_draft" {
		t.Fatalf("record on a draft: %q", code)
	}
	bad := newRecord(t, app, "form_definitions", map[string]any{"key": "x", "version": 1, "status": "draft", "schema": map[string]any{"type": "text"}})
	if code := fieldCode(app.Save(bad), "schema"); code != "definition_schema_invalid" {
		t.Fatalf("invalid schema: %q", code)
	}
}

func TestAuditChainCoversWritesAndDetectsTampering(t *testing.T) {
	app, _ := newApp(t)
	_, _, pol := world(t, app)
	pol.Set("data", map[string]any{"policy_no": "P-1", "premium": 21000})
	pol.Set("correction_reason", "更正")
	mustSave(t, app, pol)

	rep, err := audit.Verify(app)
	if err != nil {
		t.Fatal(err)
	}
	// the reference data's rows (loaded by migration), 3 definitions, org, enterprise, policy,
	// record version, policy update
	refRows := len(reference.BuiltinRegions()) + len(reference.BuiltinIndustries())
	if len(rep.Problems) != 0 || rep.Entries != refRows+8 {
		t.Fatalf("verify: %d entries, problems %v", rep.Entries, rep.Problems)
	}
	if _, err := app.DB().NewQuery("UPDATE policies SET premium = 1 WHERE id = {:id}").Bind(map[string]any{"id": pol.Id}).Execute(); err != nil {
		t.Fatal(err)
	}
	rep, _ = audit.Verify(app)
	if len(rep.Problems) != 1 || rep.Problems[0].Kind != "record_altered" || !strings.Contains(rep.Problems[0].Detail, pol.Id) {
		t.Fatalf("tampered premium: %v", rep.Problems)
	}
}

func TestPartyColumnsFollowTheirParents(t *testing.T) {
	app, _ := newApp(t)
	org, ent, pol := world(t, app)
	if pol.GetString("enterprise_org") != "" {
		t.Fatalf("enterprise_org of an enterprise without organization: %q", pol.GetString("enterprise_org"))
	}
	provider := newRecord(t, app, "organizations", map[string]any{"name": "服务机构", "kind": "provider"})
	mustSave(t, app, provider)
	own := newRecord(t, app, "organizations", map[string]any{"name": "越城化工", "kind": "enterprise"})
	mustSave(t, app, own)

	p2 := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
		"provider": provider.Id, "data": map[string]any{"policy_no": "P-2", "premium": 1}})
	mustSave(t, app, p2)
	fresh, _ := app.FindRecordById("enterprises", ent.Id)
	if fresh.GetString("providers") != provider.Id {
		t.Fatalf("enterprise providers = %q, want the policy's provider", fresh.GetString("providers"))
	}

	// a client cannot claim to be a provider of the enterprise
	fresh.Set("providers", "forged")
	fresh.Set("organization", own.Id)
	fresh.Set("correction_reason", "关联企业账号")
	mustSave(t, app, fresh)
	if fresh.GetString("providers") != provider.Id {
		t.Errorf("client-set providers kept: %q", fresh.GetString("providers"))
	}
	for _, id := range []string{pol.Id, p2.Id} {
		p, _ := app.FindRecordById("policies", id)
		if p.GetString("enterprise_org") != own.Id {
			t.Errorf("policy %s enterprise_org = %q after the enterprise was linked", id, p.GetString("enterprise_org"))
		}
		if p.GetInt("revision") != 1 {
			t.Errorf("propagation counted as a correction: revision %d", p.GetInt("revision"))
		}
	}
	if rep, _ := audit.Verify(app); len(rep.Problems) != 0 {
		t.Errorf("audit after propagation: %v", rep.Problems)
	}
}
