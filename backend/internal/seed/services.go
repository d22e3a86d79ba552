package seed

import (
	"fmt"
	"math/rand/v2"
	"time"

	"azx/backend/internal/hazards"
	"azx/backend/internal/numbering"
	"azx/backend/internal/vocab"
)

func (p *Plan) reportsAndHazards(rng *rand.Rand) {
	for pi, pol := range p.Policies {
		if !pol.Clause || pol.Status == "cancelled" {
			continue
		}
		n := rng.IntN(3) // services under this policy
		if pol.Status == "expired" {
			n = rng.IntN(2)
		}
		for k := 0; k < n; k++ {
			p.addReport(rng, pi)
		}
	}
}

var certificates = []string{"注册安全工程师", "安全评价师", "高级工程师", "应急救援员", ""}

func (p *Plan) addReport(rng *rand.Rand, pi int) {
	pol := p.Policies[pi]
	e := p.Enterprises[pol.Ent]
	lastDay := pol.End
	if horizon := day(RefDate, 60); lastDay.After(horizon) {
		lastDay = horizon
	}
	span := int(lastDay.Sub(pol.Start).Hours()/24) + 1
	date := day(pol.Start, rng.IntN(max(span, 1)))
	types := []string{pick(rng, pol.Items)}
	if rng.IntN(2) == 0 {
		types = append(types, "03")
	}
	types = sortCodes(types)
	r := Report{
		ID: id("rep", len(p.Reports)+1), No: p.number(ReportPrefix, e.Region, date.Year()),
		Policy: pi, Date: date, Types: types, Form: pick(rng, []string{"onsite", "onsite", "onsite", "remote", "group"}),
		Location: e.Address, Cost: int64(800+rng.IntN(5200)) * 100,
	}
	for _, t := range types {
		r.Summary += serviceSummaries[t]
	}
	staff := 1 + rng.IntN(3)
	for i := 0; i < staff; i++ {
		role := "engineer"
		if i == 0 {
			role = "lead"
		} else if rng.IntN(3) == 0 {
			role = "expert"
		}
		r.Personnel = append(r.Personnel, StaffMember{personName(rng), role, pick(rng, certificates)})
	}
	if types[0] == "01" || types[0] == "05" {
		r.Participants = min(e.Headcount, 10+rng.IntN(200))
	}
	switch {
	case !date.Before(RefDate):
		r.Status = "planned"
	case date.After(day(RefDate, -14)) || rng.IntN(100) < 15:
		r.Status = "delivered"
	default:
		r.Status = "confirmed"
	}
	// the 帮扶 visit (issue 17): two policies in three get it with their first service delivered;
	// the third never does, so the demo has units without one (chosen by position: the random
	// stream, and so every other row, stays as it was)
	if r.Status != "planned" && pi%3 != 0 && !p.assisted(pi) {
		r.Types = append(r.Types, AssistanceType)
		r.Summary += serviceSummaries[AssistanceType]
	}
	ri := len(p.Reports)
	p.Reports = append(p.Reports, r)
	if r.Status == "planned" || !contains(types, "03") {
		return
	}
	found := weighted(rng, []int{0, 1, 2, 3}, func(n int) int { return []int{30, 35, 25, 10}[n] })
	for h := 0; h < found; h++ {
		p.addHazard(rng, ri)
	}
}

// The prefixes of the numbers the server assigns (the x-number hints of the built-in service-report
// and hazard definitions; a test holds them equal).
const (
	ReportPrefix = "FW"
	HazardPrefix = "YH"
)

// number is the next business number of a scope, as the server numbers it (internal/numbering):
// the seed writes its own so that seed 42 always gives the same numbers, and the server's
// sequences continue after them.
func (p *Plan) number(prefix, region string, year int) string {
	scope := numbering.Scope(prefix, region, year)
	p.sequences[scope]++
	return numbering.Format(prefix, region, year, p.sequences[scope])
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// actors of a policy's hazards: the provider's login when one serves it, else the insurer's.
func (p *Plan) serviceActor(pol Policy) string {
	if pol.Provider >= 0 {
		return p.Orgs[pol.Provider].Key + "@azx.demo"
	}
	return p.Orgs[pol.Insurer].Key + "@azx.demo"
}

func (p *Plan) addHazard(rng *rand.Rand, ri int) {
	rep := &p.Reports[ri]
	pol := p.Policies[rep.Policy]
	e := p.Enterprises[pol.Ent]
	in, _ := IndustryByCode(e.Industry)
	t := pick(rng, hazardTemplates)
	found := rep.Date.Add(time.Duration(9*3600+rng.IntN(7*3600)) * time.Second)
	major := rng.IntN(100) < 8
	limit := 7 + rng.IntN(39)
	if major {
		limit = 30 + rng.IntN(61)
		rep.MajorHazards++
	} else {
		rep.Hazards++
	}
	h := Hazard{
		ID: id("haz", len(p.Hazards)+1), No: p.number(HazardPrefix, e.Region, found.Year()),
		Location: t[0], Description: t[1], Basis: t[2], Recommendation: t[3], Category: t[4],
		Report: ri, Policy: rep.Policy, Ent: pol.Ent, Major: major, FoundAt: found,
		Deadline:  time.Date(found.Year(), found.Month(), found.Day()+limit, 0, 0, 0, 0, shanghai),
		Rectifier: Person{personName(rng), mobile(rng)}, Status: hazards.Loop.Initial,
	}
	if major {
		h.Standard = in.Standard
	}
	p.hazardLoop(rng, &h, p.serviceActor(pol))
	p.Hazards = append(p.Hazards, h)
}

// hazardLoop moves a hazard through its closed loop up to a stage that fits its age: recent
// ones are still open, old ones mostly verified, some overdue, overdue major ones escalated.
func (p *Plan) hazardLoop(rng *rand.Rand, h *Hazard, actor string) {
	overdue := h.Deadline.Before(RefDate)
	r := rng.IntN(100)
	var path []string
	switch {
	case !overdue && r < 12:
		path = nil // found, not yet notified
	case !overdue && r < 45:
		path = []string{"notify"}
	case !overdue && r < 70:
		path = []string{"notify", "rectify"}
	case !overdue:
		path = []string{"notify", "rectify", "verify"}
	case r < 3:
		path = nil // overdue and never notified
	case r < 18 && h.Major:
		path = []string{"notify", "escalate"}
	case r < 18:
		path = []string{"notify"} // overdue, not rectified
	case r < 25:
		path = []string{"notify", "rectify", "reopen"}
	case r < 30:
		path = []string{"notify", "rectify", "reopen", "escalate"}
	case r < 36:
		path = []string{"notify", "rectify"} // awaiting verification
	default:
		path = []string{"notify", "rectify", "verify"}
	}
	if h.Major && overdue && len(path) == 1 {
		path = append(path, "escalate") // an overdue major hazard is reported at once
	}
	at := h.FoundAt
	for _, action := range path {
		var step time.Duration
		switch action {
		case "notify":
			step = time.Duration(1+rng.IntN(48)) * time.Hour
		case "rectify":
			step = time.Duration(24*(1+rng.IntN(max(1, int(h.Deadline.Sub(h.FoundAt).Hours()/24)+5)))) * time.Hour
		case "verify", "reopen":
			step = time.Duration(24*(2+rng.IntN(10))) * time.Hour
		case "escalate":
			if at.Before(h.Deadline) {
				at = h.Deadline
			}
			step = time.Duration(24*(1+rng.IntN(5))) * time.Hour
		}
		prevAt := at
		at = at.Add(step)
		if !at.Before(RefDate) { // never in the future: squeeze into the time left
			at = prevAt.Add(RefDate.Sub(prevAt) / 2)
		}
		to := hazards.Loop.Target(action, h.Major)
		who := actor
		if action == "rectify" {
			who = "" // recorded on the enterprise's behalf by the service party, or by its own login
		}
		h.Events = append(h.Events, Event{Action: action, From: h.Status, To: to, Actor: who, At: at, Note: eventNotes[action]})
		h.Status = to
	}
	p.flagOverdue(h, at)
}

// flagOverdue writes the overdue flag the server's sweep would have written: a hazard still not
// rectified past its deadline gets it once, the day after the deadline (or after its last step),
// and a major one is escalated by it. The history is then complete as of RefDate: swept as of
// that day, nothing is left to flag.
func (p *Plan) flagOverdue(h *Hazard, last time.Time) {
	if !h.Deadline.Before(RefDate) || !hazards.Loop.Allows(vocab.HazardActionOverdue, h.Status, h.Major) {
		return
	}
	at := h.Deadline.Add(24 * time.Hour)
	if !last.Before(at) {
		at = last.Add(time.Hour)
	}
	if !at.Before(RefDate) {
		at = last.Add(RefDate.Sub(last) / 2)
	}
	to := hazards.Loop.Target(vocab.HazardActionOverdue, h.Major)
	h.Events = append(h.Events, Event{Action: vocab.HazardActionOverdue, From: h.Status, To: to, At: at, System: true,
		Note: hazards.OverdueNote(date(h.Deadline), h.Major)})
	if to != "" {
		h.Status = to
	}
}

var eventNotes = map[string]string{
	"notify":   "已书面告知企业主要负责人，并送达隐患整改通知书。",
	"rectify":  "企业已按整改建议完成整改，上传整改前后照片。",
	"verify":   "复查确认整改到位，予以销号。",
	"reopen":   "复查发现整改不到位，退回重新整改。",
	"escalate": "逾期未整改，已报告属地应急管理部门和行业主管部门。",
}

// logins picks the first enterprises with an active policy served by a provider and a hazard,
// and gives them an organization, so the enterprise role can be tried in the demo with each of
// its parties (the closed-loop e2e takes enterprise-1's insurer and provider).
func (p *Plan) logins() {
	hasHazard := map[int]bool{}
	for _, h := range p.Hazards {
		hasHazard[h.Ent] = true
	}
	active := map[int]bool{}
	for _, pol := range p.Policies {
		if pol.Status == "active" && pol.Provider >= 0 {
			active[pol.Ent] = true
		}
	}
	n := 0
	for ei := range p.Enterprises {
		if n == p.Config.EnterpriseLogins {
			break
		}
		if !active[ei] || !hasHazard[ei] {
			continue
		}
		n++
		e := &p.Enterprises[ei]
		key := fmt.Sprintf("enterprise-%d", n)
		p.addOrg(Org{Key: key, Name: e.Name, Kind: "enterprise", USCC: e.USCC, Region: e.Region})
		e.OrgKey = key
	}
	add := func(key, name, role, level, scope string) {
		p.Users = append(p.Users, User{ID: id("usr", len(p.Users)+1), Email: key + "@azx.demo", Name: name, Role: role,
			OrgKey: key, ScopeLevel: level, RegionScope: scope})
	}
	add("admin", "平台管理员", "admin", "", "")
	for _, o := range p.Orgs {
		switch o.Kind {
		case "regulator":
			level, scope := "city", o.Region
			if o.Region == Province.Code {
				level = "province"
			} else if CityOf(o.Region) != o.Region {
				level = "county"
			}
			add(o.Key, o.Name, "regulator", level, scope)
		case "insurer", "provider", "enterprise":
			add(o.Key, o.Name, o.Kind, "", "")
		case "authority", "financial_regulator":
			add(o.Key, o.Name, o.Kind, "province", o.Region)
			if o.Key == "authority-construction" {
				p.Users[len(p.Users)-1].IndustryScope = "construction"
			}
		}
	}
}

// AssistanceType is the service type of an assistance visit (帮扶) in the seed: the one the
// service_type vocabulary marks assistance.
var AssistanceType = vocab.ServiceType.With("assistance")[0]

// assisted: a report of the policy already holds the assistance visit (its reports are
// planned one after another, so only the last few can be its own).
func (p *Plan) assisted(pi int) bool {
	for i := len(p.Reports) - 1; i >= 0 && p.Reports[i].Policy == pi; i-- {
		if contains(p.Reports[i].Types, AssistanceType) {
			return true
		}
	}
	return false
}
