package coverage

import (
	"math"
	"regexp"
	"strings"
)

// The conditions behind every figure, written once over the fact index: the aggregation
// (tally.go) counts the facts where they hold and the drill-down lists (records.go) list the
// same facts, so a number and its list can never disagree.

// judge is a query in the index's terms; the caller holds the index's read lock.
type judge struct {
	x            *factIndex
	area         area
	windowed     bool
	from, to, at int64
	pct          float64
	counts       []delivered // delivery counts by policy slot, made on first use (delivery.go)
}

// judge resolves q; false when its region or industry is in no row (nothing matches).
func (x *factIndex) judge(q Query) (*judge, bool) {
	a, ok := x.area(q)
	return &judge{x: x, area: a, windowed: q.Windowed(), from: dateMs(q.From), to: dateMs(q.To), at: dateMs(q.At), pct: float64(q.MinSharePct)}, ok
}

// inWindow: the policies a period's figures are about (every policy without a window).
func (j *judge) inWindow(p *polFact) bool { return !j.windowed || p.start <= j.to && p.end >= j.from }

// insured: a policy that covers its enterprise now (no window) or during the window.
func (j *judge) insured(p *polFact) bool {
	if j.windowed {
		return (p.status == polActive || p.status == polExpired) && p.start <= j.to && p.end >= j.from
	}
	return p.status == polActive
}

// fewest gives, per enterprise slot, the fewest insured persons among its insured policies in
// the area (+Inf: none, the enterprise is not insured).
func (j *judge) fewest() []float64 {
	out := make([]float64, len(j.x.ents))
	for i := range out {
		out[i] = math.Inf(1)
	}
	for i := range j.x.pols {
		p := &j.x.pols[i]
		if p.live && j.area.holds(&p.place) && j.insured(p) && p.persons < out[p.ent] {
			out[p.ent] = p.persons
		}
	}
	return out
}

// Enterprise metrics, given the enterprise's fewest insured persons.
func entAll(*entFact, float64) bool           { return true }
func entMust(e *entFact, _ float64) bool      { return e.mustInsure }
func entInsured(_ *entFact, min float64) bool { return !math.IsInf(min, 1) }
func entInsuredMust(e *entFact, min float64) bool {
	return e.mustInsure && entInsured(e, min)
}

// entUninsured: must insure (应保) and not insured.
func entUninsured(e *entFact, min float64) bool { return e.mustInsure && !entInsured(e, min) }

// entNotFully: insured by a policy naming fewer persons than the registry's headcount.
func entNotFully(e *entFact, min float64) bool { return entInsured(e, min) && min < e.headcount }

// Policy metrics (of the policies in the area and window).
func polAll(*judge, *polFact) bool         { return true }
func polDue(_ *judge, p *polFact) bool     { return p.status == polExpired }
func polActiveM(j *judge, p *polFact) bool { return j.insured(p) }

// polLapsed: expired, no policy renews it (renewal_of) and its enterprise has no active policy.
func polLapsed(j *judge, p *polFact) bool {
	return p.status == polExpired && p.renewedBy == 0 && j.x.ents[p.ent].active == 0
}

// polLate: uploaded later than the packs' deadline after the period start, or never (Suzhou's
// bulletin counts policies not in the system).
func polLate(_ *judge, p *polFact) bool { return lateUpload(p) }

// polLowBudget: the policy states prevention services and budgets under the minimum share: the
// packs' floor for it (none: never low), or the share the query asks for.
func polLowBudget(j *judge, p *polFact) bool {
	pct := p.terms.floorPct
	if j.pct >= 0 {
		pct = j.pct
	}
	return p.clause && !math.IsNaN(pct) && lowBudget(p.budget, p.premium, pct)
}
func polNoClause(_ *judge, p *polFact) bool { return !p.clause }

// polBelowMin: cover per person under the minimum of the packs in force on its start.
func polBelowMin(_ *judge, p *polFact) bool {
	return !math.IsNaN(p.terms.minCover) && p.cover < p.terms.minCover
}
func polMismatch(_ *judge, p *polFact) bool { return p.persons != p.headcount }

// Hazard metrics: major hazards not yet verified closed, and those of them past their
// deadline (before "at") without a rectification.
func hazOpen(_ *judge, h *hazFact) bool { return h.major && h.open }
func hazOverdue(j *judge, h *hazFact) bool {
	return h.major && h.pending && h.deadline != noDate && h.deadline < j.at
}

var (
	enterpriseMetrics = map[string]func(*entFact, float64) bool{
		"enterprises": entAll, "must_insure": entMust, "insured": entInsured, "insured_must_insure": entInsuredMust,
		"uninsured": entUninsured, "not_fully_insured": entNotFully,
	}
	policyMetrics = map[string]func(*judge, *polFact) bool{
		"policies": polAll, "active": polActiveM, "renewals_due": polDue, "lapsed": polLapsed, "uploaded_late": polLate,
		"low_prevention_budget": polLowBudget, "no_prevention_clause": polNoClause, "cover_below_minimum": polBelowMin,
		"cover_headcount_mismatch": polMismatch, "behind_plan": polBehindPlan, "no_assistance": polNoAssistance,
	}
	hazardMetrics = map[string]func(*judge, *hazFact) bool{"major_open": hazOpen, "major_overdue": hazOverdue}
)

// categoryCode is the shape of a finding category's code (finding_categories in the packs).
var categoryCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,59}$`)

// roundMetric: conditions on a policy row p of a round's sample ("finding:<category>" for
// the sampled policies with a finding of that category). A round is at most 5,000 policies:
// these stay in SQL.
func (q Query) roundMetric(p, metric string) (string, bool) {
	if q.Round == "" {
		return "", false
	}
	sampled := p + ".id IN (SELECT value FROM json_each({:sample}))"
	switch {
	case metric == "sampled":
		return sampled, true
	case metric == "with_problems":
		return "(" + sampled + " AND EXISTS (SELECT 1 FROM findings f WHERE f.round = {:round} AND f.policy = " + p + ".id))", true
	case strings.HasPrefix(metric, "finding:"):
		// a category the packs name (letters, digits, _): bound as a parameter all the same
		cat := strings.TrimPrefix(metric, "finding:")
		if !categoryCode.MatchString(cat) {
			return "", false
		}
		return "(" + sampled + " AND EXISTS (SELECT 1 FROM findings f WHERE f.round = {:round} AND f.policy = " + p + ".id AND f.category = {:category}))", true
	}
	return "", false
}

// Metric kinds, for the drill-down: which table a metric's rows come from.
func metricKind(q Query, metric string) string {
	if _, ok := enterpriseMetrics[metric]; ok {
		return "enterprise"
	}
	if _, ok := policyMetrics[metric]; ok {
		return "policy"
	}
	if _, ok := hazardMetrics[metric]; ok {
		return "hazard"
	}
	if _, ok := claimMetrics[metric]; ok {
		return "claim"
	}
	if _, ok := q.roundMetric("p", metric); ok {
		return "round"
	}
	return ""
}
