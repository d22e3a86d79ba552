package coverage

import (
	"slices"

	"golang.org/x/text/collate"
	xlanguage "golang.org/x/text/language"
)

// orderInsurers answers the report with its insurers by name (Chinese collation: pinyin, as a
// list of companies is read) or by size (policies in force, most first), on a copy: the cached
// answer keeps its own order.
func orderInsurers(rep *Report, order string) (*Report, error) {
	switch order {
	case "", "code":
		return rep, nil
	case "name", "size":
	default:
		return nil, badParam("insurers", "insurers 只能是 name（按名称）或 size（按承保规模）", "insurers must be name or size")
	}
	out := *rep
	out.ByInsurer = slices.Clone(rep.ByInsurer)
	c := collate.New(xlanguage.Chinese)
	byName := func(a, b *Figures) int { return c.CompareString(a.Name, b.Name) }
	if order == "name" {
		slices.SortStableFunc(out.ByInsurer, byName)
	} else {
		slices.SortStableFunc(out.ByInsurer, func(a, b *Figures) int {
			if a.ActivePolicies != b.ActivePolicies {
				return b.ActivePolicies - a.ActivePolicies
			}
			return byName(a, b)
		})
	}
	return &out, nil
}
