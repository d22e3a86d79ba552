package coverage

import (
	"slices"
	"strings"

	"azx/backend/migrations"
)

// The conditions behind every figure, written once: the aggregation sums them and the
// drill-down lists the rows where they hold, so a number and its list can never disagree.

// insuredPolicy: a policy that covers its enterprise now (no window) or during the window.
func (q Query) insuredPolicy(p string) string {
	if q.Windowed() {
		return "(" + p + ".status IN ('active','expired') AND " + p + ".period_start <= {:to} AND " + p + ".period_end >= {:from})"
	}
	return "(" + p + ".status = 'active')"
}

// inWindow: the policies a period's figures are about (every policy without a window).
func (q Query) inWindow(p string) string {
	if q.Windowed() {
		return "(" + p + ".period_start <= {:to} AND " + p + ".period_end >= {:from})"
	}
	return "1"
}

// hasInsuredPolicy: an uncorrelated IN, which SQLite evaluates once into an index, instead of
// a look-up per enterprise (100,000 of them in a province).
func (q Query) hasInsuredPolicy(e string) string {
	return e + ".id IN (SELECT ip.enterprise FROM policies ip WHERE " + q.scopeWhere("ip") + " AND " + q.insuredPolicy("ip") + ")"
}

// lateUploadSeconds: an upload more than 30 days after the period start is late (Suzhou's
// bulletin counts policies not in the system); no upload at all is late too.
const lateUploadSeconds = "2592000"

// policyMetrics are conditions on a policy row p (all within the window).
func (q Query) policyMetrics(p string) map[string]string {
	return map[string]string{
		"policies":     "1",
		"active":       q.insuredPolicy(p),
		"renewals_due": "(" + p + ".status = 'expired')",
		// correlated look-ups, each a seek in a covering index (renewal_of; status, enterprise),
		// made only for expired policies: cost follows the region's size, not the store's
		"lapsed": "(" + p + ".status = 'expired' AND NOT EXISTS (SELECT 1 FROM policies rn WHERE rn.renewal_of = " + p + ".id)" +
			" AND NOT EXISTS (SELECT 1 FROM policies ac INDEXED BY idx_policies_status_enterprise WHERE ac.status = 'active' AND ac.enterprise = " + p + ".enterprise))",
		"uploaded_late": "(" + p + ".uploaded_at = '' OR " + p + ".uploaded_at IS NULL OR CAST(strftime('%s', " + p + ".uploaded_at) AS INTEGER) - CAST(strftime('%s', " + p + ".period_start) AS INTEGER) > " + lateUploadSeconds + ")",
		// in whole fen, so a budget of exactly the share is never "below" by a rounding error
		"low_prevention_budget":    "(" + p + ".prevention_clause AND ROUND(" + p + ".prevention_budget * 100) * 100 < ROUND(" + p + ".premium * 100) * {:pct})",
		"no_prevention_clause":     "(NOT " + p + ".prevention_clause)",
		"cover_below_minimum":      "(" + p + ".legal_basis = '2025' AND " + p + ".cover_per_person < 400000)",
		"cover_headcount_mismatch": "(" + p + ".insured_persons != " + p + ".headcount)",
	}
}

// enterpriseMetrics are conditions on an enterprise row e.
func (q Query) enterpriseMetrics(e string) map[string]string {
	insured := q.hasInsuredPolicy(e)
	return map[string]string{
		"enterprises":         "1",
		"must_insure":         "(" + e + ".must_insure)",
		"insured":             insured,
		"insured_must_insure": "(" + e + ".must_insure AND " + insured + ")",
		"uninsured":           "(" + e + ".must_insure AND NOT " + insured + ")",
		"not_fully_insured": e + ".id IN (SELECT nf.enterprise FROM policies nf JOIN enterprises ne ON ne.id = nf.enterprise WHERE " +
			q.scopeWhere("nf") + " AND " + q.insuredPolicy("nf") + " AND nf.insured_persons < ne.headcount)",
	}
}

// hazardMetrics are conditions on a hazard row h: major hazards not yet verified closed, and
// those of them past their deadline without a rectification.
func (q Query) hazardMetrics(h string) map[string]string {
	return map[string]string{
		"major_open":    "(" + h + ".is_major AND " + h + ".status != 'verified')",
		"major_overdue": "(" + h + ".is_major AND " + h + ".status IN ('found','notified','reopened','escalated') AND " + h + ".deadline != '' AND " + h + ".deadline < {:at})",
	}
}

// roundMetrics are conditions on a policy row p of a round's sample ("finding:<category>" for
// the sampled policies with a finding of that category).
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
		cat := strings.TrimPrefix(metric, "finding:")
		if !slices.Contains(migrations.FindingCategories, cat) {
			return "", false
		}
		return "(" + sampled + " AND EXISTS (SELECT 1 FROM findings f WHERE f.round = {:round} AND f.policy = " + p + ".id AND f.category = '" + cat + "'))", true
	}
	return "", false
}

// Metric kinds, for the drill-down: which table a metric's rows come from.
func metricKind(q Query, metric string) string {
	if _, ok := q.enterpriseMetrics("e")[metric]; ok {
		return "enterprise"
	}
	if _, ok := q.policyMetrics("p")[metric]; ok {
		return "policy"
	}
	if _, ok := q.hazardMetrics("h")[metric]; ok {
		return "hazard"
	}
	if _, ok := q.roundMetric("p", metric); ok {
		return "round"
	}
	return ""
}
