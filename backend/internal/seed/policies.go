package seed

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Chances (in percent) of each problem the Suzhou bulletin lists, per policy.
const (
	pctNotFull   = 8  // insured persons below headcount (未全员投保)
	pctLate      = 6  // uploaded long after the period started (未按时上传)
	pctLowCover  = 5  // cover per person under the packs' minimum
	pctNoClause  = 4  // no prevention-service clause
	pctLowBudget = 25 // prevention budget under the packs' floor, where a pack sets one
	// the bulletin found 77, 15 and 11 of 1,448 policies sampled: rate misused about one in twenty,
	// the other two about 1%; doubled here so that small data sets still contain them
	pctRateMisused = 5 // premium not by the rating, coefficient out of range, cover cut, restrictions added
	pctMismatch    = 2 // insured persons differ from the headcount stated on the same policy
	pctIrregular   = 2 // insured name or region entered differently from the registry
)

func (p *Plan) policies(rng *rand.Rand) {
	insurers := p.orgsOfKind("insurer")
	providers := p.orgsOfKind("provider")
	seq := map[string]int{}
	for ei := range p.Enterprises {
		e := &p.Enterprises[ei]
		// scenario: insured every year, new this year, lapsed (no renewal), never insured
		r := rng.IntN(100)
		var scenario string
		switch {
		case e.MustInsure && r < 78, !e.MustInsure && r < 25:
			scenario = "insured"
		case e.MustInsure && r < 88, !e.MustInsure && r < 35:
			scenario = "new"
		case e.MustInsure && r < 94, !e.MustInsure && r < 40:
			scenario = "lapsed"
		default:
			scenario = "never"
		}
		if scenario == "never" {
			continue
		}
		// the current period started within the last year
		start := day(RefDate, -rng.IntN(365))
		insurer := pick(rng, insurers)
		provider := -1
		if rng.IntN(100) < 70 {
			provider = pick(rng, providers)
		}
		years := p.Config.Years
		first, last := years-1, 0 // year offsets back from the current period, oldest first
		switch scenario {
		case "new":
			first = 0
		case "lapsed":
			if years < 2 {
				first = 1 // a lapsed enterprise needs a past policy even in a one-year data set
			}
			last = 1
		}
		prev := -1
		for k := first; k >= last; k-- {
			s := start.AddDate(-k, 0, 0)
			if k < first && rng.IntN(100) < 15 { // some switch insurer on renewal
				insurer = pick(rng, insurers)
			}
			pol := p.newPolicy(rng, ei, insurer, provider, s, seq)
			pol.RenewalOf = prev
			prev = len(p.Policies)
			p.Policies = append(p.Policies, pol)
		}
	}
}

func (p *Plan) orgsOfKind(kind string) []int {
	var out []int
	for i, o := range p.Orgs {
		if o.Kind == kind {
			out = append(out, i)
		}
	}
	return out
}

// coverSteps: covers per person insurers choose, in eighths of the packs' minimum (the minimum
// itself most often, up to two and a half times it); lowCoverSteps: under it (a problem).
var (
	coverSteps    = []int64{8, 8, 10, 10, 12, 16, 20}
	lowCoverSteps = []int64{6, 7}
)

func (p *Plan) newPolicy(rng *rand.Rand, ei, insurer, provider int, start time.Time, seq map[string]int) Policy {
	e := p.Enterprises[ei]
	in, _ := IndustryByCode(e.Industry)
	ins := p.Orgs[insurer]
	seq[ins.Prefix]++
	end := start.AddDate(1, 0, -1)
	pol := Policy{
		ID:  id("pol", len(p.Policies)+1),
		No:  fmt.Sprintf("%s-%s-%d-%06d", ins.Prefix, e.City, start.Year(), seq[ins.Prefix]),
		Ent: ei, Insurer: insurer, Provider: provider, RenewalOf: -1,
		Start: start, End: end,
		Product:   "安全生产责任保险（" + in.Title + "）",
		Frequency: 2 + rng.IntN(5),
	}
	current := !end.Before(RefDate)
	pol.Status = "expired"
	if current {
		pol.Status = "active"
		switch r := rng.IntN(1000); {
		case r < 5:
			pol.Status = "surrendered"
		case r < 8:
			pol.Status = "cancelled"
		}
	}
	t := p.Terms(e.Region, start)
	pol.LegalBasis = t.LegalBasis
	// headcount at the time: the enterprise grew a little since past years
	pol.Headcount = e.Headcount
	if !current {
		pol.Headcount = max(1, int(float64(e.Headcount)*(0.85+0.15*rng.Float64())))
	}
	pol.InsuredPersons = pol.Headcount
	switch r := rng.IntN(100); {
	case current && e.Headcount >= 2 && r < pctNotFull:
		// 不按实际人数投保: the policy states the headcount the enterprise declared, which
		// matches its insured persons; only the registry shows that staff are missing
		pol.InsuredPersons = max(1, min(e.Headcount-1, int(float64(e.Headcount)*(0.5+0.45*rng.Float64()))))
		pol.Headcount = pol.InsuredPersons
	case r >= 100-pctMismatch:
		pol.InsuredPersons = mismatchedPersons(rng, pol.Headcount, current)
	}
	steps := coverSteps
	if rng.IntN(100) < pctLowCover {
		steps = lowCoverSteps
	}
	pol.Cover = t.MinCover * pick(rng, steps) / 8
	pol.Medical = pick(rng, []int64{20000, 50000, 100000}) * 100
	pol.Scope = append([]string(nil), t.Statutory...)
	p.rate(rng, &pol, t, e)
	pol.InsuredName, pol.InsuredRegion = e.Name, e.Region
	if rng.IntN(100) < pctIrregular {
		irregularEntry(rng, &pol, e)
	}
	pol.Clause = rng.IntN(100) >= pctNoClause
	if pol.Clause {
		pol.Budget = budget(rng, t, e.Industry, pol.Premium)
		pol.Items = serviceItems(rng)
	}
	upload := day(start, -10+rng.IntN(21))
	if late := t.UploadDays; late >= 0 && rng.IntN(100) < pctLate && day(start, late+10).Before(RefDate) {
		upload = day(start, late+10+rng.IntN(110))
	}
	if !upload.Before(RefDate) {
		upload = day(RefDate, -1)
	}
	pol.UploadedAt = upload.Add(time.Duration(8*3600+rng.IntN(9*3600)) * time.Second)
	return pol
}

// budget is what an insurer budgets for prevention (fen): the packs' floor (else the share
// insurers use where none applies) up to one point more, within any cap; under the floor on a
// few policies where a floor applies (预防费用不足).
func budget(rng *rand.Rand, t *Terms, industry string, premium int64) int64 {
	share := t.FloorBp
	if share == 0 {
		share = t.DefaultBp
	}
	// hundredths of a point above the share: at most one point
	share += int64(rng.IntN(101))
	if t.FloorBp > 0 && rng.IntN(100) < pctLowBudget {
		share = t.FloorBp * int64(25+rng.IntN(65)) / 100
	}
	if t.CapApplies(industry) {
		share = min(share, t.CapBp)
	}
	b := (premium*share + 9999) / 10000 // rounded up, so a budget at the floor is never under it
	if t.CapApplies(industry) {
		b = min(b, premium*t.CapBp/10000)
	}
	return b
}

func serviceItems(rng *rand.Rand) []string {
	items := []string{"01", "03"}
	for _, t := range []string{"02", "04", "05", "06"} {
		if rng.IntN(3) == 0 {
			items = append(items, t)
		}
	}
	return sortCodes(items)
}

func sortCodes(xs []string) []string {
	out := make([]string, 0, len(xs))
	for _, t := range ServiceTypes {
		for _, x := range xs {
			if x == t {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
