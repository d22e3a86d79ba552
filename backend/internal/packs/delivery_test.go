package packs

import (
	"testing"
	"time"
)

func ms(d string) int64 {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		panic(err)
	}
	return t.UnixMilli()
}

// A year's plan over a year's period, a short project and a two-year one; pro rata whole visits
// (rounded down, all by the period end), or all at the end; the 帮扶 visit from the share asked.
func TestDeliveryMeasure(t *testing.T) {
	for _, c := range []struct {
		perYear    float64
		start, end string
		want       int
	}{
		{4, "2026-01-01", "2026-12-31", 4}, {4, "2024-01-01", "2024-12-31", 4}, {1, "2026-01-01", "2026-12-31", 1},
		{4, "2026-01-01", "2026-03-31", 1}, {2, "2026-01-01", "2027-12-31", 4}, {0, "2026-01-01", "2026-12-31", 0},
		{4, "2026-12-31", "2026-01-01", 0},
	} {
		if got := VisitsPlanned(c.perYear, ms(c.start), ms(c.end)); got != c.want {
			t.Errorf("VisitsPlanned(%v, %s, %s) = %d, want %d", c.perYear, c.start, c.end, got, c.want)
		}
	}
	s, e := ms("2026-01-01"), ms("2026-12-31")
	pro := Delivery{ProRata: true, AssistanceVisits: 1, AssistanceDueShare: 0.5}
	for at, want := range map[string]int{"2025-12-01": 0, "2026-01-01": 0, "2026-04-02": 0, "2026-04-03": 1, "2026-07-02": 1, "2026-10-01": 2, "2026-12-30": 3, "2026-12-31": 4, "2027-06-01": 4} {
		if got := pro.VisitsDue(4, s, e, ms(at)); got != want {
			t.Errorf("pro rata: due by %s = %d, want %d", at, got, want)
		}
	}
	end := Delivery{ProRata: false}
	if end.VisitsDue(4, s, e, ms("2026-12-30")) != 0 || end.VisitsDue(4, s, e, ms("2026-12-31")) != 4 {
		t.Error("period_end: all visits at the end, none before")
	}
	if pro.AssistanceDue(s, e, ms("2026-07-02")) || !pro.AssistanceDue(s, e, ms("2026-07-03")) {
		t.Error("the 帮扶 visit is due from half the period")
	}
	if (Delivery{}).AssistanceDue(s, e, ms("2027-01-01")) {
		t.Error("no assistance visits asked: never due")
	}
	if !Counts(ms("2026-03-10"), s, e, ms("2026-03-10")) || Counts(ms("2026-03-11"), s, e, ms("2026-03-10")) || Counts(ms("2025-12-31"), s, e, ms("2026-06-01")) {
		t.Error("a visit counts inside the period and not after the day asked")
	}
	if !IsAssistance([]string{"01", "08"}) || IsAssistance([]string{"01", "03"}) {
		t.Error("08 is the assistance visit of the vocabulary")
	}
}
