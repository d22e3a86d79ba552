package coverage

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/reference"
)

// RegionRef names a region.
type RegionRef struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Level string `json:"level"`
}

// Coverage is the answer of /api/azx/coverage/figures: a region's total and its children.
type Coverage struct {
	Region      RegionRef   `json:"region"`
	ChildLevel  string      `json:"childLevel"`
	Industry    string      `json:"industry"`
	From        string      `json:"from"`
	To          string      `json:"to"`
	At          string      `json:"at"`
	MinSharePct *int        `json:"minSharePct"` // the share asked for; null: each policy's packs
	Total       *Figures    `json:"total"`
	Rows        []*Figures  `json:"rows"`
	Path        []RegionRef `json:"path"` // from the caller's scope down to the region
}

// dayOf turns a stored UTC time back into the Beijing date it was given as ("" stays "").
func dayOf(stored string) string {
	t, err := time.Parse(pbTime, stored)
	if err != nil {
		return ""
	}
	return t.In(china).Format("2006-01-02")
}

func ref(names *reference.Table, code string) RegionRef {
	return RegionRef{Code: code, Name: names.RegionName(code), Level: Level(code)}
}

// path lists the regions from scope down to region (both included).
func path(names *reference.Table, scope, region string) []RegionRef {
	var out []RegionRef
	for _, c := range []string{region[:2] + "0000", region[:4] + "00", region} {
		if within(c, scope) && (len(out) == 0 || out[len(out)-1].Code != c) {
			out = append(out, ref(names, c))
		}
	}
	return out
}

// sumFigures adds the counts of rows (regions partition the enterprises, so distinct counts add up).
func sumFigures(names *reference.Table, code string, rows []*Figures) *Figures {
	t := &Figures{Code: code, Name: names.RegionName(code)}
	for _, f := range rows {
		t.Enterprises += f.Enterprises
		t.MustInsure += f.MustInsure
		t.Insured += f.Insured
		t.InsuredMustInsure += f.InsuredMustInsure
		t.NotFullyInsured += f.NotFullyInsured
		t.Policies += f.Policies
		t.ActivePolicies += f.ActivePolicies
		t.InsuredByPolicies += f.InsuredByPolicies
		t.Workers += f.Workers
		t.Premium += f.Premium
		t.PreventionBudget += f.PreventionBudget
		t.PreventionSpent += f.PreventionSpent
		t.RenewalsDue += f.RenewalsDue
		t.Lapsed += f.Lapsed
		t.UploadedLate += f.UploadedLate
		t.LowPreventionBudget += f.LowPreventionBudget
		t.NoPreventionClause += f.NoPreventionClause
		t.CoverBelowMinimum += f.CoverBelowMinimum
		t.CoverHeadcountMismatch += f.CoverHeadcountMismatch
		t.MajorOpen += f.MajorOpen
		t.MajorOverdue += f.MajorOverdue
		t.VisitsPlanned += f.VisitsPlanned
		t.VisitsDue += f.VisitsDue
		t.VisitsDelivered += f.VisitsDelivered
		t.BehindPlan += f.BehindPlan
		t.NoAssistance += f.NoAssistance
		t.Claims += f.Claims
		t.ClaimsPaidN += f.ClaimsPaidN
		t.ClaimsPaid += f.ClaimsPaid
		t.EarnedPremium += f.EarnedPremium
		t.EarnedExposure += f.EarnedExposure
		t.Sampled += f.Sampled
		t.WithProblems += f.WithProblems
	}
	t.finish()
	return t
}

// coverage computes a region's figures broken down by its children.
func coverage(app core.App, q Query, scope string) (*Coverage, error) {
	byCode, err := aggregate(app, q, byRegion)
	if err != nil {
		return nil, err
	}
	if Level(q.Region) == "county" {
		// a county has no children: its one row is itself
		for k, f := range byCode {
			delete(byCode, k)
			f.Code = q.Region
			byCode[q.Region] = f
		}
	}
	names := namesOf(app)
	// the divisions under the region show even without data (as zero)
	for _, c := range names.Children(q.Region) {
		if byCode[c] == nil {
			f := &Figures{Code: c}
			f.finish()
			byCode[c] = f
		}
	}
	rows := sorted(byCode)
	for _, f := range rows {
		f.Name = names.RegionName(f.Code)
	}
	return &Coverage{
		Region: ref(names, q.Region), ChildLevel: childLevel(Level(q.Region)), Industry: q.Industry,
		From: dayOf(q.From), To: dayOf(q.To), At: q.At[:10], MinSharePct: sharePtr(q.MinSharePct),
		Total: sumFigures(names, q.Region, rows), Rows: rows, Path: path(names, scope, q.Region),
	}, nil
}

// CategoryCount is one problem category of a round (the packs' words for it) with its count of
// findings.
type CategoryCount struct {
	Category
	Count    int `json:"count"`
	Policies int `json:"policies"`
	// Records is the records' figure the category names (null: none); Flagged the region's
	// policies an import flagged with the category's rules
	Records *int `json:"records"`
	Flagged int  `json:"flagged"`
}

// RoundSummary is what a report says of its inspection round.
type RoundSummary struct {
	*Round
	Sampled      int             `json:"sampled"`
	WithProblems int             `json:"withProblems"`
	Categories   []CategoryCount `json:"categories"`
	Findings     []Finding       `json:"findings"`
}

// Report is the bulletin of /api/azx/compliance/report.
type Report struct {
	Coverage
	InsurersActive int           `json:"insurersActive"`
	ByIndustry     []*Figures    `json:"byIndustry"`
	ByInsurer      []*Figures    `json:"byInsurer"`
	Round          *RoundSummary `json:"round"`
	// MustInsureOverrides and OverBudget: figures that rest on a recorded judgement, with its reason
	MustInsureOverrides []MustInsureOverride `json:"mustInsureOverrides"`
	OverBudget          []OverBudgetService  `json:"overBudget"`
	// Categories: every problem category of the packs in force for the region (on the round's
	// day, else at `at`), the inspectors' counts (a round's) beside the records'; SystemFindings:
	// the region's import flags by rule
	Categories     []CategoryCount `json:"categories"`
	SystemFindings []RuleCount     `json:"systemFindings"`
}

type sampleRow struct {
	Policy   string `db:"id"`
	Region   string `db:"region"`
	Insurer  string `db:"insurer"`
	Problems int    `db:"problems"`
}

func report(app core.App, q Query, scope string, round *core.Record) (*Report, error) {
	cov, err := coverage(app, q, scope)
	if err != nil {
		return nil, err
	}
	inds, err := aggregate(app, q, byIndustry)
	if err != nil {
		return nil, err
	}
	insurers, err := aggregate(app, q, byInsurer)
	if err != nil {
		return nil, err
	}
	rep := &Report{Coverage: *cov, ByIndustry: sorted(inds), ByInsurer: sorted(insurers)}
	for _, f := range rep.ByIndustry {
		f.Name = namesOf(app).IndustryName(f.Code)
	}
	var names []struct {
		ID   string `db:"id"`
		Name string `db:"name"`
	}
	if err := app.DB().NewQuery("SELECT id, name FROM organizations WHERE kind = 'insurer'").All(&names); err != nil {
		return nil, err
	}
	nameOf := map[string]string{}
	for _, n := range names {
		nameOf[n.ID] = n.Name
	}
	for _, f := range rep.ByInsurer {
		f.Name = nameOf[f.Code]
		if f.ActivePolicies > 0 {
			rep.InsurersActive++
		}
	}
	if rep.MustInsureOverrides, err = listOverrides(app, q); err != nil {
		return nil, err
	}
	if rep.OverBudget, err = listOverBudget(app, q); err != nil {
		return nil, err
	}
	if round != nil {
		if rep.Round, err = summarize(app, q, round, rep); err != nil {
			return nil, err
		}
		rep.Total.Sampled, rep.Total.WithProblems = rep.Round.Sampled, rep.Round.WithProblems
		rep.Categories = slices.Clone(rep.Round.Categories)
	} else {
		cats, err := findingCategories(app, q.Region, q.At[:10])
		if err != nil {
			return nil, err
		}
		for _, c := range cats {
			rep.Categories = append(rep.Categories, CategoryCount{Category: c})
		}
	}
	if rep.Categories == nil {
		rep.Categories = []CategoryCount{}
	}
	if err := withRecords(app, q.Region, rep.Total, rep.Categories); err != nil {
		return nil, err
	}
	if rep.SystemFindings, err = systemFindings(app, q.Region); err != nil {
		return nil, err
	}
	return rep, nil
}

// summarize counts a round's sample and findings, in total, by region and by insurer.
func summarize(app core.App, q Query, round *core.Record, rep *Report) (*RoundSummary, error) {
	r := roundOf(app, round)
	s := &RoundSummary{Round: r, Sampled: len(r.Sample), Categories: []CategoryCount{}}
	var rows []sampleRow
	child := columnOf(childLevel(Level(q.Region)))
	err := app.DB().NewQuery("SELECT p.id, p." + child + " AS region, p.insurer, " +
		"(SELECT COUNT(*) FROM findings f WHERE f.round = {:round} AND f.policy = p.id) AS problems " +
		"FROM policies p WHERE p.id IN (SELECT value FROM json_each({:sample}))").
		Bind(dbx.Params{"round": round.Id, "sample": round.GetString("sample")}).All(&rows)
	if err != nil {
		return nil, err
	}
	regions, insurers := index(rep.Rows), index(rep.ByInsurer)
	for _, row := range rows {
		reg, ins := regions[row.Region], insurers[row.Insurer]
		if reg != nil {
			reg.Sampled++
		}
		if ins != nil {
			ins.Sampled++
		}
		if row.Problems > 0 {
			s.WithProblems++
			if reg != nil {
				reg.WithProblems++
			}
			if ins != nil {
				ins.WithProblems++
			}
		}
	}
	var counts []struct {
		Category string `db:"category"`
		Count    int    `db:"n"`
		Policies int    `db:"policies"`
	}
	if err := app.DB().NewQuery("SELECT category, COUNT(*) AS n, COUNT(DISTINCT policy) AS policies FROM findings WHERE round = {:round} GROUP BY category").
		Bind(dbx.Params{"round": round.Id}).All(&counts); err != nil {
		return nil, err
	}
	byCat := map[string]CategoryCount{}
	for _, c := range counts {
		byCat[c.Category] = CategoryCount{Category: Category{Code: c.Category, Zh: c.Category, En: c.Category}, Count: c.Count, Policies: c.Policies}
	}
	cats, err := findingCategories(app, r.Region, roundDay(round))
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		cc := byCat[c.Code]
		cc.Category = c
		s.Categories = append(s.Categories, cc)
		delete(byCat, c.Code)
	}
	// findings of a category the packs no longer list (a pack was retired since) still count
	for _, c := range counts {
		if cc, ok := byCat[c.Category]; ok {
			s.Categories = append(s.Categories, cc)
		}
	}
	if s.Findings, err = listFindings(app, round.Id, ""); err != nil {
		return nil, err
	}
	return s, nil
}

func index(rows []*Figures) map[string]*Figures {
	m := map[string]*Figures{}
	for _, f := range rows {
		m[f.Code] = f
	}
	return m
}

func sharePtr(pct int) *int {
	if pct < 0 {
		return nil
	}
	return &pct
}
