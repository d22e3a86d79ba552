package hazards

import (
	"slices"
	"testing"
	"time"

	"azx/backend/internal/vocab"
)

// A deadline day is a day in China: it is over at 16:00 UTC.
func TestCutoffFollowsChinaMidnight(t *testing.T) {
	cases := map[string]string{
		"2026-11-25T15:59:59Z": "2026-11-25 00:00:00.000Z",
		"2026-11-25T16:00:00Z": "2026-11-26 00:00:00.000Z",
		"2026-12-31T23:00:00Z": "2027-01-01 00:00:00.000Z",
	}
	for at, want := range cases {
		tm, _ := time.Parse(time.RFC3339, at)
		if got := Cutoff(tm); got != want {
			t.Errorf("Cutoff(%s) = %s, want %s", at, got, want)
		}
	}
}

// Every action leads to a known status that some role may reach, and a refusal or an overdue
// flag escalates only a major hazard.
func TestActionsAgreeWithTheLoop(t *testing.T) {
	for _, a := range Loop.Actions {
		for _, major := range []bool{false, true} {
			r, ok := Loop.Rule(a.Code, major)
			if !ok {
				t.Fatalf("%s does not resolve", a.Code)
			}
			if r.To != "" && !Loop.HasState(r.To) {
				t.Errorf("%s leads to unknown status %q", a.Code, r.To)
			}
			if r.To != "" && a.Code != vocab.HazardActionOverdue && len(Loop.RolesMovingTo(r.To)) == 0 {
				t.Errorf("%s leads to %q, which no role may reach", a.Code, r.To)
			}
			if len(r.From) == 0 {
				t.Errorf("%s can never be taken", a.Code)
			}
		}
		if a.Code != vocab.HazardActionOverdue && len(a.Roles) == 0 {
			t.Errorf("%s has no role", a.Code)
		}
		if !vocab.HazardAction.Has(a.Code) {
			t.Errorf("%s is not in the generated vocabulary", a.Code)
		}
	}
	if Loop.Target("refuse", false) != "" || Loop.Target("refuse", true) != "escalated" {
		t.Error("a refusal escalates a major hazard only")
	}
	if Loop.Target("overdue", false) != "" || Loop.Target("overdue", true) != "escalated" {
		t.Error("an overdue flag escalates a major hazard only")
	}
	for _, s := range Loop.StatesWhere("overdue") {
		if s != "escalated" && !Loop.CanMove(s, "escalated") {
			t.Errorf("a hazard not yet rectified (%s) cannot be escalated", s)
		}
	}
}

// DOMAIN.md: a hazard is overdue while it is not rectified; an escalated hazard is not rectified
// yet, so it is overdue past its deadline. One definition, which the sweep and coverage read.
func TestOverdueStatesFollowTheDomain(t *testing.T) {
	got := Loop.StatesWhere("overdue")
	want := []string{"found", "notified", "reopened", "escalated"}
	if !sameSet(got, want) {
		t.Errorf("overdue states %v, want %v", got, want)
	}
	if !sameSet(overdueStatuses(), want) {
		t.Errorf("the sweep flags %v, want %v", overdueStatuses(), want)
	}
	if !sameSet(vocab.HazardStatus.With("overdue"), want) {
		t.Errorf("the generated vocabulary says %v", vocab.HazardStatus.With("overdue"))
	}
	if closed := Loop.StatesWhere("closed"); !sameSet(closed, []string{"verified"}) {
		t.Errorf("closed states %v", closed)
	}
}

// The roles that may move a hazard to a status are those of the actions that move it there.
func TestRolesMovingTo(t *testing.T) {
	cases := map[string][]string{
		"notified":  {"insurer", "provider"},
		"rectified": {"enterprise", "insurer", "provider"},
		"verified":  {"insurer", "provider", "regulator"},
		"escalated": {"insurer", "provider", "regulator"},
		"found":     nil,
	}
	for to, want := range cases {
		if got := Loop.RolesMovingTo(to); !sameSet(got, want) {
			t.Errorf("RolesMovingTo(%s) = %v, want %v", to, got, want)
		}
	}
}

// A refusal is recorded after the written notice (or a failed return visit), a note anywhere,
// a rectification only where the loop leads to rectified.
func TestWhereActionsMayBeTaken(t *testing.T) {
	cases := []struct {
		action, from string
		major, ok    bool
	}{
		{"refuse", "notified", false, true}, {"refuse", "found", false, false}, {"refuse", "reopened", true, true},
		{"refuse", "verified", true, false}, {"note", "verified", false, true}, {"rectify", "found", false, false},
		{"rectify", "escalated", true, true}, {"verify", "rectified", false, true}, {"overdue", "escalated", true, true},
		{"overdue", "rectified", false, false}, {"overdue", "verified", true, false},
	}
	for _, c := range cases {
		if got := Loop.Allows(c.action, c.from, c.major); got != c.ok {
			t.Errorf("Allows(%s, %s, major=%v) = %v", c.action, c.from, c.major, got)
		}
	}
}

// Issue 13: rectification and verification need evidence whatever the severity; the
// organization that rectified does not verify; a major hazard closes only with the regulator's
// sign-off; an escalated hazard is rectified before it can be verified.
func TestEvidenceSeparationAndSignOff(t *testing.T) {
	for _, action := range []string{"rectify", "verify"} {
		for _, major := range []bool{false, true} {
			if r, _ := Loop.Rule(action, major); r.Evidence != "required" {
				t.Errorf("%s (major=%v) evidence %q, want required", action, major, r.Evidence)
			}
		}
	}
	if n, _ := Loop.Rule("note", true); n.Evidence != "none" {
		t.Errorf("a note needs no evidence, got %q", n.Evidence)
	}
	general, _ := Loop.Rule("verify", false)
	major, _ := Loop.Rule("verify", true)
	if !slices.Contains(general.NotBy, "rectify") || !slices.Contains(major.NotBy, "rectify") {
		t.Errorf("verify not_by: %v / %v", general.NotBy, major.NotBy)
	}
	if !sameSet(major.Roles, []string{"regulator"}) || slices.Contains(general.Roles, "enterprise") {
		t.Errorf("verify roles: general %v, major %v", general.Roles, major.Roles)
	}
	if Loop.Allows("verify", "escalated", true) || Loop.CanMove("escalated", "verified") {
		t.Error("an escalated hazard can be verified without a rectification")
	}
}

// The deadline counts days from the finding's calendar day in China; a pack's values override.
func TestDeadlineBySeverityWithOverride(t *testing.T) {
	found := time.Date(2026, 3, 31, 17, 0, 0, 0, time.UTC) // 2026-04-01 01:00 in China
	day := func(d time.Time) string { return d.In(cst).Format("2006-01-02") }
	g, m := Loop.Deadlines.General, Loop.Deadlines.Major
	if got, want := day(Loop.Deadline(found, false, Days{})), time.Date(2026, 4, 1+g, 0, 0, 0, 0, cst).Format("2006-01-02"); got != want {
		t.Errorf("general deadline %s, want %s", got, want)
	}
	if got, want := day(Loop.Deadline(found, true, Days{})), time.Date(2026, 4, 1+m, 0, 0, 0, 0, cst).Format("2006-01-02"); got != want {
		t.Errorf("major deadline %s, want %s", got, want)
	}
	if got := day(Loop.Deadline(found, true, Days{Major: 15})); got != "2026-04-16" {
		t.Errorf("overridden major deadline %s, want 2026-04-16", got)
	}
	if got := day(Loop.Deadline(found, false, Days{Major: 15})); got != day(Loop.Deadline(found, false, Days{})) {
		t.Errorf("a major override moved a general deadline to %s", got)
	}
}

// What issue 13 will need can be written in the document and is read: roles per action per
// severity, a separation of duties, a follow-up interval.
func TestTheDocumentCanExpressIssue13(t *testing.T) {
	w, err := Parse([]byte(`{"key": "hazard", "initial": "found",
		"states": [{"code": "found", "zh": "已发现", "en": "Found", "overdue": true}, {"code": "rectified", "zh": "已整改", "en": "Rectified"},
		           {"code": "verified", "zh": "已复查销号", "en": "Verified", "closed": true}, {"code": "signed_off", "zh": "监管销号", "en": "Signed off", "closed": true}],
		"transitions": {"found": ["rectified"], "rectified": ["verified"], "verified": ["signed_off"], "signed_off": []},
		"actions": [
			{"code": "rectify", "zh": "整改", "en": "Rectify", "to": "rectified", "roles": ["enterprise"], "evidence": "required"},
			{"code": "verify", "zh": "复查", "en": "Verify", "to": "verified", "roles": ["insurer", "provider"], "not_by": ["rectify"],
			 "major": {"roles": ["regulator"]}},
			{"code": "sign_off", "zh": "监管销号", "en": "Sign off", "to": "signed_off", "roles": ["regulator"]}],
		"deadlines": {"general": 15, "major": 30},
		"follow_up": {"after": "rectify", "action": "verify", "days": {"general": 30, "major": 7}}}`))
	if err != nil {
		t.Fatal(err)
	}
	general, _ := w.Rule("verify", false)
	major, _ := w.Rule("verify", true)
	if !sameSet(general.Roles, []string{"insurer", "provider"}) || !sameSet(major.Roles, []string{"regulator"}) {
		t.Errorf("roles by severity: %v / %v", general.Roles, major.Roles)
	}
	if !sameSet(major.NotBy, []string{"rectify"}) || !w.Allows("sign_off", "verified", true) {
		t.Errorf("not_by %v; sign_off after verified: %v", major.NotBy, w.Allows("sign_off", "verified", true))
	}
	if w.FollowUp == nil || w.FollowUp.Days.Of(true) != 7 {
		t.Errorf("follow-up %+v", w.FollowUp)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// The shipped document schedules the return visit (回头看) after verification, by severity; a
// pack's days replace the document's, one severity at a time.
func TestFollowUpDue(t *testing.T) {
	if got := Loop.FollowUpState(true); got != "verified" {
		t.Fatalf("follow-up state %q", got)
	}
	at := time.Date(2026, 3, 1, 23, 30, 0, 0, cst) // late evening in China: still 1 March there
	cases := []struct {
		major    bool
		override Days
		want     string
	}{
		{false, Days{}, "2026-05-30"},
		{true, Days{}, "2026-03-31"},
		{true, Days{General: 60}, "2026-03-31"},
		{false, Days{General: 60}, "2026-04-30"},
		{true, Days{Major: 15}, "2026-03-16"},
	}
	for _, c := range cases {
		due, ok := Loop.FollowUpDue(at.UTC(), c.major, c.override)
		if !ok || due.Format("2006-01-02") != c.want {
			t.Errorf("major=%v override=%+v: %s, want %s", c.major, c.override, due.Format("2006-01-02"), c.want)
		}
	}
	var none Workflow
	if _, ok := none.FollowUpDue(at, false, Days{}); ok || none.FollowUpState(false) != "" {
		t.Error("a document without follow_up schedules nothing")
	}
}

// A written notice of a major hazard names the 主要负责人 and the 实际控制人 (the document's
// recipients); a general one names nobody in particular. A document naming an unknown
// recipient does not parse.
func TestMajorNoticeNamesItsRecipients(t *testing.T) {
	general, _ := Loop.Rule("notify", false)
	major, _ := Loop.Rule("notify", true)
	if len(general.Recipients) != 0 || !sameSet(major.Recipients, []string{"principal", "actual_controller"}) {
		t.Errorf("notify recipients: general %v, major %v", general.Recipients, major.Recipients)
	}
	if r, ok := Loop.Recipient("actual_controller"); !ok || r.Zh != "实际控制人" {
		t.Errorf("actual_controller: %+v %v", r, ok)
	}
	_, err := Parse([]byte(`{"key": "hazard", "initial": "found",
		"states": [{"code": "found", "zh": "已发现", "en": "Found"}, {"code": "notified", "zh": "已告知", "en": "Notified"}],
		"transitions": {"found": ["notified"], "notified": []},
		"recipients": [{"code": "principal", "zh": "主要负责人", "en": "Principal"}],
		"actions": [{"code": "notify", "zh": "告知", "en": "Notify", "to": "notified", "roles": ["insurer"], "major": {"recipients": ["owner"]}}],
		"deadlines": {"general": 15, "major": 30}}`))
	if err == nil {
		t.Error("an unknown recipient parsed")
	}
}
