package seed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"azx/backend/internal/validation"
)

func loadSchema(t *testing.T, file string) *validation.Schema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "schemas", "definitions", file))
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Schema json.RawMessage }
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	s, err := validation.Compile(f.Schema)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return s
}

func mustValidate(t *testing.T, s *validation.Schema, what string, d map[string]any) {
	t.Helper()
	raw, _ := json.Marshal(d)
	if errs := s.Validate(raw, "data"); errs != nil {
		t.Fatalf("%s does not validate: %s\n%s", what, validation.Describe(errs, "en"), raw)
	}
}

// Every generated record must pass its built-in definition, or the seed would be refused.
func TestGeneratedRecordsMatchTheDefinitions(t *testing.T) {
	p := Generate(withPacks(Config{Seed: 42, Enterprises: 1500, Years: 2, EnterpriseLogins: 5}))
	ent, pol := loadSchema(t, "enterprise.json"), loadSchema(t, "policy.json")
	rep, haz := loadSchema(t, "service-report.json"), loadSchema(t, "hazard.json")
	for _, e := range p.Enterprises {
		if !validation.ValidUSCC(e.USCC) {
			t.Fatalf("the server's check rejects %s", e.USCC)
		}
		mustValidate(t, ent, e.USCC, EnterpriseData(e))
	}
	for _, x := range p.Policies {
		mustValidate(t, pol, x.No, p.PolicyData(x))
	}
	for _, x := range p.Reports {
		mustValidate(t, rep, x.No, p.ReportData(x))
	}
	for _, x := range p.Hazards {
		mustValidate(t, haz, x.No, HazardData(x))
	}
}
