package coverage

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
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

// MaxAssignments bounds a cross-inspection table: a province's counties are fewer.
const MaxAssignments = 500

// checkAssignments validates a cross-inspection table: every region a valid code inside the
// round's region, never a region inspecting itself, each inspected region once. Every row at
// fault is refused at its own field (`assignments.<row>.inspector` / `.inspected`, rows from 0),
// so a form shows each refusal beside the picker it concerns.
func checkAssignments(region string, list []Assignment) ([]Assignment, string, error) {
	if len(list) > MaxAssignments {
		return nil, "", badParam("assignments", "交叉检查分组最多 500 行", "A cross-inspection table holds at most 500 lines")
	}
	var faults []fieldError
	fault := func(row int, field, zh, en string) {
		faults = append(faults, fieldError{Path: "assignments." + strconv.Itoa(row) + "." + field, Code: "invalid_assignment", Zh: zh, En: en})
	}
	inRound := func(code string) bool {
		return validation.ValidRegionCode(code) && within(code, region) && code != region
	}
	firstRow := map[string]int{}
	var inspectors []string
	out := make([]Assignment, 0, len(list))
	for i, a := range list {
		a.Inspector, a.Inspected = strings.TrimSpace(a.Inspector), strings.TrimSpace(a.Inspected)
		okInspector, okInspected := inRound(a.Inspector), inRound(a.Inspected)
		if !okInspector {
			fault(i, "inspector", "检查组所在地区须为本轮检查地区内的下级地区", "The inspecting team's region must lie inside the round's region")
		}
		if !okInspected {
			fault(i, "inspected", "被检查地区须为本轮检查地区内的下级地区", "The inspected region must lie inside the round's region")
		}
		if okInspector && okInspected && a.Inspector == a.Inspected {
			fault(i, "inspected", "地区不能检查自己", "A region cannot inspect itself")
		}
		if first, seen := firstRow[a.Inspected]; seen && okInspected {
			fault(i, "inspected", "该地区已由第 "+strconv.Itoa(first+1)+" 行分配检查", "This region is already inspected on line "+strconv.Itoa(first+1))
		} else if okInspected {
			firstRow[a.Inspected] = i
		}
		if okInspector && !slices.Contains(inspectors, a.Inspector) {
			inspectors = append(inspectors, a.Inspector)
		}
		out = append(out, a)
	}
	if len(faults) > 0 {
		rows := []string{}
		for _, f := range faults {
			row := strings.SplitN(strings.TrimPrefix(f.Path, "assignments."), ".", 2)[0]
			n, _ := strconv.Atoi(row)
			if s := strconv.Itoa(n + 1); !slices.Contains(rows, s) {
				rows = append(rows, s)
			}
		}
		return nil, "", &apiError{Status: http.StatusBadRequest, Code: "invalid_assignments", Fields: faults,
			Zh: "交叉检查分组第 " + strings.Join(rows, "、") + " 行未通过校验", En: "Lines " + strings.Join(rows, ", ") + " of the cross-inspection table were refused"}
	}
	return out, strings.Join(inspectors, " "), nil
}

// setAssignments replaces a draft round's cross-inspection table (a published round's is what
// its teams worked to, and stays).
func setAssignments(app core.App, round *core.Record, list []Assignment) (*Round, error) {
	if roundOf(app, round).Status != vocab.RoundStatusDraft {
		return nil, &apiError{Status: http.StatusBadRequest, Code: "round_published",
			Zh: "已发布的检查轮次不能修改交叉检查分组", En: "A published round's cross-inspection table cannot be changed"}
	}
	assignments, inspectors, err := checkAssignments(round.GetString("region_code"), list)
	if err != nil {
		return nil, err
	}
	round.Set("assignments", assignments)
	round.Set("inspectors", inspectors)
	if err := app.Save(round); err != nil {
		return nil, err
	}
	return roundOf(app, round), nil
}
