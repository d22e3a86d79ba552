package seed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"azx/backend/internal/numbering"
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
	claim := loadSchema(t, "claim.json")
	for _, x := range p.Claims {
		mustValidate(t, claim, x.No, p.ClaimData(x))
	}
}

// The seed numbers reports and hazards as the server would (internal/numbering): with the
// prefixes of the definitions' x-number hints, per county and year.
func TestSeedNumbersFollowTheDefinitions(t *testing.T) {
	for file, want := range map[string]string{"service-report.json": ReportPrefix, "hazard.json": HazardPrefix} {
		numbers := validation.Numbers(loadSchema(t, file).Doc())
		if len(numbers) != 1 || numbers[0].Prefix != want {
			t.Fatalf("%s numbers %+v; the seed uses %s", file, numbers, want)
		}
	}
	p := Generate(withPacks(Config{Seed: 42, Enterprises: 300, Years: 2, EnterpriseLogins: 1}))
	seen := map[string]bool{}
	for _, h := range p.Hazards {
		prefix, region, year, _, ok := numbering.Parse(h.No)
		if !ok || prefix != HazardPrefix || region != p.Enterprises[h.Ent].Region || year != h.FoundAt.Year() || seen[h.No] {
			t.Fatalf("hazard number %s (county %s, found %v, seen before %v)", h.No, p.Enterprises[h.Ent].Region, h.FoundAt, seen[h.No])
		}
		seen[h.No] = true
	}
}
