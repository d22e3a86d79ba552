package coverage

import "math"

// tally is aggregate over the fact index: the figures of metrics.go, each condition written
// as the SQL of the drill-down list reads it (TestIndexAgreesWithLists compares them).
// The caller holds the read lock.

// area is a query's scope in interned codes.
type area struct {
	level                            string
	province, city, region, industry sym
	anyIndustry                      bool
}

// area resolves the query's codes; false when one is in no row (nothing can match).
func (x *factIndex) area(q Query) (area, bool) {
	a := area{level: Level(q.Region), anyIndustry: q.Industry == ""}
	var ok [4]bool
	a.province, ok[0] = x.codes.lookup(q.Region[:2] + "0000")
	a.city, ok[1] = x.codes.lookup(q.Region[:4] + "00")
	a.region, ok[2] = x.codes.lookup(q.Region)
	a.industry, ok[3] = x.codes.lookup(q.Industry)
	switch {
	case !ok[0], a.level != "province" && !ok[1], a.level == "county" && !ok[2], !a.anyIndustry && !ok[3]:
		return a, false
	}
	return a, true
}

// holds is scopeWhere: province always, then city, then county; the industry if one is asked.
func (a *area) holds(p *place) bool {
	if p.province != a.province {
		return false
	}
	switch a.level {
	case "city":
		if p.city != a.city {
			return false
		}
	case "county":
		if p.city != a.city || p.region != a.region {
			return false
		}
	}
	return a.anyIndustry || p.industry == a.industry
}

// sqlRound is SQLite's ROUND(x) (half away from zero through a cast, as its C code does).
func sqlRound(r float64) float64 {
	switch {
	case r >= 0 && r < math.MaxInt64-1:
		return float64(int64(r + 0.5))
	case r < 0 && -r < math.MaxInt64-1:
		return -float64(int64(-r + 0.5))
	}
	return r
}

// lowBudget: a prevention budget under pct % of the premium, compared in whole fen (as the
// list's SQL does), so a budget of exactly the share is never "below" by a rounding error.
func lowBudget(budget, premium, pct float64) bool {
	return sqlRound(budget*100)*100 < sqlRound(premium*100)*pct
}

// floorSec is strftime('%s', ...) of a stored time in milliseconds.
func floorSec(ms int64) int64 {
	if ms < 0 && ms%1000 != 0 {
		return ms/1000 - 1
	}
	return ms / 1000
}

// lateUpload: not uploaded, or uploaded more than 30 days after the period start.
func lateUpload(p *polFact) bool {
	if p.uploaded == noDate {
		return true
	}
	if p.uploaded == badDate || p.start == noDate || p.start == badDate {
		return false // SQLite's strftime gives NULL: not counted
	}
	return floorSec(p.uploaded)-floorSec(p.start) > 2592000
}

func (x *factIndex) tally(q Query, group string) map[string]*Figures {
	out := map[string]*Figures{}
	a, ok := x.area(q)
	if !ok {
		return out
	}
	byCode := make([]*Figures, len(x.codes.strs))
	get := func(k sym) *Figures {
		f := byCode[k]
		if f == nil {
			f = &Figures{Code: x.codes.strs[k]}
			byCode[k] = f
		}
		return f
	}
	key := func(p *place, insurer sym) sym {
		switch group {
		case byRegion:
			if a.level == "province" {
				return p.city
			}
			return p.region
		case byIndustry:
			return p.industry
		case byInsurer:
			return insurer
		}
		return 0
	}

	windowed := q.Windowed()
	from, to, at := dateMs(q.From), dateMs(q.To), dateMs(q.At)
	pct := float64(q.MinSharePct)
	inWindow := func(p *polFact) bool { return !windowed || p.start <= to && p.end >= from }
	insured := func(p *polFact) bool {
		if windowed {
			return (p.status == polActive || p.status == polExpired) && p.start <= to && p.end >= from
		}
		return p.status == polActive
	}

	if group != byInsurer {
		// the fewest insured persons among each enterprise's insured policies in scope
		fewest := make([]float64, len(x.ents))
		for i := range fewest {
			fewest[i] = math.Inf(1)
		}
		for i := range x.pols {
			p := &x.pols[i]
			if p.live && a.holds(&p.place) && insured(p) && p.persons < fewest[p.ent] {
				fewest[p.ent] = p.persons
			}
		}
		for i := range x.ents {
			e := &x.ents[i]
			if !e.live || !a.holds(&e.place) {
				continue
			}
			f := get(key(&e.place, 0))
			f.Enterprises++
			if e.mustInsure {
				f.MustInsure++
			}
			if min := fewest[i]; !math.IsInf(min, 1) {
				f.Insured++
				if e.mustInsure {
					f.InsuredMustInsure++
				}
				if min < e.headcount {
					f.NotFullyInsured++
				}
			}
		}
	}

	// enterprises insured by the policies of a group, each counted once per group: the first
	// group an enterprise shows in is kept in seen, any other in more
	seen := make([]sym, len(x.ents))
	more := map[[2]int32]bool{}
	for i := range x.pols {
		p := &x.pols[i]
		if !p.live || !a.holds(&p.place) || !inWindow(p) {
			continue
		}
		k := key(&p.place, p.insurer)
		f := get(k)
		f.Policies++
		if insured(p) {
			f.ActivePolicies++
			f.Workers += int(p.persons)
			if s := seen[p.ent]; s == 0 {
				seen[p.ent] = k + 1
				f.InsuredByPolicies++
			} else if s != k+1 && !more[[2]int32{p.ent, int32(k)}] {
				more[[2]int32{p.ent, int32(k)}] = true
				f.InsuredByPolicies++
			}
		}
		f.Premium += p.premium
		f.PreventionBudget += p.budget
		if p.status == polExpired {
			f.RenewalsDue++
			// lapsed: nothing renews it and its enterprise has no active policy (anywhere)
			if p.renewedBy == 0 && x.ents[p.ent].active == 0 {
				f.Lapsed++
			}
		}
		if lateUpload(p) {
			f.UploadedLate++
		}
		if p.clause && lowBudget(p.budget, p.premium, pct) {
			f.LowPreventionBudget++
		}
		if !p.clause {
			f.NoPreventionClause++
		}
		if p.basis2025 && p.cover < 400000 {
			f.CoverBelowMinimum++
		}
		if p.persons != p.headcount {
			f.CoverHeadcountMismatch++
		}
	}

	// prevention spending actually booked: delivered or confirmed services (in the window)
	for i := range x.reps {
		r := &x.reps[i]
		if r.live && r.booked && a.holds(&r.place) && (!windowed || r.date >= from && r.date <= to) {
			get(key(&r.place, r.insurer)).PreventionSpent += r.cost
		}
	}

	for i := range x.hazs {
		h := &x.hazs[i]
		if !h.live || !h.major || !a.holds(&h.place) {
			continue
		}
		f := get(key(&h.place, h.insurer))
		if h.open {
			f.MajorOpen++
		}
		if h.pending && h.deadline != noDate && h.deadline < at {
			f.MajorOverdue++
		}
	}

	for _, f := range byCode {
		if f != nil {
			f.finish()
			out[f.Code] = f
		}
	}
	return out
}
