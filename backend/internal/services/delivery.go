package services

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
	"azx/backend/internal/records"
	"azx/backend/internal/vocab"
)

// bookedVisit is one booked report of the policy: its service day and whether it was an
// assistance visit (帮扶).
type bookedVisit struct {
	day        int64 // Unix ms of the stored date
	assistance bool
}

var china = time.FixedZone("CST", 8*3600)

// deliveryOf measures the policy's booked visits against the plan of its enterprise's risk
// grade, by the packs in force for its region on its period start (packs.Delivery: the same
// measure as the coverage figures), as of today in China.
func deliveryOf(app core.App, policy *core.Record, booked []bookedVisit) (Delivery, error) {
	var d Delivery
	ent, err := app.FindRecordById(records.Enterprises, policy.GetString("enterprise"))
	if err != nil {
		return d, nil // the policy's enterprise is gone: nothing to measure against
	}
	d.RiskGrade = ent.GetString("risk_grade")
	start := policy.GetDateTime("period_start")
	end := policy.GetDateTime("period_end")
	if start.IsZero() || end.IsZero() {
		return d, nil
	}
	snap, err := packs.Current(app)
	if err != nil {
		return d, err
	}
	terms := packs.DeliveryOf(snap.Effective(policy.GetString("region_code"), start.Time().Format(time.DateOnly)))
	today, _ := time.Parse(time.DateOnly, time.Now().In(china).Format(time.DateOnly))
	s, e, at := start.Time().UnixMilli(), end.Time().UnixMilli(), today.UnixMilli()

	d.PlanVisits = terms.PlanVisits[d.RiskGrade]
	d.VisitsPlanned = packs.VisitsPlanned(d.PlanVisits, s, e)
	d.VisitsDue = terms.VisitsDue(d.VisitsPlanned, s, e, at)
	d.AssistanceRequired = terms.AssistanceVisits
	for _, v := range booked {
		if packs.Counts(v.day, s, e, at) {
			d.VisitsDelivered++
			if v.assistance {
				d.AssistanceDelivered++
			}
		}
	}
	status := policy.GetString("status")
	inForce := status == vocab.PolicyStatusActive || status == vocab.PolicyStatusExpired
	d.BehindPlan = inForce && d.VisitsDelivered < d.VisitsDue
	d.NoAssistance = inForce && terms.AssistanceDue(s, e, at) && d.AssistanceDelivered < d.AssistanceRequired
	return d, nil
}
