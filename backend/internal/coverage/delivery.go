package coverage

import (
	"encoding/json"

	"azx/backend/internal/packs"
)

// Delivery against the service plan (issue 17): per policy in force, the visits its enterprise's
// risk grade plans (the packs' service_plan_by_grade) against the booked service reports under it,
// and whether it had its assistance visit (帮扶). The measure is the packs' (packs.Delivery,
// which the policy's ledger reads too); the counts come from the stored reports alone.

// reportPolicy is the slot of a report's policy (-1 for none).
func (x *factIndex) reportPolicy(id []byte) int32 {
	if len(id) == 0 {
		return -1
	}
	return x.polIDs.ofBytes(id, x.growPols)
}

// assistance: the stored service types (a JSON list) hold an assistance visit.
func assistance(raw []byte) bool {
	var types []string
	if len(raw) == 0 || json.Unmarshal(raw, &types) != nil {
		return false
	}
	return packs.IsAssistance(types)
}

// delivered counts one policy's booked reports dated in its period and not after "at".
type delivered struct{ visits, assists int32 }

// delivery counts every policy's delivered visits, once per judge (one pass over the reports).
func (j *judge) delivery() []delivered {
	if j.counts != nil {
		return j.counts
	}
	x := j.x
	j.counts = make([]delivered, len(x.pols))
	for i := range x.reps {
		r := &x.reps[i]
		if !r.live || !r.booked || r.pol < 0 {
			continue
		}
		p := &x.pols[r.pol]
		if p.live && packs.Counts(r.date, p.start, p.end, j.at) {
			j.counts[r.pol].visits++
			if r.assist {
				j.counts[r.pol].assists++
			}
		}
	}
	return j.counts
}

// planned is the visits its enterprise's grade plans over the policy's period (0: no plan).
func (j *judge) planned(p *polFact) int {
	perYear := p.terms.delivery.PlanVisits[j.x.codes.strs[j.x.ents[p.ent].grade]]
	return packs.VisitsPlanned(perYear, p.start, p.end)
}

// visitsDue is how many of them should be delivered by "at".
func (j *judge) visitsDue(p *polFact) int {
	return p.terms.delivery.VisitsDue(j.planned(p), p.start, p.end, j.at)
}

// polBehindPlan: in force, and fewer visits delivered than its plan has due by "at".
func polBehindPlan(j *judge, p *polFact) bool {
	return j.insured(p) && int(j.delivery()[p.slot].visits) < j.visitsDue(p)
}

// polNoAssistance: in force, past the share of its period by which the packs want the
// assistance visits, with fewer of them than asked.
func polNoAssistance(j *judge, p *polFact) bool {
	d := &p.terms.delivery
	return j.insured(p) && d.AssistanceDue(p.start, p.end, j.at) && int(j.delivery()[p.slot].assists) < d.AssistanceVisits
}
