package records_test

import (
	"encoding/json"
	"testing"

	"azx/backend/internal/records"
)

// A definition with JSON Logic, through the real save path: the server fills the computed
// premium (and its column), refuses a premium typed by hand, a hidden field's value and a
// failed rule, and stores nothing refused.
const logicPolicySchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
  "required": ["policy_no", "base_rate", "headcount", "coefficient", "premium", "prevention_budget"],
  "properties": {
    "policy_no": {"type": "string", "x-column": "policy_no"},
    "industry": {"type": "string"},
    "site_project": {"type": "string", "title": "施工项目", "x-title-en": "Project", "x-visible": {"==": [{"var": "industry"}, "construction"]}},
    "base_rate": {"type": "number"}, "headcount": {"type": "integer"}, "coefficient": {"type": "number"},
    "premium": {"type": "number", "title": "保费", "x-title-en": "Premium", "x-column": "premium",
      "x-compute": {"*": [{"var": "base_rate"}, {"var": "headcount"}, {"var": "coefficient"}]}},
    "prevention_budget": {"type": "number", "x-column": "prevention_budget"}},
  "x-rules": [{"rule": {">=": [{"var": "prevention_budget"}, {"*": [0.2, {"var": "premium"}]}]},
    "message": {"zh-CN": "事故预防费用不得低于保费的 20%", "en": "The prevention budget must be at least 20% of the premium"},
    "path": "prevention_budget"}]}`

func TestLogicThroughSave(t *testing.T) {
	app, _ := newApp(t)
	org, ent, _ := world(t, app)
	var schema map[string]any
	if err := json.Unmarshal([]byte(logicPolicySchema), &schema); err != nil {
		t.Fatal(err)
	}
	def := newRecord(t, app, "form_definitions", map[string]any{"key": "policy", "version": 2, "status": "published", "title": "保单", "schema": schema})
	mustSave(t, app, def)

	policy := func(no string, data map[string]any) error {
		data["policy_no"] = no
		r := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 2, "enterprise": ent.Id, "insurer": org.Id, "data": data})
		return app.Save(r)
	}
	base := func() map[string]any {
		return map[string]any{"base_rate": 120.5, "headcount": 37, "coefficient": 0.9, "prevention_budget": 900}
	}

	if err := policy("L-1", base()); err != nil {
		t.Fatalf("premium left out: %v", err)
	}
	stored, err := app.FindFirstRecordByFilter(records.Policies, "policy_no = 'L-1'")
	if err != nil {
		t.Fatal(err)
	}
	var data map[string]any
	if err := json.Unmarshal([]byte(stored.GetString("data")), &data); err != nil {
		t.Fatal(err)
	}
	if data["premium"] != 4012.65 || stored.GetFloat("premium") != 4012.65 {
		t.Errorf("computed premium: data %v, column %v, want 4012.65", data["premium"], stored.GetFloat("premium"))
	}

	refused := map[string]struct {
		data       map[string]any
		path, code string
	}{
		"L-2": {with(base(), "premium", 5000), "data.premium", "compute_mismatch"},
		"L-3": {with(base(), "prevention_budget", 100), "data.prevention_budget", "rule_failed"},
		"L-4": {with(with(base(), "industry", "transport"), "site_project", "某工程"), "data.site_project", "hidden_field"},
	}
	for no, c := range refused {
		if code := fieldCode(policy(no, c.data), c.path); code != c.code {
			t.Errorf("%s: %s = %q, want %q", no, c.path, code, c.code)
		}
		if _, err := app.FindFirstRecordByFilter(records.Policies, "policy_no = {:no}", map[string]any{"no": no}); err == nil {
			t.Errorf("%s was stored although refused", no)
		}
	}
	if err := policy("L-5", with(with(base(), "industry", "construction"), "site_project", "地铁十号线")); err != nil {
		t.Errorf("visible field: %v", err)
	}
}

func TestMalformedLogicRefusesTheDefinition(t *testing.T) {
	app, _ := newApp(t)
	bad := newRecord(t, app, "form_definitions", map[string]any{"key": "x", "version": 1, "status": "draft", "schema": map[string]any{
		"type":       "object",
		"properties": map[string]any{"a": map[string]any{"type": "number", "x-compute": map[string]any{"times": []any{1, 2}}}},
	}})
	if code := fieldCode(app.Save(bad), "schema"); code != "definition_logic_invalid" {
		t.Fatalf("malformed x-compute: %q", code)
	}
}

func with(m map[string]any, k string, v any) map[string]any {
	m[k] = v
	return m
}
