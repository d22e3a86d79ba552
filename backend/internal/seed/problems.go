package seed

import (
	"slices"
)

// Problem kinds of the Suzhou inspection bulletin (苏应急〔2024〕132号) that the demo data
// must contain, so regulators' views have something to find.
const (
	ProblemMustInsureUninsured = "must_insure_uninsured"    // 应保未保
	ProblemNotFullyInsured     = "not_fully_insured"        // 未全员投保
	ProblemLapsedRenewal       = "lapsed_renewal"           // 到期未续保
	ProblemUploadedLate        = "uploaded_late"            // 未按时上传
	ProblemCoverBelowMinimum   = "cover_below_minimum"      // 每人限额低于规定标准
	ProblemNoPreventionClause  = "no_prevention_clause"     // 未约定事故预防服务
	ProblemLowPreventionBudget = "low_prevention_budget"    // 预防费用低于规则包的下限
	ProblemRateMisused         = "rate_misused"             // 未规范使用保险方案及费率机制
	ProblemCoverHeadcount      = "cover_headcount_mismatch" // 保额与投保企业人数不匹配
	ProblemIrregularEntry      = "irregular_entry"          // 录入不规范
)

// ProblemKinds lists every kind, in the order of the bulletin.
var ProblemKinds = []string{ProblemMustInsureUninsured, ProblemNotFullyInsured, ProblemLapsedRenewal, ProblemRateMisused,
	ProblemNoPreventionClause, ProblemCoverHeadcount, ProblemIrregularEntry, ProblemUploadedLate,
	ProblemCoverBelowMinimum, ProblemLowPreventionBudget}

// Problems counts each problem kind in the plan, judged on the same facts a regulator sees.
func (p *Plan) Problems() map[string]int {
	out := map[string]int{}
	activeEnt := map[int]bool{}
	renewed := map[int]bool{}
	for _, pol := range p.Policies {
		if pol.Status == "active" {
			activeEnt[pol.Ent] = true
		}
		if pol.RenewalOf >= 0 {
			renewed[pol.RenewalOf] = true
		}
	}
	for ei, e := range p.Enterprises {
		if e.MustInsure && !activeEnt[ei] {
			out[ProblemMustInsureUninsured]++
		}
	}
	for pi, pol := range p.Policies {
		e := p.Enterprises[pol.Ent]
		if pol.Status == "active" && pol.InsuredPersons < e.Headcount {
			out[ProblemNotFullyInsured]++
		}
		if pol.Status == "expired" && !renewed[pi] && !activeEnt[pol.Ent] {
			out[ProblemLapsedRenewal]++
		}
		if p.UploadedLate(pol) {
			out[ProblemUploadedLate]++
		}
		if p.CoverBelowMinimum(pol) {
			out[ProblemCoverBelowMinimum]++
		}
		if !pol.Clause {
			out[ProblemNoPreventionClause]++
		}
		if p.LowBudget(pol) {
			out[ProblemLowPreventionBudget]++
		}
		if p.RateMisused(pol) {
			out[ProblemRateMisused]++
		}
		if pol.InsuredPersons != pol.Headcount {
			out[ProblemCoverHeadcount]++
		}
		if pol.InsuredName != e.Name || pol.InsuredRegion != e.Region {
			out[ProblemIrregularEntry]++
		}
	}
	return out
}

// RateMisused: the premium is not the one the rating gives, a coefficient is not one the packs
// allow, a statutory cover item is missing, or restrictions were added.
func (p *Plan) RateMisused(pol Policy) bool {
	if pol.Premium != pol.PremiumByRate || len(pol.Restrictions) > 0 {
		return true
	}
	t := p.PolicyTerms(pol)
	for i, c := range pol.Coefs {
		if i < len(t.Factors) && !t.Factors[i].Allows(c.H, pol.InsuredPersons) {
			return true
		}
	}
	for _, item := range t.Statutory {
		if !slices.Contains(pol.Scope, item) {
			return true
		}
	}
	return false
}
