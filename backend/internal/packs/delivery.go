package packs

import (
	"math"

	"azx/backend/internal/vocab"
)

// Delivery against the service plan (事故预防服务方案, issue 17): how the packs in force measure a
// policy's services. The coverage figures and the policy's ledger both read it, so a number in
// the compliance report and the ledger of that policy cannot disagree.
//
//   - The plan is visits a year by the enterprise's risk grade (table service_plan_by_grade, over
//     the server's grade). Over a policy period that is VisitsPlanned: visits a year × the
//     period's length ÷ the longest year, whole visits up, at least one (a one-year period plans
//     the year's visits, a project of a quarter one).
//   - basis pro_rata (table service_delivery): by a day, the share of the period past × the
//     planned visits, rounded down, should be delivered (all of them by the period end); basis
//     period_end: all of them by the period end, none before.
//   - assistance: at least assistance_visits 帮扶 visits (a service type marked assistance in the
//     service_type vocabulary) per period, counted missing once assistance_due_percent of the
//     period is past.
//
// Delivered means booked (a delivered or confirmed report) with its service date inside the
// period and not after the day asked: counts come from the stored reports only.
type Delivery struct {
	PlanVisits         map[string]float64 // risk grade → visits a year; nil: the packs plan nothing
	ProRata            bool
	AssistanceVisits   int     // 0: the packs ask for none
	AssistanceDueShare float64 // share of the period after which a missing assistance visit counts
}

// dayMs is one day in milliseconds; the dates compared are stored dates as Unix milliseconds.
const dayMs = 86400000

// longestYear is a leap year in milliseconds: a calendar year's period plans a year's visits.
const longestYear = 366 * 86400000

// DeliveryOf reads the delivery terms of an effective pack.
func DeliveryOf(e *Effective) Delivery {
	d := Delivery{ProRata: true}
	if e == nil {
		return d
	}
	if plans, ok := e.Tables["service_plan_by_grade"].Value.(map[string]any); ok {
		d.PlanVisits = map[string]float64{}
		for grade, v := range plans {
			if p, ok := v.(map[string]any); ok {
				if n, ok := p["visits"].(float64); ok && n > 0 {
					d.PlanVisits[grade] = n
				}
			}
		}
	}
	if t, ok := e.Tables["service_delivery"].Value.(map[string]any); ok {
		d.ProRata = t["basis"] != "period_end"
		if n, ok := t["assistance_visits"].(float64); ok && n > 0 {
			d.AssistanceVisits = int(n)
		}
		if pct, ok := t["assistance_due_percent"].(float64); ok && pct >= 0 && pct <= 100 {
			d.AssistanceDueShare = pct / 100
		} else {
			d.AssistanceDueShare = 1
		}
	}
	return d
}

// VisitsPlanned is a period's planned visits at perYear visits a year (0 without a plan or a
// valid period).
func VisitsPlanned(perYear float64, start, end int64) int {
	if perYear <= 0 || end <= start {
		return 0
	}
	return max(1, int(math.Ceil(perYear*float64(end-start+dayMs)/longestYear-1e-9)))
}

// past is the share of the period [start, end] (days inclusive) past by the day at (0–1).
func past(start, end, at int64) float64 {
	if end < start || at < start {
		return 0
	}
	if at >= end {
		return 1
	}
	return float64(at-start) / float64(end-start+dayMs)
}

// VisitsDue is how many of a period's planned visits should be delivered by the day at.
func (d Delivery) VisitsDue(planned int, start, end, at int64) int {
	share := past(start, end, at)
	if !d.ProRata {
		if share < 1 {
			return 0
		}
		return planned
	}
	return int(math.Floor(float64(planned)*share + 1e-9))
}

// AssistanceDue: by the day at the period should have had its assistance visits.
func (d Delivery) AssistanceDue(start, end, at int64) bool {
	return d.AssistanceVisits > 0 && end >= start && past(start, end, at) >= d.AssistanceDueShare
}

// Counts: a booked report dated day counts toward the period [start, end] by the day at.
func Counts(day, start, end, at int64) bool {
	return day >= start && day <= end && day <= at
}

// assistanceTypes are the service types that are an assistance visit (帮扶).
var assistanceTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range vocab.ServiceType.With("assistance") {
		m[c] = true
	}
	return m
}()

// IsAssistance: a report of these service types is an assistance visit.
func IsAssistance(types []string) bool {
	for _, t := range types {
		if assistanceTypes[t] {
			return true
		}
	}
	return false
}
