package coverage

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// Category is a problem kind an inspector records against a sampled policy, as the rule packs
// in force for the round's region on its day name it (the finding_categories table).
type Category struct {
	Code   string `json:"category"`
	Zh     string `json:"zh"`
	En     string `json:"en"`
	Source string `json:"source"`
	// Figure names the records' figure that stands beside the inspectors' count (a Figures
	// field, e.g. noPreventionClause); Rules the pack rules whose import flags count toward it;
	// Unit what both count: "enterprise" (家企业) or "policy" (份保单, the default)
	Figure string   `json:"figure,omitempty"`
	Rules  []string `json:"rules,omitempty"`
	Unit   string   `json:"unit"`
}

// roundDay is the day a round was drawn (China time): the day its categories are the packs'.
func roundDay(round *core.Record) string {
	return round.GetDateTime("created").Time().In(china).Format("2006-01-02")
}

// findingCategories are the categories of the packs in force for a region on a day, in their order.
func findingCategories(app core.App, region, day string) ([]Category, error) {
	snap, err := packs.Current(app)
	if err != nil {
		return nil, err
	}
	list, _ := snap.Effective(region, day).Tables["finding_categories"].Value.([]any)
	out := make([]Category, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		c := Category{}
		c.Code, _ = m["code"].(string)
		c.Zh, _ = m["zh"].(string)
		c.En, _ = m["en"].(string)
		c.Source, _ = m["source"].(string)
		c.Figure, _ = m["figure"].(string)
		c.Unit, _ = m["unit"].(string)
		if c.Unit != "enterprise" {
			c.Unit = "policy"
		}
		rules, _ := m["rules"].([]any)
		for _, r := range rules {
			if code, ok := r.(string); ok {
				c.Rules = append(c.Rules, code)
			}
		}
		if c.Code != "" {
			out = append(out, c)
		}
	}
	return out, nil
}
