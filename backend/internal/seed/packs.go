package seed

import (
	"math"
	"time"

	"azx/backend/internal/packs"
)

// The demo data follows the rule packs (Config.Packs, the packs a fresh data folder holds): a
// policy's legal basis, base rate, coefficients, statutory cover and cover minimum are those
// of the packs in force for its enterprise's region on its start, so the problems the seed
// writes on purpose are problems by the same rules the server and the figures apply, and no
// rate or threshold is written here.

// Terms are what the packs in force say for one region and day, in the plan's units.
type Terms struct {
	LegalBasis  string
	MinCover    int64 // fen; 0: none
	FloorBp     int64 // prevention budget floor, basis points of premium; 0: none
	CapBp       int64 // prevention budget cap for CapIndustries, basis points; 0: none
	DefaultBp   int64 // the share an insurer budgets where no floor applies, basis points
	UploadDays  int   // upload deadline after the period start; -1: none
	BasisCover  int64 // yuan: the cover the base rates are quoted at
	Rates       map[string]int64
	Factors     []Factor
	Statutory   []string
	capIndustry map[string]bool
	mustInsure  map[string]bool
}

// MustInsure says whether the packs' must_insure_industries list the industry.
func (t *Terms) MustInsure(industry string) bool { return t.mustInsure[industry] }

// Factor is a floating coefficient of the packs: options (hundredths, by code) or bands.
type Factor struct {
	Key            string
	FromEnterprise string
	Options        []Option
	Bands          []Band
}

// Option is one allowed value of a factor.
type Option struct {
	Code string
	H    int64 // hundredths: 0.95 → 95
}

// Band is a headcount band: up to Max persons (0: no bound) the coefficient is H.
type Band struct {
	Max int
	H   int64
}

// CapApplies says whether the cap binds an industry.
func (t *Terms) CapApplies(industry string) bool { return t.CapBp > 0 && t.capIndustry[industry] }

// BandOf is the band coefficient (hundredths) of a number of insured persons.
func (f Factor) BandOf(persons int) int64 {
	for _, b := range f.Bands {
		if b.Max == 0 || persons <= b.Max {
			return b.H
		}
	}
	return 100
}

// Allows says whether h is one of the factor's values for persons insured (its band, or an option).
func (f Factor) Allows(h int64, persons int) bool {
	if len(f.Bands) > 0 {
		return h == f.BandOf(persons)
	}
	for _, o := range f.Options {
		if o.H == h {
			return true
		}
	}
	return false
}

func hundredths(v any) int64 {
	f, _ := v.(float64)
	return int64(math.Round(f * 100))
}

func bp(v any) int64 {
	f, ok := v.(float64)
	if !ok {
		return 0
	}
	return int64(math.Round(f * 10000))
}

func termsOf(e *packs.Effective) *Terms {
	val := func(name string) any { return e.Tables[name].Value }
	t := &Terms{UploadDays: -1, Rates: map[string]int64{}, capIndustry: map[string]bool{}, mustInsure: map[string]bool{}}
	for _, ind := range asList(val("must_insure_industries")) {
		if s, ok := ind.(string); ok {
			t.mustInsure[s] = true
		}
	}
	t.LegalBasis, _ = val("legal_basis").(string)
	if v, ok := val("min_cover_per_person").(float64); ok {
		t.MinCover = int64(math.Round(v * 100))
	}
	t.FloorBp, t.CapBp, t.DefaultBp = bp(val("prevention_budget_floor")), bp(val("prevention_budget_cap")), bp(val("prevention_budget_default_share"))
	for _, ind := range asList(val("prevention_budget_cap_industries")) {
		if s, ok := ind.(string); ok {
			t.capIndustry[s] = true
		}
	}
	if d, ok := val("upload_deadline").(map[string]any); ok {
		if days, ok := d["days"].(float64); ok {
			t.UploadDays = int(days)
		}
	}
	if br, ok := val("base_rates").(map[string]any); ok {
		b, _ := br["basis_cover"].(float64)
		t.BasisCover = int64(b)
		rates, _ := br["rates"].(map[string]any)
		for k, r := range rates {
			if f, ok := r.(float64); ok {
				t.Rates[k] = int64(f)
			}
		}
	}
	for _, item := range asList(val("rating_factors")) {
		m, _ := item.(map[string]any)
		f := Factor{}
		f.Key, _ = m["key"].(string)
		f.FromEnterprise, _ = m["from_enterprise"].(string)
		for _, o := range asList(m["options"]) {
			om, _ := o.(map[string]any)
			code, _ := om["code"].(string)
			f.Options = append(f.Options, Option{Code: code, H: hundredths(om["value"])})
		}
		for _, b := range asList(m["bands"]) {
			bm, _ := b.(map[string]any)
			maxPersons, _ := bm["max"].(float64)
			f.Bands = append(f.Bands, Band{Max: int(maxPersons), H: hundredths(bm["value"])})
		}
		t.Factors = append(t.Factors, f)
	}
	for _, item := range asList(val("statutory_cover")) {
		m, _ := item.(map[string]any)
		if c, ok := m["code"].(string); ok {
			t.Statutory = append(t.Statutory, c)
		}
	}
	return t
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// termsOfPacks resolves Terms from a snapshot, once per region and run of days.
type termsOfPacks struct {
	snap *packs.Snapshot
	byEf map[*packs.Effective]*Terms
}

func newTerms(snap *packs.Snapshot) *termsOfPacks {
	return &termsOfPacks{snap: snap, byEf: map[*packs.Effective]*Terms{}}
}

func (c *termsOfPacks) at(region string, day time.Time) *Terms {
	e := c.snap.Effective(region, day.In(shanghai).Format("2006-01-02"))
	t, ok := c.byEf[e]
	if !ok {
		t = termsOf(e)
		c.byEf[e] = t
	}
	return t
}

// Terms are the packs' terms for a region on a day.
func (p *Plan) Terms(region string, day time.Time) *Terms {
	if p.terms == nil {
		p.terms = newTerms(p.Config.Packs)
	}
	return p.terms.at(region, day)
}

// PolicyTerms are the terms a policy was made under (its enterprise's region, its start).
func (p *Plan) PolicyTerms(pol Policy) *Terms {
	return p.Terms(p.Enterprises[pol.Ent].Region, pol.Start)
}

// CoverBelowMinimum: cover per person under the packs' minimum (每人限额低于规定标准).
func (p *Plan) CoverBelowMinimum(pol Policy) bool {
	t := p.PolicyTerms(pol)
	return t.MinCover > 0 && pol.Cover < t.MinCover
}

// LowBudget: a policy stating prevention services budgets under the packs' floor.
func (p *Plan) LowBudget(pol Policy) bool {
	t := p.PolicyTerms(pol)
	return pol.Clause && t.FloorBp > 0 && pol.Budget*10000 < pol.Premium*t.FloorBp
}

// UploadedLate: uploaded after the packs' deadline (whole seconds after the period start, as a
// regulator reads the stored dates).
func (p *Plan) UploadedLate(pol Policy) bool {
	t := p.PolicyTerms(pol)
	start := time.Date(pol.Start.In(shanghai).Year(), pol.Start.In(shanghai).Month(), pol.Start.In(shanghai).Day(), 0, 0, 0, 0, time.UTC)
	return t.UploadDays >= 0 && pol.UploadedAt.Unix()-start.Unix() > int64(t.UploadDays)*86400
}
