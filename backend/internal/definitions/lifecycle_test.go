package definitions_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
	_ "azx/backend/migrations"
)

// Small built-ins: an enterprise and a policy form, as `definitions load` publishes them.
const enterpriseDef = `{"key": "enterprise", "title": "生产经营单位", "schema": {
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["uscc", "name", "region_code"],
  "properties": {
    "uscc": {"type": "string", "format": "uscc", "x-column": "uscc"},
    "name": {"type": "string", "x-column": "name"},
    "region_code": {"type": "string", "format": "cn-region", "x-column": "region_code"}}}}`

const policyDef = `{"key": "policy", "title": "保单", "schema": {
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["policy_no", "premium"],
  "additionalProperties": false,
  "properties": {
    "policy_no": {"type": "string", "title": "保单号", "x-column": "policy_no"},
    "premium": {"type": "number", "title": "保费", "exclusiveMinimum": 0, "x-column": "premium"},
    "prevention_budget": {"type": "number", "title": "预防费用", "minimum": 0}}}}`

func newApp(t *testing.T) core.App {
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
	_ = os.MkdirAll(defs, 0o755)
	_ = os.WriteFile(filepath.Join(defs, "enterprise.json"), []byte(enterpriseDef), 0o644)
	_ = os.WriteFile(filepath.Join(defs, "policy.json"), []byte(policyDef), 0o644)
	if err := definitions.LoadDir(app, defs, io.Discard); err != nil {
		t.Fatal(err)
	}
	return app
}

func record(t *testing.T, app core.App, collection string, fields map[string]any) *core.Record {
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

// ammonia is the policy form for ammonia refrigeration: two more fields and a rule.
func ammonia(extraRequired ...string) map[string]any {
	required := append([]any{"policy_no", "premium", "ammonia_charge_kg"}, anys(extraRequired)...)
	return map[string]any{
		"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": required,
		"additionalProperties": false,
		"properties": map[string]any{
			"policy_no":         map[string]any{"type": "string", "x-column": "policy_no"},
			"premium":           map[string]any{"type": "number", "exclusiveMinimum": 0, "x-column": "premium"},
			"prevention_budget": map[string]any{"type": "number", "minimum": 0},
			"ammonia_charge_kg": map[string]any{"type": "number", "title": "液氨储量（千克）", "minimum": 0},
			"ammonia_alarm":     map[string]any{"type": "boolean", "title": "氨气泄漏报警装置"},
		},
		"x-rules": []any{map[string]any{
			"rule":    map[string]any{">=": []any{map[string]any{"var": "prevention_budget"}, map[string]any{"*": []any{map[string]any{"var": "premium"}, 0.25}}}},
			"message": map[string]any{"zh-CN": "预防费用不得低于保费的 25%", "en": "Prevention budget at least 25% of the premium"},
			"path":    "prevention_budget",
		}},
	}
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func TestIndustryVariantLifecycle(t *testing.T) {
	app := newApp(t)

	// a base that does not exist, or the definition itself, is refused
	for _, base := range []string{"no-such-form", "policy-ammonia"} {
		bad := record(t, app, "form_definitions", map[string]any{"key": "policy-ammonia", "version": 1, "status": "draft", "base": base, "schema": ammonia()})
		if code := validation.CodeAt(app.Save(bad), "base"); code != "definition_base_unknown" {
			t.Fatalf("base %q: %q", base, code)
		}
	}
	// an invalid schema and malformed logic are refused, and nothing is stored
	broken := ammonia()
	broken["properties"].(map[string]any)["ammonia_alarm"] = map[string]any{"type": "bool"}
	bad := record(t, app, "form_definitions", map[string]any{"key": "policy-ammonia", "version": 1, "status": "draft", "base": "policy", "schema": broken})
	if code := validation.CodeAt(app.Save(bad), "schema"); code != "definition_schema_invalid" {
		t.Fatalf("invalid schema: %q", code)
	}
	badLogic := ammonia()
	badLogic["x-rules"] = []any{map[string]any{"rule": map[string]any{"===>": []any{1, 2}}, "message": map[string]any{"zh-CN": "甲", "en": "A"}}}
	bad = record(t, app, "form_definitions", map[string]any{"key": "policy-ammonia", "version": 1, "status": "draft", "base": "policy", "schema": badLogic})
	if code := validation.CodeAt(app.Save(bad), "schema"); code != "definition_logic_invalid" {
		t.Fatalf("malformed logic: %q", code)
	}
	if n, _ := app.CountRecords("form_definitions"); n != 2 {
		t.Fatalf("refused definitions were stored: %d rows", n)
	}

	// a draft may change; publishing stamps published_at
	v1 := record(t, app, "form_definitions", map[string]any{"key": "policy-ammonia", "version": 1, "status": "draft", "base": "policy", "industry": "涉氨制冷", "schema": map[string]any{"type": "object", "properties": map[string]any{}}})
	if err := app.Save(v1); err != nil {
		t.Fatal(err)
	}
	v1.Set("schema", ammonia())
	if err := app.Save(v1); err != nil {
		t.Fatalf("a draft could not change: %v", err)
	}
	if !v1.GetDateTime("published_at").IsZero() {
		t.Fatal("a draft has published_at")
	}
	v1.Set("status", "published")
	if err := app.Save(v1); err != nil {
		t.Fatal(err)
	}
	if v1.GetDateTime("published_at").IsZero() {
		t.Fatal("publishing did not stamp published_at")
	}
	// ... and then it never changes
	v1.Set("schema", ammonia("ammonia_alarm"))
	if code := validation.CodeAt(app.Save(v1), "schema"); code != "definition_immutable" {
		t.Fatalf("published schema change: %q", code)
	}
	v1, _ = app.FindFirstRecordByFilter("form_definitions", "key = 'policy-ammonia' && version = 1")

	org := record(t, app, "organizations", map[string]any{"name": "甲保险", "kind": "insurer"})
	if err := app.Save(org); err != nil {
		t.Fatal(err)
	}
	ent := record(t, app, "enterprises", map[string]any{"definition": "enterprise", "version": 1,
		"data": map[string]any{"uscc": "91330602MA2E10001E", "name": "越城冷链", "region_code": "330602"}})
	if err := app.Save(ent); err != nil {
		t.Fatal(err)
	}
	policy := func(version int, data map[string]any) *core.Record {
		return record(t, app, "policies", map[string]any{"definition": "policy-ammonia", "version": version, "enterprise": ent.Id, "insurer": org.Id, "data": data})
	}
	// the variant's fields and rule are enforced
	missing := policy(1, map[string]any{"policy_no": "NH3-1", "premium": 1000, "prevention_budget": 300})
	if code := validation.CodeAt(app.Save(missing), "data.ammonia_charge_kg"); code != "schema_required" {
		t.Fatalf("missing industry field: %q", code)
	}
	cheap := policy(1, map[string]any{"policy_no": "NH3-1", "premium": 1000, "prevention_budget": 100, "ammonia_charge_kg": 5000})
	if code := validation.CodeAt(app.Save(cheap), "data.prevention_budget"); code != "rule_failed" {
		t.Fatalf("rule: %q", code)
	}
	old := policy(1, map[string]any{"policy_no": "NH3-1", "premium": 1000, "prevention_budget": 300, "ammonia_charge_kg": 5000})
	if err := app.Save(old); err != nil {
		t.Fatalf("a valid variant policy: %v", err)
	}
	if old.GetFloat("premium") != 1000 {
		t.Fatal("the variant's x-column did not fill the premium column")
	}

	// version 2 requires the alarm; retiring version 1 keeps its records valid under version 1
	v2 := record(t, app, "form_definitions", map[string]any{"key": "policy-ammonia", "version": 2, "status": "published", "base": "policy", "industry": "涉氨制冷", "schema": ammonia("ammonia_alarm")})
	if err := app.Save(v2); err != nil {
		t.Fatal(err)
	}
	v1.Set("status", "retired")
	if err := app.Save(v1); err != nil {
		t.Fatal(err)
	}
	v1.Set("status", "published")
	if code := validation.CodeAt(app.Save(v1), "status"); code != "definition_status_transition" {
		t.Fatalf("retired → published: %q", code)
	}
	old.Set("data", map[string]any{"policy_no": "NH3-1", "premium": 1200, "prevention_budget": 300, "ammonia_charge_kg": 5000})
	old.Set("correction_reason", "保费更正")
	if err := app.Save(old); err != nil {
		t.Fatalf("a correction under version 1 (no alarm field) was refused: %v", err)
	}
	if code := validation.CodeAt(app.Save(policy(1, map[string]any{"policy_no": "NH3-2", "premium": 1000, "prevention_budget": 300, "ammonia_charge_kg": 1})), "version"); code != "definition_retired" {
		t.Fatalf("new record under a retired version: %q", code)
	}
	if code := validation.CodeAt(app.Save(policy(2, map[string]any{"policy_no": "NH3-2", "premium": 1000, "prevention_budget": 300, "ammonia_charge_kg": 1})), "data.ammonia_alarm"); code != "schema_required" {
		t.Fatalf("version 2 without its new field: %q", code)
	}
	if err := app.Save(policy(2, map[string]any{"policy_no": "NH3-2", "premium": 1000, "prevention_budget": 300, "ammonia_charge_kg": 1, "ammonia_alarm": true})); err != nil {
		t.Fatalf("a valid version 2 policy: %v", err)
	}
	if err := app.Delete(v1); validation.CodeAt(err, "status") != "definition_not_draft" {
		t.Fatalf("deleting a retired definition: %v", err)
	}
}
