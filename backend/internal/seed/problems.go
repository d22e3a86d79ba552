package seed

import (
	"slices"
	"time"
)

// Problem kinds of the Suzhou inspection bulletin (苏应急〔2024〕132号) that the demo data
// must contain, so regulators' views have something to find.
const (
	ProblemMustInsureUninsured = "must_insure_uninsured"    // 应保未保
	ProblemNotFullyInsured     = "not_fully_insured"        // 未全员投保
	ProblemLapsedRenewal       = "lapsed_renewal"           // 到期未续保
	ProblemUploadedLate        = "uploaded_late"            // 未按时上传
	ProblemCoverBelowMinimum   = "cover_below_minimum"      // 每人限额低于 2025 年 40 万元标准
	ProblemNoPreventionClause  = "no_prevention_clause"     // 未约定事故预防服务
	ProblemLowPreventionBudget = "low_prevention_budget"    // 预防费用不足保费 20%
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
		if pol.UploadedAt.Sub(pol.Start) > lateAfterDays*24*time.Hour {
			out[ProblemUploadedLate]++
		}
		if pol.LegalBasis == "2025" && pol.Cover < 400000*100 {
			out[ProblemCoverBelowMinimum]++
		}
		if !pol.Clause {
			out[ProblemNoPreventionClause]++
		}
		if pol.Clause && pol.Budget*5 < pol.Premium {
			out[ProblemLowPreventionBudget]++
		}
		if RateMisused(pol) {
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

// RateMisused: the premium is not the one the rating gives, a coefficient is outside the
// mechanism's 0.7–1.3, a statutory cover item is missing, or restrictions were added.
func RateMisused(pol Policy) bool {
	if pol.Premium != pol.PremiumByRate || len(pol.Restrictions) > 0 {
		return true
	}
	for _, c := range pol.Coefs {
		if c < coefMin || c > coefMax {
			return true
		}
	}
	for _, item := range StatutoryScope {
		if !slices.Contains(pol.Scope, item) {
			return true
		}
	}
	return false
}
