package seed

import (
	"math"
	"reflect"
	"testing"
)

func smallConfig() Config { return Config{Seed: 42, Enterprises: 800, Years: 2, EnterpriseLogins: 5} }

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(withPacks(smallConfig())), Generate(withPacks(smallConfig()))
	if !reflect.DeepEqual(a.Enterprises, b.Enterprises) || !reflect.DeepEqual(a.Policies, b.Policies) ||
		!reflect.DeepEqual(a.Reports, b.Reports) || !reflect.DeepEqual(a.Hazards, b.Hazards) ||
		!reflect.DeepEqual(a.Orgs, b.Orgs) || !reflect.DeepEqual(a.Users, b.Users) {
		t.Fatal("two runs with the same seed produced different data")
	}
	c := Generate(withPacks(Config{Seed: 7, Enterprises: 800, Years: 2, EnterpriseLogins: 5}))
	if c.Enterprises[0].USCC == a.Enterprises[0].USCC {
		t.Fatal("a different seed produced the same first enterprise")
	}
}

func TestEveryUSCCIsValidAndUniqueWithItsRegion(t *testing.T) {
	p := Generate(withPacks(DefaultConfig()))
	seen := map[string]bool{}
	for _, e := range p.Enterprises {
		if !ValidUSCC(e.USCC) {
			t.Fatalf("invalid USCC %s", e.USCC)
		}
		if e.USCC[2:8] != e.Region {
			t.Fatalf("USCC %s does not carry region %s", e.USCC, e.Region)
		}
		if seen[e.USCC] {
			t.Fatalf("duplicate USCC %s", e.USCC)
		}
		seen[e.USCC] = true
	}
	for _, o := range p.Orgs {
		if o.USCC != "" && !ValidUSCC(o.USCC) {
			t.Fatalf("invalid organization USCC %s", o.USCC)
		}
	}
}

func TestUSCCCheckMatchesKnownCodes(t *testing.T) {
	// published codes of real companies
	for _, code := range []string{"91330000142916567N", "91110000100017643K", "91440300708461136T"} {
		if !ValidUSCC(code) {
			t.Errorf("%s should be valid", code)
		}
	}
	if ValidUSCC("91330000142916567M") {
		t.Error("a wrong check character was accepted")
	}
}

func TestEveryProblemKindIsPresent(t *testing.T) {
	for _, cfg := range []Config{DefaultConfig(), smallConfig(), {Seed: 42, Enterprises: 300, Years: 2, EnterpriseLogins: 3}} {
		got := Generate(withPacks(cfg)).Problems()
		least := 1
		if cfg.Enterprises >= 5000 {
			least = 30 // the demo data set shows a regulator a few dozen of each
		}
		for _, kind := range ProblemKinds {
			if got[kind] < least {
				t.Errorf("%d enterprises: %d %s, want at least %d", cfg.Enterprises, got[kind], kind, least)
			}
		}
	}
}

// The rating a regulator reads off a policy gives its premium unless the rate was misused,
// and the problem kinds that look alike stay apart.
func TestRatingGivesThePremiumUnlessMisused(t *testing.T) {
	p := Generate(withPacks(DefaultConfig()))
	clean, fullAndMismatched := 0, 0
	for _, pol := range p.Policies {
		d := p.PolicyData(pol)
		r := d["rating"].(map[string]any)
		c := r["coefficients"].(map[string]any)
		byRate := r["base_rate"].(float64) * float64(pol.InsuredPersons)
		for _, f := range p.PolicyTerms(pol).Factors {
			byRate *= c[f.Key].(float64)
		}
		if math.Abs(byRate-r["premium_by_rate"].(float64)) > 0.0051 {
			t.Fatalf("%s: rating gives %.4f, premium_by_rate %v", pol.No, byRate, r["premium_by_rate"])
		}
		if !p.RateMisused(pol) {
			clean++
			if d["premium"] != r["premium_by_rate"] {
				t.Fatalf("%s: premium %v differs from the rating %v but is not counted as misused", pol.No, d["premium"], r["premium_by_rate"])
			}
		}
		if e := p.Enterprises[pol.Ent]; pol.Status == "active" && pol.InsuredPersons < e.Headcount && pol.InsuredPersons != pol.Headcount {
			fullAndMismatched++
		}
	}
	if clean < len(p.Policies)*9/10 {
		t.Errorf("only %d of %d policies use the rating correctly", clean, len(p.Policies))
	}
	if fullAndMismatched != 0 {
		t.Errorf("%d policies are both not fully insured and mismatched with their own headcount", fullAndMismatched)
	}
}

func TestPremiumByRateRoundsHalfUpToTheCent(t *testing.T) {
	// 416 yuan × 0.9 × 1.0 × 1.1 × 0.85 × 3 persons = 1050.192 yuan
	coefs := func(hs ...int64) []Coef {
		out := make([]Coef, len(hs))
		for i, h := range hs {
			out[i] = Coef{Key: string(rune('a' + i)), H: h}
		}
		return out
	}
	if got := PremiumByRate(41600, coefs(90, 100, 110, 85), 3); got != 105019 {
		t.Fatalf("got %d fen", got)
	}
	// 1 yuan × 0.5^4 × 1 = 0.0625 yuan → 0.06; × 0.5 × 0.5 × 0.5 × 1.0 = 0.125 → 0.13
	if a, b := PremiumByRate(100, coefs(50, 50, 50, 50), 1), PremiumByRate(100, coefs(50, 50, 50, 100), 1); a != 6 || b != 13 {
		t.Fatalf("got %d and %d fen", a, b)
	}
}

func TestHazardsReachEveryStatusAndSomeAreOverdueOrMajor(t *testing.T) {
	p := Generate(withPacks(DefaultConfig()))
	statuses := map[string]int{}
	overdue, major := 0, 0
	for _, h := range p.Hazards {
		statuses[h.Status]++
		if h.Major {
			major++
		}
		if h.Deadline.Before(RefDate) && h.Status != "verified" {
			overdue++
		}
		prev := h.FoundAt
		from := "found"
		for _, ev := range h.Events {
			if ev.At.Before(prev) || !ev.At.Before(RefDate) {
				t.Fatalf("hazard %s: event %s at %v out of order", h.No, ev.Action, ev.At)
			}
			if ev.From != from {
				t.Fatalf("hazard %s: event %s from %s, expected %s", h.No, ev.Action, ev.From, from)
			}
			prev, from = ev.At, ev.To
		}
	}
	for _, s := range []string{"found", "notified", "rectified", "verified", "reopened", "escalated"} {
		if statuses[s] == 0 {
			t.Errorf("no hazard in status %s (%v)", s, statuses)
		}
	}
	if overdue == 0 || major == 0 {
		t.Errorf("overdue %d, major %d", overdue, major)
	}
}

func TestLoginsCoverEveryRole(t *testing.T) {
	p := Generate(withPacks(DefaultConfig()))
	emails := map[string]User{}
	for _, u := range p.Users {
		emails[u.Email] = u
	}
	for _, want := range []string{"admin@azx.demo", "regulator-zj@azx.demo", "regulator-330100@azx.demo", "regulator-331100@azx.demo",
		"insurer-1@azx.demo", "insurer-10@azx.demo", "provider-6@azx.demo", "enterprise-1@azx.demo", "enterprise-5@azx.demo"} {
		if _, ok := emails[want]; !ok {
			t.Errorf("missing login %s", want)
		}
	}
	if u := emails["regulator-zj@azx.demo"]; u.ScopeLevel != "province" || u.RegionScope != "330000" {
		t.Errorf("province regulator scope %+v", u)
	}
	if u := emails["regulator-330200@azx.demo"]; u.ScopeLevel != "city" || u.RegionScope != "330200" {
		t.Errorf("city regulator scope %+v", u)
	}
}
