// Package claims enforces claims (issue 17): a claim is the report of an accident under one
// policy (definition "claim"); its status, deaths, injuries, seriousness, amounts paid and the
// deadline of its stage are the server's. Claim events (survey, advance payment, settlement,
// refusal) are an append-only history that alone moves a claim, each action as the claim_action
// vocabulary defines it; every payment is checked against the policy's limits. The thresholds
// (what makes an accident serious, the days each stage may take) are the rule packs' tables.
package claims

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

const (
	claimsCollection = records.Claims
	eventsCollection = records.ClaimEvents
)

// cst: a day of an accident or a deadline is a calendar day in China.
var cst = time.FixedZone("CST", 8*3600)

func today() string { return time.Now().In(cst).Format(time.DateOnly) }

// enteredDay is the day r (a new claim or claim event) puts a claim in its stage: today, or for
// a write by the system that dates its row (the demo seed's history, written as of its
// reference date) that row's created day, so a seeded stage's deadline does not depend on the
// day the seed ran. A user's write never dates its own row (created is the server's).
func enteredDay(r *core.Record) string {
	if created := r.GetDateTime("created"); audit.ActorOf(r) == audit.System && !created.IsZero() {
		return created.Time().In(cst).Format(time.DateOnly)
	}
	return today()
}

func validateClaim(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	data, ok := records.ValidatedData(r)
	if r.IsNew() {
		r.Set("status", vocab.ClaimStatusReported)
		r.Set("paid", 0)
		r.Set("advance_paid", 0)
		r.Set("stage_due", "")
	}
	if ok {
		deaths, injured := count(data)
		r.Set("deaths", deaths)
		r.Set("injuries", injured)
		if pol, err := e.App.FindRecordById("policies", r.GetString("policy")); err == nil {
			checkPeriod(r, pol, errs)
			if t := tablesOf(e.App, r); t != nil {
				r.Set("serious", t.serious(deaths, injured))
				if r.IsNew() {
					r.Set("stage_due", t.due(vocab.ClaimStatusReported, enteredDay(r)))
				}
			}
		}
	}
	return validation.Merge(errs, e.Next())
}

// count is the claim's deaths and injured persons (disability or injury) by the outcome
// vocabulary's attributes.
func count(data any) (deaths, injured int) {
	persons, _ := validation.ValueAt(data, []string{"persons"})
	list, _ := persons.([]any)
	for _, p := range list {
		m, _ := p.(map[string]any)
		outcome, _ := m["outcome"].(string)
		switch {
		case vocab.ClaimPersonOutcome.Is(outcome, "death"):
			deaths++
		case vocab.ClaimPersonOutcome.Is(outcome, "injury"):
			injured++
		}
	}
	return deaths, injured
}

// checkPeriod: the accident falls inside the policy's period of insurance, and is not in the future.
func checkPeriod(r, pol *core.Record, errs validation.Errors) {
	day := r.GetString("accident_date")
	if day == "" {
		return
	}
	start, end := dateOf(pol.GetString("period_start")), dateOf(pol.GetString("period_end"))
	if (start != "" && day < start) || (end != "" && day > end) {
		validation.Add(errs, "data.accident_date", validation.New("claim_outside_period",
			"事故日期 "+day+" 不在保单的保险期间（"+start+" 至 "+end+"）内",
			"The accident date "+day+" is outside the policy's period of insurance ("+start+" to "+end+")"))
		return
	}
	if day > today() {
		validation.Add(errs, "data.accident_date", validation.New("claim_future_date",
			"事故日期不能晚于今天", "The accident date cannot be later than today"))
	}
}

// dateOf is the calendar day of a stored date or date column ("2026-01-01 00:00:00.000Z").
func dateOf(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
