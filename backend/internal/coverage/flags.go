package coverage

import (
	"encoding/json"
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// The bulletin's problem rows set each category the inspectors count (the round's findings)
// beside what the records show: the records' figure the category names (Figure) and the
// policies a bulk import flagged with its rules (system_findings, internal/bulk import mode).

// RuleCount is one pack rule broken by imported records of the region.
type RuleCount struct {
	Rule     string `db:"rule" json:"rule"`
	Source   string `db:"source" json:"source"`
	Count    int    `db:"n" json:"count"`
	Policies int    `db:"policies" json:"policies"`
}

// systemFindings counts the region's import flags by rule.
func systemFindings(app core.App, region string) ([]RuleCount, error) {
	out := []RuleCount{}
	err := app.DB().Select("rule", "MAX(source) AS source", "COUNT(*) AS n", "COUNT(DISTINCT policy) AS policies").
		From("system_findings").Where(dbx.HashExp{columnOf(Level(region)): region}).
		GroupBy("rule").OrderBy("rule").All(&out)
	return out, err
}

// flaggedPolicies counts the region's policies flagged with any of the rules.
func flaggedPolicies(app core.App, region string, rules []string) (int, error) {
	if len(rules) == 0 {
		return 0, nil
	}
	args := make([]any, len(rules))
	for i, r := range rules {
		args[i] = r
	}
	var n int
	err := app.DB().Select("COUNT(DISTINCT policy)").From("system_findings").
		Where(dbx.HashExp{columnOf(Level(region)): region}).AndWhere(dbx.In("rule", args...)).Row(&n)
	return n, err
}

// withRecords fills each category's records figure (from the region's total) and its flagged
// policies.
func withRecords(app core.App, region string, total *Figures, cats []CategoryCount) error {
	raw, err := json.Marshal(total)
	if err != nil {
		return err
	}
	var figures map[string]any
	if err := json.Unmarshal(raw, &figures); err != nil {
		return err
	}
	for i := range cats {
		c := &cats[i]
		if v, ok := figures[c.Figure].(float64); ok && c.Figure != "" {
			n := int(v)
			c.Records = &n
		}
		if c.Flagged, err = flaggedPolicies(app, region, c.Rules); err != nil {
			return err
		}
		c.Rules = slices.Clip(c.Rules)
	}
	return nil
}
