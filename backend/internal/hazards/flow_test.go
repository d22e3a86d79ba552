package hazards

import (
	"testing"
	"time"
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
	for name, a := range Actions {
		for _, target := range []string{a.Target, a.MajorTarget} {
			if target != "" && !Contains(Statuses, target) {
				t.Errorf("%s leads to unknown status %q", name, target)
			}
			if target != "" && name != "overdue" && len(Movers[target]) == 0 {
				t.Errorf("%s leads to %q, which no role may reach", name, target)
			}
		}
		if name != "overdue" && len(a.Roles) == 0 {
			t.Errorf("%s has no role", name)
		}
	}
	if TargetOf("refuse", false) != "" || TargetOf("refuse", true) != "escalated" {
		t.Error("a refusal escalates a major hazard only")
	}
	if TargetOf("overdue", false) != "" || TargetOf("overdue", true) != "escalated" {
		t.Error("an overdue flag escalates a major hazard only")
	}
	for _, s := range Open {
		if !Contains(Next[s], "escalated") {
			t.Errorf("an open hazard (%s) cannot be escalated", s)
		}
	}
}
