package coverage

import "math"

// tally is aggregate over the fact index: it counts the conditions of metrics.go, which the
// drill-down lists select with. The caller holds the read lock.

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

// lateUpload: not uploaded, or uploaded after the packs' deadline (seconds after the period start).
func lateUpload(p *polFact) bool {
	if p.uploaded == noDate {
		return true
	}
	if p.uploaded == badDate || p.start == noDate || p.start == badDate || p.terms.uploadSec < 0 {
		return false // SQLite's strftime gives NULL: not counted; no deadline: never late
	}
	return floorSec(p.uploaded)-floorSec(p.start) > p.terms.uploadSec
}

func (x *factIndex) tally(q Query, group string) map[string]*Figures {
	out := map[string]*Figures{}
	j, ok := x.judge(q)
	if !ok {
		return out
	}
	a := &j.area
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

	if group != byInsurer {
		fewest := j.fewest()
		for i := range x.ents {
			e := &x.ents[i]
			if !e.live || !a.holds(&e.place) {
				continue
			}
			f := get(key(&e.place, 0))
			min := fewest[i]
			f.Enterprises++
			if entMust(e, min) {
				f.MustInsure++
			}
			if entInsured(e, min) {
				f.Insured++
			}
			if entInsuredMust(e, min) {
				f.InsuredMustInsure++
			}
			if entNotFully(e, min) {
				f.NotFullyInsured++
			}
		}
	}

	// enterprises insured by the policies of a group, each counted once per group: the first
	// group an enterprise shows in is kept in seen, any other in more
	seen := make([]sym, len(x.ents))
	more := map[[2]int32]bool{}
	for i := range x.pols {
		p := &x.pols[i]
		if !p.live || !a.holds(&p.place) || !j.inWindow(p) {
			continue
		}
		k := key(&p.place, p.insurer)
		f := get(k)
		f.Policies++
		if polActiveM(j, p) {
			if planned := j.planned(p); planned > 0 {
				f.VisitsPlanned += planned
				f.VisitsDue += j.visitsDue(p)
				f.VisitsDelivered += int(j.delivery()[p.slot].visits)
			}
			if polBehindPlan(j, p) {
				f.BehindPlan++
			}
			if polNoAssistance(j, p) {
				f.NoAssistance++
			}
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
		if share := j.earnedShare(p); share > 0 {
			f.EarnedPremium += p.premium * share
			f.EarnedExposure += p.cover * p.persons * share
		}
		f.PreventionBudget += p.budget
		if polDue(j, p) {
			f.RenewalsDue++
		}
		if polLapsed(j, p) {
			f.Lapsed++
		}
		if polLate(j, p) {
			f.UploadedLate++
		}
		if polLowBudget(j, p) {
			f.LowPreventionBudget++
		}
		if polNoClause(j, p) {
			f.NoPreventionClause++
		}
		if polBelowMin(j, p) {
			f.CoverBelowMinimum++
		}
		if polMismatch(j, p) {
			f.CoverHeadcountMismatch++
		}
	}

	// prevention spending actually booked: delivered or confirmed services (in the window)
	for i := range x.reps {
		r := &x.reps[i]
		if r.live && r.booked && a.holds(&r.place) && (!j.windowed || r.date >= j.from && r.date <= j.to) {
			get(key(&r.place, r.insurer)).PreventionSpent += r.cost
		}
	}

	// a region with major hazards only still shows, as SQL's grouping of them did
	for i := range x.hazs {
		h := &x.hazs[i]
		if !h.live || !h.major || !a.holds(&h.place) {
			continue
		}
		f := get(key(&h.place, h.insurer))
		if hazOpen(j, h) {
			f.MajorOpen++
		}
		if hazOverdue(j, h) {
			f.MajorOverdue++
		}
	}

	// claims whose accident falls in the window, with what they were paid
	for i := range x.claims {
		c := &x.claims[i]
		if !c.live || !a.holds(&c.place) || !j.claimIn(c) {
			continue
		}
		f := get(key(&c.place, c.insurer))
		f.Claims++
		if claimPaid(j, c) {
			f.ClaimsPaidN++
			f.ClaimsPaid += c.paid
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
