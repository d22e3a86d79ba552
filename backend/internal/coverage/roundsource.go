package coverage

import (
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// A round's sample is either drawn by the server (Draw) or the inspectors' own list of policy
// numbers, imported as they chose them (the Suzhou bulletin's 1,448 policies). A listed number
// no stored policy has is kept as unmatched (a policy the insurer never uploaded); a stored
// policy outside the round's region is refused, since the round could not read it.

// Assignment is one line of a cross-inspection table (Zhejiang, 001 annex 2): the team of the
// Inspector region inspects the Inspected region in this round only.
type Assignment struct {
	Inspector string `json:"inspector"`
	Inspected string `json:"inspected"`
}

// listSample resolves the inspectors' policy numbers to ids inside the region, in list order;
// numbers no policy has come back as unmatched.
func listSample(app core.App, region string, numbers []string) ([]string, []string, error) {
	seen := map[string]bool{}
	clean := make([]string, 0, len(numbers))
	for _, n := range numbers {
		n = strings.TrimSpace(n)
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		clean = append(clean, n)
	}
	if len(clean) == 0 || len(clean) > MaxSample {
		return nil, nil, badParam("policies", "检查清单须列出 1–5000 个保单号", "The inspectors' list must name 1 to 5000 policy numbers")
	}
	type row struct {
		ID       string `db:"id"`
		PolicyNo string `db:"policy_no"`
		Region   string `db:"region_code"`
	}
	found := map[string]row{}
	for start := 0; start < len(clean); start += 500 {
		part := clean[start:min(start+500, len(clean))]
		args := make([]any, len(part))
		for i, n := range part {
			args[i] = n
		}
		var rows []row
		if err := app.DB().Select("id", "policy_no", "region_code").From("policies").
			Where(dbx.In("policy_no", args...)).All(&rows); err != nil {
			return nil, nil, err
		}
		for _, r := range rows {
			found[r.PolicyNo] = r
		}
	}
	ids, unmatched, outside := []string{}, []string{}, []string{}
	for _, n := range clean {
		r, ok := found[n]
		switch {
		case !ok:
			unmatched = append(unmatched, n)
		case !within(r.Region, region):
			outside = append(outside, n)
		default:
			ids = append(ids, r.ID)
		}
	}
	if len(outside) > 0 {
		shown := strings.Join(outside[:min(5, len(outside))], "、")
		return nil, nil, badParam("policies", "清单中的保单不在本轮检查地区："+shown, "Policies of the list are outside the round's region: "+shown)
	}
	return ids, unmatched, nil
}

// checkAssignments validates a cross-inspection table: every region a valid code inside the
// round's region, never a region inspecting itself, each inspected region once.
func checkAssignments(region string, list []Assignment) ([]Assignment, string, error) {
	inspected := map[string]bool{}
	var inspectors []string
	out := make([]Assignment, 0, len(list))
	for _, a := range list {
		a.Inspector, a.Inspected = strings.TrimSpace(a.Inspector), strings.TrimSpace(a.Inspected)
		if !validation.ValidRegionCode(a.Inspector) || !validation.ValidRegionCode(a.Inspected) ||
			!within(a.Inspector, region) || !within(a.Inspected, region) || a.Inspector == region || a.Inspected == region {
			return nil, "", badParam("assignments", "交叉检查分组须为本轮检查地区内的下级地区代码："+a.Inspector+" → "+a.Inspected,
				"A cross-inspection line must name regions inside the round's region: "+a.Inspector+" → "+a.Inspected)
		}
		if a.Inspector == a.Inspected {
			return nil, "", badParam("assignments", "地区不能检查自己："+a.Inspector, "A region cannot inspect itself: "+a.Inspector)
		}
		if inspected[a.Inspected] {
			return nil, "", badParam("assignments", "被检查地区重复："+a.Inspected, "A region is inspected twice: "+a.Inspected)
		}
		inspected[a.Inspected] = true
		if !slices.Contains(inspectors, a.Inspector) {
			inspectors = append(inspectors, a.Inspector)
		}
		out = append(out, a)
	}
	return out, strings.Join(inspectors, " "), nil
}
