package coverage

import (
	"sort"

	"github.com/pocketbase/pocketbase/core"
)

// Figures are one region's (or industry's, or insurer's) numbers.
type Figures struct {
	Code string `json:"code"`
	Name string `json:"name"`

	Enterprises       int      `json:"enterprises"`
	MustInsure        int      `json:"mustInsure"`
	Insured           int      `json:"insured"`
	InsuredMustInsure int      `json:"insuredMustInsure"`
	Uninsured         int      `json:"uninsured"`
	CoverageRate      *float64 `json:"coverageRate"`
	NotFullyInsured   int      `json:"notFullyInsured"`

	Policies               int      `json:"policies"`
	ActivePolicies         int      `json:"activePolicies"`
	InsuredByPolicies      int      `json:"insuredByPolicies"`
	Workers                int      `json:"workers"`
	Premium                float64  `json:"premium"`
	PreventionBudget       float64  `json:"preventionBudget"`
	PreventionSpent        float64  `json:"preventionSpent"`
	PreventionShare        *float64 `json:"preventionShare"`
	RenewalsDue            int      `json:"renewalsDue"`
	Renewed                int      `json:"renewed"`
	Lapsed                 int      `json:"lapsed"`
	RenewalRate            *float64 `json:"renewalRate"`
	UploadedLate           int      `json:"uploadedLate"`
	LowPreventionBudget    int      `json:"lowPreventionBudget"`
	NoPreventionClause     int      `json:"noPreventionClause"`
	CoverBelowMinimum      int      `json:"coverBelowMinimum"`
	CoverHeadcountMismatch int      `json:"coverHeadcountMismatch"`

	// delivery against the service plan of the policies in force (delivery.go): the visits their
	// grades plan over their periods, those due by "at", those delivered, the policies behind
	// and those without their assistance visit (帮扶)
	VisitsPlanned   int `json:"visitsPlanned"`
	VisitsDue       int `json:"visitsDue"`
	VisitsDelivered int `json:"visitsDelivered"`
	BehindPlan      int `json:"behindPlan"`
	NoAssistance    int `json:"noAssistance"`

	MajorOpen    int `json:"majorOpen"`
	MajorOverdue int `json:"majorOverdue"`

	// claims and what they cost against the premium earned and the cover exposed (losses.go)
	Claims         int      `json:"claims"`
	ClaimsPaidN    int      `json:"claimsPaidCount"`
	ClaimsPaid     float64  `json:"claimsPaid"`
	EarnedPremium  float64  `json:"earnedPremium"`
	EarnedExposure float64  `json:"earnedExposure"`
	LossRatio      *float64 `json:"lossRatio"`
	PureLossRate   *float64 `json:"pureLossRate"`

	// an inspection round's sample (reports only)
	Sampled      int `json:"sampled"`
	WithProblems int `json:"withProblems"`
}

func ratio(n, d float64) *float64 {
	if d == 0 {
		return nil
	}
	r := n / d
	return &r
}

// finish derives the rates and differences once the counts are in.
func (f *Figures) finish() {
	f.Uninsured = f.MustInsure - f.InsuredMustInsure
	f.CoverageRate = ratio(float64(f.InsuredMustInsure), float64(f.MustInsure))
	f.Renewed = f.RenewalsDue - f.Lapsed
	f.RenewalRate = ratio(float64(f.Renewed), float64(f.RenewalsDue))
	f.PreventionShare = ratio(f.PreventionSpent, f.Premium)
	f.LossRatio = ratio(f.ClaimsPaid, f.EarnedPremium)
	f.PureLossRate = ratio(f.ClaimsPaid, f.EarnedExposure)
}

// Grouping: by region (a column of the child level), by industry, by insurer, or one total.
const (
	byRegion   = "region"
	byIndustry = "industry"
	byInsurer  = "insurer"
	byTotal    = "total"
)

// aggregate computes figures grouped as asked, keyed by the group value, in one pass over the
// fact index (tally.go). The drill-down lists select the same rows in SQL (metrics.go);
// TestIndexAgreesWithLists holds the two to the same counts.
func aggregate(app core.App, q Query, group string) (map[string]*Figures, error) {
	x := factsOf(app)
	var out map[string]*Figures
	err := x.read(app, func() error {
		out = x.tally(q, group)
		return nil
	})
	return out, err
}

// sorted returns the figures ordered by code.
func sorted(m map[string]*Figures) []*Figures {
	out := make([]*Figures, 0, len(m))
	for _, f := range m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
