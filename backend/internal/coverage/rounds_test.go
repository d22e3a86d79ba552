package coverage

import (
	"slices"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

func regulator(t *testing.T, app core.App, email string) *core.Record {
	t.Helper()
	u, err := app.FindAuthRecordByEmail("users", email)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func policyNumbers(t *testing.T, app core.App, city string, n int) ([]string, []string) {
	t.Helper()
	var rows []struct {
		ID string `db:"id"`
		No string `db:"policy_no"`
	}
	if err := app.DB().Select("id", "policy_no").From("policies").Where(dbx.HashExp{"city_code": city}).
		OrderBy("policy_no").Limit(int64(n)).All(&rows); err != nil || len(rows) < n {
		t.Fatalf("%d policies of %s: %v", len(rows), city, err)
	}
	ids, nos := []string{}, []string{}
	for _, r := range rows {
		ids, nos = append(ids, r.ID), append(nos, r.No)
	}
	return ids, nos
}

func roundsAsTheNoticesRunThem(t *testing.T, app core.App, q Query) {
	zj := regulator(t, app, "regulator-zj@azx.demo")
	hz := regulator(t, app, "regulator-330100@azx.demo")
	sx := regulator(t, app, "regulator-330600@azx.demo")
	nb := regulator(t, app, "regulator-330200@azx.demo")

	// the inspectors' own list: their numbers in their order; a number never uploaded is kept
	sxIDs, sxNos := policyNumbers(t, app, "330600", 7)
	hzIDs, hzNos := policyNumbers(t, app, "330100", 3)
	list := append(append(slices.Clone(sxNos), "NEVER-UPLOADED-0001"), hzNos...)
	q.Region = "330000"
	round, err := createRound(app, zj, NewRound{Name: "交叉检查 2023", Policies: list,
		Assignments: []Assignment{{"330100", "330600"}, {"330600", "330100"}}}, q)
	if err != nil {
		t.Fatal(err)
	}
	if round.Source != "list" || round.Status != "draft" || !slices.Equal(round.Sample, append(slices.Clone(sxIDs), hzIDs...)) ||
		!slices.Equal(round.Unmatched, []string{"NEVER-UPLOADED-0001"}) || round.Population != 11 {
		t.Fatalf("a round from the inspectors' list: %+v", round)
	}
	q.Region = "330600"
	if _, err := createRound(app, sx, NewRound{Name: "外地保单", Policies: hzNos}, q); err == nil {
		t.Error("a city's round took another city's policies")
	}
	q.Region = "330000"
	if _, err := createRound(app, zj, NewRound{Name: "自查", Policies: sxNos, Assignments: []Assignment{{"330100", "330100"}}}, q); err == nil {
		t.Error("a region was assigned to inspect itself")
	}
	if _, err := createRound(app, zj, NewRound{Name: "外省", Policies: sxNos, Assignments: []Assignment{{"320500", "330100"}}}, q); err == nil {
		t.Error("a team outside the province was assigned")
	}

	// every faulty line is refused at its own field, in both languages, and nothing is stored
	before, _ := app.CountRecords("inspection_rounds")
	_, err = createRound(app, zj, NewRound{Name: "分组有误", Policies: sxNos, Assignments: []Assignment{
		{"330100", "330600"}, {"330200", "330200"}, {"330300", "330600"}, {"320500", ""}}}, q)
	ae, ok := err.(*apiError)
	if !ok || ae.Status != 400 || ae.Code != "invalid_assignments" {
		t.Fatalf("a faulty table: %v", err)
	}
	fields := map[string]string{}
	for _, f := range ae.Fields {
		if f.Zh == "" || f.En == "" {
			t.Errorf("%s: a refusal without both languages", f.Path)
		}
		fields[f.Path] = f.Zh
	}
	want := map[string]string{
		"assignments.1.inspected": "地区不能检查自己",
		"assignments.2.inspected": "该地区已由第 1 行分配检查",
		"assignments.3.inspector": "检查组所在地区须为本轮检查地区内的下级地区",
		"assignments.3.inspected": "被检查地区须为本轮检查地区内的下级地区",
	}
	if len(fields) != len(want) {
		t.Errorf("refused fields %v, want %v", fields, want)
	}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s: %q, want %q", k, fields[k], v)
		}
	}
	if ae.Zh != "交叉检查分组第 2、3、4 行未通过校验" {
		t.Errorf("the refusal as a whole: %q", ae.Zh)
	}
	if after, _ := app.CountRecords("inspection_rounds"); after != before {
		t.Error("a round with a faulty table was stored")
	}

	// a draft's table is replaced; the same checks hold; a published round's stays
	draftRec, _ := loadRound(app, zj, round.ID)
	if _, err := setAssignments(app, draftRec, []Assignment{{"330600", "330600"}}); err == nil {
		t.Error("an edit made a region inspect itself")
	}
	edited, err := setAssignments(app, draftRec, []Assignment{{"330200", "330600"}, {"330600", "330100"}})
	if err != nil || len(edited.Assignments) != 2 || edited.Assignments[0].Inspector != "330200" {
		t.Fatalf("editing a draft's table: %+v %v", edited, err)
	}
	if _, inspected, err := loadRoundFor(app, nb, round.ID); err != nil || !slices.Equal(inspected, []string{"330600"}) {
		t.Fatalf("Ningbo, now assigned, reads Shaoxing's part: %v %v", inspected, err)
	}
	if _, _, err := loadRoundFor(app, hz, round.ID); err == nil {
		t.Error("Hangzhou, no longer a team in the table, read the round")
	}
	if _, err := setAssignments(app, draftRec, []Assignment{{"330100", "330600"}, {"330600", "330100"}}); err != nil {
		t.Fatal(err)
	}
	// Hangzhou's team inspects Shaoxing's sampled policies, for this round only
	rec, inspected, err := loadRoundFor(app, hz, round.ID)
	if err != nil || !slices.Equal(inspected, []string{"330600"}) {
		t.Fatalf("Hangzhou's team reads the round: %v %v", inspected, err)
	}
	page, err := samplePage(app, rec, inspected, 1, 5)
	if err != nil || page.TotalItems != 7 || len(page.Items) != 5 || page.Items[0].ID != sxIDs[0] || page.Items[0].InsurerName == "" || page.Items[0].RegionName == "" ||
		!slices.ContainsFunc(page.Categories, func(c Category) bool { return c.Code == "rate_misused" && c.Zh != "" }) {
		t.Fatalf("Hangzhou's first page of Shaoxing's sample: %+v %v", page, err)
	}
	page2, _ := samplePage(app, rec, inspected, 2, 5)
	if len(page2.Items) != 2 || page2.Items[1].ID != sxIDs[6] {
		t.Fatalf("the second page: %+v", page2)
	}
	if _, err := createFinding(app, hz, rec, inspected, NewFinding{Policy: sxIDs[0], Category: "rate_misused"}); err != nil {
		t.Fatalf("Hangzhou's team records a finding on Shaoxing's policy: %v", err)
	}
	if _, err := createFinding(app, hz, rec, inspected, NewFinding{Policy: hzIDs[0], Category: "rate_misused"}); err == nil {
		t.Error("Hangzhou's team recorded a finding on its own city's policy")
	}
	if _, _, err := loadRoundFor(app, nb, round.ID); err == nil {
		t.Error("Ningbo, not in the table, read the round")
	}
	if _, err := loadRound(app, hz, round.ID); err == nil {
		t.Error("an assigned team read the round in full (report, publish, delete)")
	}
	mine, _ := listRounds(app, "330100", "330100")
	if !slices.ContainsFunc(mine, func(r *Round) bool { return r.ID == round.ID }) {
		t.Error("the round is not listed for the assigned team")
	}
	other := round.ID
	q.Region = "330600"
	sxRound, err := createRound(app, sx, NewRound{Name: "本市", Seed: 1, Size: 3}, q)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := loadRoundFor(app, hz, sxRound.ID); err == nil {
		t.Error("Hangzhou read Shaoxing's own round, which assigns it nothing")
	}

	// a draft is deleted with its findings; a published round is not
	full, _ := loadRound(app, zj, other)
	if err := deleteRound(app, full); err != nil {
		t.Fatalf("deleting a draft round: %v", err)
	}
	if n, _ := app.CountRecords("findings", dbx.HashExp{"round": other}); n != 0 {
		t.Errorf("%d findings of the deleted round remain", n)
	}
	rec2, _ := loadRound(app, sx, sxRound.ID)
	if r, err := publishRound(app, rec2); err != nil || r.Status != "published" {
		t.Fatalf("publishing: %v", err)
	}
	if err := deleteRound(app, rec2); err == nil {
		t.Error("a published round was deleted")
	}
	if _, err := setAssignments(app, rec2, []Assignment{{"330100", "330602"}}); err == nil {
		t.Error("a published round's table was changed")
	}
	if _, err := app.FindRecordById("inspection_rounds", sxRound.ID); err != nil {
		t.Error("the published round is gone")
	}
}

func categoriesBesideRecords(t *testing.T, app core.App, q Query) {
	q.Region = "330600"
	pol := &core.Record{}
	if err := app.RecordQuery("policies").AndWhere(dbx.HashExp{"city_code": "330600"}).Limit(1).One(pol); err != nil {
		t.Fatal(err)
	}
	col, _ := app.FindCollectionByNameOrId("system_findings")
	for _, rule := range []string{"base_rate_mismatch", "coverage_cut"} { // two rules of one category, one policy
		f := core.NewRecord(col)
		f.Set("policy", pol.Id)
		f.Set("insurer", pol.GetString("insurer"))
		f.Set("rule", rule)
		f.Set("source", "应急〔2025〕27号")
		for _, c := range []string{"region_code", "city_code", "province_code"} {
			f.Set(c, pol.GetString(c))
		}
		if err := app.Save(f); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := report(app, q, "330600", nil)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]CategoryCount{}
	for _, c := range rep.Categories {
		byCode[c.Code] = c
	}
	if c := byCode["no_prevention_clause"]; c.Records == nil || *c.Records != rep.Total.NoPreventionClause || c.Source == "" || c.Unit != "policy" {
		t.Errorf("no_prevention_clause beside the records: %+v (figure %d)", c, rep.Total.NoPreventionClause)
	}
	if c := byCode["not_fully_insured"]; c.Records == nil || *c.Records != rep.Total.NotFullyInsured || c.Unit != "enterprise" {
		t.Errorf("not_fully_insured counts enterprises: %+v", c)
	}
	if c := byCode["rate_misused"]; c.Records != nil || c.Flagged != 1 {
		t.Errorf("rate_misused: the flagged policy once, no figure: %+v", c)
	}
	if c, ok := byCode["service_record_mismatch"]; !ok || c.Source == "" {
		t.Errorf("the bulletin's wrong service records have no category: %+v", rep.Categories)
	}
	var base RuleCount
	for _, r := range rep.SystemFindings {
		if r.Rule == "base_rate_mismatch" {
			base = r
		}
	}
	if base.Count != 1 || base.Policies != 1 || base.Source == "" {
		t.Errorf("system findings by rule: %+v", rep.SystemFindings)
	}

	byName, err := orderInsurers(rep, "name")
	if err != nil || len(byName.ByInsurer) < 2 {
		t.Fatalf("by name: %v", err)
	}
	bySize, _ := orderInsurers(rep, "size")
	for i := 1; i < len(bySize.ByInsurer); i++ {
		if bySize.ByInsurer[i-1].ActivePolicies < bySize.ByInsurer[i].ActivePolicies {
			t.Fatalf("by size: %d before %d", bySize.ByInsurer[i-1].ActivePolicies, bySize.ByInsurer[i].ActivePolicies)
		}
	}
	if byName.ByInsurer[0].Code == rep.ByInsurer[0].Code && bySize.ByInsurer[0].Code == rep.ByInsurer[0].Code && len(rep.ByInsurer) > 2 &&
		slices.EqualFunc(byName.ByInsurer, rep.ByInsurer, func(a, b *Figures) bool { return a.Code == b.Code }) &&
		slices.EqualFunc(bySize.ByInsurer, rep.ByInsurer, func(a, b *Figures) bool { return a.Code == b.Code }) {
		t.Error("neither order moved an insurer")
	}
	if _, err := orderInsurers(rep, "height"); err == nil {
		t.Error("an unknown order was taken")
	}
}
