package coverage

import (
	"database/sql"
	"math"
	"testing"
)

// lossWorld is a fact index of two Shaoxing counties, two insurers and two industries, each
// policy from 2026-01-01 to 2026-12-31 (364 days between the stored midnights: 2026-07-02 is
// exactly half).
func lossWorld(t *testing.T) *factIndex {
	t.Helper()
	x := newFactIndex()
	pol := func(id, county, industry, insurer, status string, premium, persons, cover float64) {
		x.install("policies", &factRow{rid: id, no: id, prov: raw("330000"), city: raw("330600"), reg: raw(county), ind: raw(industry),
			ent: raw("e-" + id), ins: raw(insurer), status: raw(status),
			d1: raw("2026-01-01 00:00:00.000Z"), d2: raw("2026-12-31 00:00:00.000Z"), d3: raw("2026-01-02 00:00:00.000Z"),
			n1: persons, n2: persons, n3: premium, n4: premium / 5, n5: cover})
	}
	claim := func(id, county, industry, insurer, day string, paid float64) {
		x.install("claims", &factRow{rid: id, prov: raw("330000"), city: raw("330600"), reg: raw(county), ind: raw(industry),
			ins: raw(insurer), d1: raw(day), n1: paid})
	}
	pol("p1", "330602", "hazardous_chemicals", "insA", "active", 36400, 10, 500000)
	pol("p2", "330603", "construction", "insB", "active", 72800, 20, 400000)
	pol("p3", "330603", "construction", "insB", "cancelled", 99999, 5, 400000) // earns nothing
	claim("c1", "330602", "hazardous_chemicals", "insA", "2026-03-01", 20000)
	claim("c2", "330602", "hazardous_chemicals", "insA", "2026-04-01", 0) // reported, nothing paid yet
	claim("c3", "330603", "construction", "insB", "2025-12-20", 5000)     // before the window asked below
	x.loaded = true
	return x
}

func raw(s string) sql.RawBytes { return sql.RawBytes(s) }

func near(t *testing.T, label string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s: got %v, want %v", label, got, want)
	}
}

func TestLossFigures(t *testing.T) {
	x := lossWorld(t)
	// "at" half-way through the period: 182 of 364 days elapsed
	half := Query{Region: "330600", At: "2026-07-02 00:00:00.000Z", MinSharePct: -1}
	byCounty := x.tally(half, byRegion)
	a, b := byCounty["330602"], byCounty["330603"]
	for _, f := range []*Figures{a, b} {
		f.finish()
	}
	if a.Claims != 2 || a.ClaimsPaidN != 1 || a.ClaimsPaid != 20000 {
		t.Fatalf("county 330602: claims %d, paid %d for %v", a.Claims, a.ClaimsPaidN, a.ClaimsPaid)
	}
	near(t, "earned premium, half the period", &a.EarnedPremium, 18200)
	near(t, "loss ratio = paid / earned premium", a.LossRatio, 20000.0/18200)
	near(t, "pure loss rate = paid / earned sum insured", a.PureLossRate, 20000.0/(500000*10*0.5))
	near(t, "a cancelled policy earns nothing", &b.EarnedPremium, 36400)
	near(t, "county 330603", b.LossRatio, 5000.0/36400)

	// a year's window: the accident of 2025 is out, a whole year earned (at after the end)
	year := Query{Region: "330600", At: "2027-03-01 00:00:00.000Z", MinSharePct: -1,
		From: "2025-12-31 16:00:00.000Z", To: "2026-12-31 15:59:59.999Z"}
	byInsurerYear := x.tally(year, byInsurer)
	if f := byInsurerYear["insB"]; f.Claims != 0 || f.ClaimsPaid != 0 {
		t.Errorf("insurer B in 2026: %d claims, %v paid; its only claim was in 2025", f.Claims, f.ClaimsPaid)
	}
	insA := byInsurerYear["insA"]
	insA.finish()
	near(t, "insurer A over 2026", insA.LossRatio, 20000.0/36400)

	// by industry, and the list behind the figure names the paid claim only
	byIndustry := x.tally(half, byIndustry)
	if f := byIndustry["construction"]; f.ClaimsPaid != 5000 {
		t.Errorf("construction: paid %v, want 5000", f.ClaimsPaid)
	}
	ids, total := x.list(half, "claim", "claims_paid", 0, 10)
	if total != 2 || len(ids) != 2 || ids[0] != "c3" || ids[1] != "c1" {
		t.Errorf("claims paid listed %v (%d), want c3 then c1 by accident day", ids, total)
	}
	if ids, total := x.list(Query{Region: "330600", At: half.At, MinSharePct: -1, Insurer: "insA"}, "claim", "claims", 0, 10); total != 2 || ids[0] != "c1" {
		t.Errorf("insurer A's claims: %v (%d)", ids, total)
	}

	// a payment moves the figure; a deleted claim leaves it
	x.remove("claims", "c1")
	x.install("claims", &factRow{rid: "c1", prov: raw("330000"), city: raw("330600"), reg: raw("330602"), ind: raw("hazardous_chemicals"),
		ins: raw("insA"), d1: raw("2026-03-01"), n1: 30000})
	if f := x.tally(half, byTotal)[""]; f.ClaimsPaid != 35000 {
		t.Errorf("after a further payment: paid %v, want 35000", f.ClaimsPaid)
	}
	x.remove("claims", "c3")
	if f := x.tally(half, byTotal)[""]; f.ClaimsPaid != 30000 || f.Claims != 2 {
		t.Errorf("after a deletion: %d claims, paid %v", f.Claims, f.ClaimsPaid)
	}
}

func TestAccidentDayIsAChinaCalendarDay(t *testing.T) {
	// 2026-01-01 in China begins at 2025-12-31 16:00 UTC: inside a window from 2026-01-01
	if got, want := accidentMs([]byte("2026-01-01")), dateMs("2025-12-31 16:00:00.000Z"); got != want {
		t.Errorf("accident day: %d, want %d", got, want)
	}
	if accidentMs(nil) != noDate || accidentMs([]byte("2026-13-01")) != badDate {
		t.Error("an empty or invalid day is neither a date nor comparable")
	}
}
