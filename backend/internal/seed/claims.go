package seed

import (
	"fmt"
	"math/rand/v2"
	"time"

	"azx/backend/internal/vocab"
)

// Claims (issue 17): accidents reported under some policies, in every state a claim takes (the
// claim_status vocabulary): reported, overdue (reported and never surveyed, past the packs'
// claim_stage_days as of the reference date), surveyed, advance-paid (a serious accident),
// settled and declined. Their steps are claim events written by the system and dated, so each
// stage's deadline counts from its own day (internal/claims: enteredDay), not the day the seed
// ran. Drawn from their own random stream: every other row stays as it was.

// Claim is one accident under a policy and the steps the insurer took.
type Claim struct {
	ID, No             string
	Policy             int
	Accident, Reported time.Time
	Place, Description string
	Persons            []ClaimPerson
	Rescue             int64 // fen
	Steps              []ClaimStep
}

// ClaimPerson is a person killed or injured.
type ClaimPerson struct{ Name, Party, Outcome string }

// ClaimStep is one claim event: an action of the claim_action vocabulary, its day and payments.
type ClaimStep struct {
	Action   string
	At       time.Time
	Note     string
	Payments []ClaimPayment
}

// ClaimPayment is paid under a head of the statutory cover, to a person of the claim (or -1).
type ClaimPayment struct {
	Head   string
	Person int
	Amount int64 // fen
}

// ClaimPrefix is the prefix of claim numbers (the x-number hint of the claim definition).
const ClaimPrefix = "LP"

// claimEvery: one policy in claimEvery has an accident (about 170 claims at 5,000 enterprises).
const claimEvery = 37

// claimKinds are the states the demo's claims end in, in turn.
var claimKinds = []string{"reported", "overdue", "surveyed", "advance_paid", "settled", "declined"}

var accidents = []struct{ place, description string }{
	{"二号车间反应釜区", "反应釜检修时物料泄漏引发闪爆，造成人员伤亡。"},
	{"成品仓库装卸区", "叉车装卸作业时货物倒塌，砸伤作业人员。"},
	{"施工现场三号楼脚手架", "作业人员未系安全带从脚手架坠落。"},
	{"厂区配电房", "检修人员带电作业触电受伤。"},
	{"危化品储罐区", "储罐清洗作业时有限空间中毒窒息。"},
}

func (p *Plan) claims() {
	rng := rand.New(rand.NewPCG(p.Config.Seed, 0xc1a1_5eed))
	last := day(RefDate, -25)
	for pi, pol := range p.Policies {
		if pi%claimEvery != 5 || (pol.Status != vocab.PolicyStatusActive && pol.Status != vocab.PolicyStatusExpired) || !pol.Start.Before(last) {
			continue
		}
		end := pol.End
		if end.After(last) {
			end = last
		}
		span := int(end.Sub(pol.Start).Hours()/24) + 1
		kind := claimKinds[len(p.Claims)%len(claimKinds)]
		a := accidents[rng.IntN(len(accidents))]
		c := Claim{ID: id("clm", len(p.Claims)+1), Policy: pi, Place: a.place, Description: a.description, Rescue: int64(5000+rng.IntN(20000)) * 100}
		c.Accident = day(pol.Start, rng.IntN(max(span, 1)))
		c.Reported = day(c.Accident, 1)
		if kind == "reported" { // reported the day before the reference date: not yet due
			c.Reported = day(RefDate, -1)
		}
		c.No = p.number(ClaimPrefix, p.Enterprises[pol.Ent].Region, c.Accident.Year())
		serious := kind == "advance_paid" || kind == "settled"
		if serious {
			c.Persons = append(c.Persons, ClaimPerson{personName(rng), "employee", "death"})
		}
		c.Persons = append(c.Persons, ClaimPerson{personName(rng), "employee", "injury"})
		injury := int64(8000+rng.IntN(12000)) * 100
		if pol.Medical > 0 && injury > pol.Medical {
			injury = pol.Medical
		}
		advance := pol.Cover / 4
		survey := ClaimStep{Action: "survey", At: day(c.Reported, 1)}
		switch kind {
		case "surveyed":
			c.Steps = []ClaimStep{survey}
		case "advance_paid":
			c.Steps = []ClaimStep{survey, {Action: "advance_payment", At: day(c.Reported, 3), Payments: []ClaimPayment{{"employee_injury", 0, advance}}}}
		case "settled":
			c.Steps = []ClaimStep{survey,
				{Action: "advance_payment", At: day(c.Reported, 3), Payments: []ClaimPayment{{"employee_injury", 0, advance}}},
				{Action: "settle", At: day(c.Reported, 12), Payments: []ClaimPayment{
					{"employee_injury", 0, pol.Cover - advance}, {"employee_injury", 1, injury}, {"rescue", -1, c.Rescue}}}}
		case "declined":
			c.Steps = []ClaimStep{survey, {Action: "decline", At: day(c.Reported, 5), Note: "事故发生在保单约定的作业场所之外，不属于保险责任（演示数据）"}}
		}
		p.Claims = append(p.Claims, c)
	}
}

// ClaimData is the claim definition's record for c.
func (p *Plan) ClaimData(c Claim) map[string]any {
	persons := make([]any, len(c.Persons))
	for i, x := range c.Persons {
		persons[i] = map[string]any{"name": x.Name, "party": x.Party, "outcome": x.Outcome}
	}
	return map[string]any{
		"claim_no": c.No, "accident_date": date(c.Accident), "place": c.Place, "description": c.Description,
		"persons": persons, "rescue": float64(c.Rescue) / 100,
	}
}

// claimPayments is a step's payments as the claim event stores them (yuan).
func claimPayments(s ClaimStep) []any {
	out := make([]any, len(s.Payments))
	for i, pay := range s.Payments {
		m := map[string]any{"head": pay.Head, "amount": float64(pay.Amount) / 100}
		if pay.Person >= 0 {
			m["person"] = pay.Person
		}
		out[i] = m
	}
	return out
}

// claim writes a claim and then its events, which move it through its stages.
func (w *writer) claim(p *Plan, i int) (int, error) {
	c := p.Claims[i]
	pol := p.Policies[c.Policy]
	r := w.business("claims", c.ID, "claim", p.ClaimData(c))
	r.Set("policy", pol.ID)
	r.SetRaw("created", at(c.Reported.Add(10*time.Hour)))
	if err := save(w.app, r, c.No); err != nil {
		return 0, err
	}
	for k, s := range c.Steps {
		e := w.record("claim_events", fmt.Sprintf("ce%s%d", c.ID[3:], k))
		e.Set("claim", c.ID)
		e.Set("action", s.Action)
		e.Set("note", s.Note)
		if len(s.Payments) > 0 {
			e.Set("payments", claimPayments(s))
		}
		e.SetRaw("created", at(s.At.Add(15*time.Hour)))
		if err := save(w.app, e, fmt.Sprintf("%s %s", c.No, s.Action)); err != nil {
			return 0, err
		}
	}
	return 1 + len(c.Steps), nil
}
