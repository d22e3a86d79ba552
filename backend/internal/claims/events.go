package claims

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// payment is one item of a claim event's payments: an amount under a head of the statutory
// cover, to a person of the claim (its index in data.persons) for the heads of persons.
type payment struct {
	Head   string  `json:"head"`
	Person *int    `json:"person,omitempty"`
	Amount float64 `json:"amount"`
}

// action is a claim_action term read through its attributes.
type action struct{ code string }

func (a action) from() []string {
	s, _ := vocab.ClaimAction.Attr(a.code, "from").(string)
	return strings.Fields(s)
}
func (a action) to() string { s, _ := vocab.ClaimAction.Attr(a.code, "to").(string); return s }
func (a action) roles() []string {
	s, _ := vocab.ClaimAction.Attr(a.code, "roles").(string)
	return strings.Fields(s)
}
func (a action) is(attr string) bool { return vocab.ClaimAction.Is(a.code, attr) }

func validateEvent(e *core.RecordEvent) error {
	ev := e.Record
	if !ev.IsNew() {
		// append-only: nothing, not even code, rewrites a claim event
		return validation.Errors{"claim": validation.New("event_immutable",
			"理赔处理记录一经保存不能修改", "A claim event can never be changed")}
	}
	errs := validation.Errors{}
	claim, err := e.App.FindRecordById(claimsCollection, ev.GetString("claim"))
	if err != nil {
		validation.Add(errs, "claim", validation.New("relation_not_found", "理赔案件不存在", "The claim does not exist"))
		return validation.Merge(errs, e.Next())
	}
	for _, c := range []string{"insurer", "enterprise_org", "region_code", "city_code", "province_code", "industry"} {
		ev.Set(c, claim.Get(c))
	}
	ev.Set("from_status", claim.GetString("status"))
	if audit.ActorOf(ev) != audit.System {
		ev.Set("actor", audit.UserID(ev))
	}
	role, org := "", ""
	if u, err := e.App.FindRecordById("users", ev.GetString("actor")); err == nil {
		role, org = u.GetString("role"), u.GetString("organization")
	}
	ev.Set("actor_role", role)
	ev.Set("actor_org", org)

	code := ev.GetString("action")
	if !vocab.ClaimAction.Has(code) {
		var known []string
		for _, t := range vocab.ClaimAction.Terms {
			known = append(known, t.Zh+" "+t.Code)
		}
		validation.Add(errs, "action", validation.New("claim_action_unknown",
			"未知的理赔处理环节「"+code+"」（可用："+strings.Join(known, "、")+"）",
			"Unknown claim action \""+code+"\" ("+strings.Join(vocab.ClaimAction.Codes(), ", ")+")"))
		return validation.Merge(errs, e.Next())
	}
	a := action{code}
	if to := ev.GetString("to_status"); to == "" {
		ev.Set("to_status", a.to())
	} else if to != a.to() {
		validation.Add(errs, "to_status", validation.New("claim_action_status",
			"「"+vocab.ClaimAction.Zh(code)+"」应将案件变为「"+vocab.ClaimStatus.Zh(a.to())+"」",
			"The action "+code+" moves the claim to "+a.to()))
	}
	status := claim.GetString("status")
	if !slices.Contains(a.from(), status) {
		validation.Add(errs, "action", validation.New("claim_action_state",
			"案件处于「"+vocab.ClaimStatus.Zh(status)+"」时不能「"+vocab.ClaimAction.Zh(code)+"」",
			"A claim that is "+status+" cannot take the action "+code))
	}
	if a.is("serious") && !claim.GetBool("serious") {
		validation.Add(errs, "action", validation.New("claim_not_serious",
			"只有较大伤亡的事故（规则包 serious_accident）才能预赔付",
			"Only a serious accident (the packs' serious_accident) is paid in advance"))
	}
	if a.is("note") && strings.TrimSpace(ev.GetString("note")) == "" {
		validation.Add(errs, "note", validation.New("claim_note_required",
			"「"+vocab.ClaimAction.Zh(code)+"」须写明理由", "\""+vocab.ClaimAction.En(code)+"\" needs a note saying why"))
	}
	checkPayments(e.App, ev, claim, a, errs)
	return validation.Merge(errs, e.Next())
}

// checkPayments: an action that pays carries payments, each under a head of the statutory cover
// of the packs in force, a person's head to a person of that party; every person is paid within
// the policy's limit per person, every other head within what the claim claims under it, and
// all claims of the policy together within its aggregate (the limit per person × insured
// persons: everyone is insured at the same sum). Sets the event's amount.
func checkPayments(app core.App, ev, claim *core.Record, a action, errs validation.Errors) {
	var list []payment
	raw := definitions.RawJSON(ev.Get("payments"))
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &list); err != nil {
			validation.Add(errs, "payments", validation.New("claim_payments_invalid",
				"赔付明细格式不正确：应为 [{head, person, amount}]", "Payments must be a list of {head, person, amount}"))
			return
		}
	}
	if !a.is("pays") {
		if len(list) > 0 {
			validation.Add(errs, "payments", validation.New("claim_payments_not_allowed",
				"「"+vocab.ClaimAction.Zh(a.code)+"」不支付赔款", "\""+vocab.ClaimAction.En(a.code)+"\" pays nothing"))
		}
		ev.Set("amount", 0)
		return
	}
	if len(list) == 0 {
		validation.Add(errs, "payments", validation.New("claim_payments_required",
			"「"+vocab.ClaimAction.Zh(a.code)+"」须列明赔付明细", "\""+vocab.ClaimAction.En(a.code)+"\" needs its payments"))
		return
	}
	pol, err := app.FindRecordById("policies", claim.GetString("policy"))
	if err != nil {
		return
	}
	t := tablesOf(app, claim)
	var data map[string]any
	_ = claim.UnmarshalJSONField("data", &data)
	persons, _ := data["persons"].([]any)

	// what was paid before on this claim, by person and by head (in fen)
	paidPerson, paidHead := map[int]int64{}, map[string]int64{}
	for _, prior := range priorPayments(app, claim.Id) {
		add(prior, paidPerson, paidHead)
	}
	var total int64
	for i, p := range list {
		at := fmt.Sprintf("payments.%d", i)
		fen := int64(math.Round(p.Amount * 100))
		if p.Amount <= 0 || math.Abs(p.Amount*100-float64(fen)) > 1e-6 {
			validation.Add(errs, at+".amount", validation.New("claim_payment_amount",
				"赔付金额须大于 0，精确到分", "A payment must be more than 0, to the fen"))
			continue
		}
		if t != nil && !t.heads[p.Head] {
			validation.Add(errs, at+".head", validation.New("claim_payment_head",
				"「"+p.Head+"」不是法定保障范围内的项目", "\""+p.Head+"\" is not a head of the statutory cover"))
			continue
		}
		personHead := slices.ContainsFunc(vocab.ClaimParty.Terms, func(term vocab.Term) bool { return term.Attrs["head"] == p.Head })
		if personHead {
			person, ok := personAt(persons, p.Person)
			party, _ := person["party"].(string)
			if !ok || vocab.ClaimParty.Attr(party, "head") != p.Head {
				validation.Add(errs, at+".person", validation.New("claim_payment_person",
					"「"+p.Head+"」的赔款须付给案件中相应类别的伤亡人员", "A payment under \""+p.Head+"\" goes to a person of the claim of that party"))
				continue
			}
			limit := personLimit(pol, person)
			paidPerson[*p.Person] += fen
			if paidPerson[*p.Person] > limit {
				name, _ := person["name"].(string)
				validation.Add(errs, at+".amount", validation.New("claim_over_person_limit",
					name+"的累计赔款 "+yuan(paidPerson[*p.Person])+" 元超过每人限额 "+yuan(limit)+" 元",
					"Paid to "+name+" in all "+yuan(paidPerson[*p.Person])+" yuan, over the limit per person of "+yuan(limit)+" yuan"))
				continue
			}
		} else {
			claimed := int64(math.Round(number(data[p.Head]) * 100))
			paidHead[p.Head] += fen
			if paidHead[p.Head] > claimed {
				validation.Add(errs, at+".amount", validation.New("claim_over_claimed",
					"「"+p.Head+"」累计赔款 "+yuan(paidHead[p.Head])+" 元超过报案列明的 "+yuan(claimed)+" 元",
					"Paid under \""+p.Head+"\" in all "+yuan(paidHead[p.Head])+" yuan, over the "+yuan(claimed)+" yuan the claim states"))
				continue
			}
		}
		total += fen
	}
	ev.Set("amount", float64(total)/100)
	aggregate := int64(math.Round(pol.GetFloat("cover_per_person")*100)) * int64(pol.GetInt("insured_persons"))
	if before := policyPaid(app, pol.Id); aggregate > 0 && before+total > aggregate {
		validation.Add(errs, "payments", validation.New("claim_over_aggregate",
			"保单累计赔款 "+yuan(before+total)+" 元超过累计限额 "+yuan(aggregate)+" 元（每人限额 × 参保人数）",
			"All payments under the policy, "+yuan(before+total)+" yuan, exceed its aggregate limit of "+yuan(aggregate)+" yuan (limit per person × insured persons)"))
	}
}

func add(p payment, byPerson map[int]int64, byHead map[string]int64) {
	fen := int64(math.Round(p.Amount * 100))
	if p.Person != nil && slices.ContainsFunc(vocab.ClaimParty.Terms, func(t vocab.Term) bool { return t.Attrs["head"] == p.Head }) {
		byPerson[*p.Person] += fen
	} else {
		byHead[p.Head] += fen
	}
}

func priorPayments(app core.App, claimID string) []payment {
	events, _ := app.FindAllRecords(eventsCollection, dbx.HashExp{"claim": claimID})
	var out []payment
	for _, ev := range events {
		var list []payment
		if ev.UnmarshalJSONField("payments", &list) == nil {
			out = append(out, list...)
		}
	}
	return out
}

// policyPaid is what every claim of the policy has been paid so far, in fen.
func policyPaid(app core.App, policyID string) int64 {
	var sum float64
	_ = app.DB().Select("COALESCE(SUM(paid), 0)").From(claimsCollection).Where(dbx.HashExp{"policy": policyID}).Row(&sum)
	return int64(math.Round(sum * 100))
}

func personAt(persons []any, index *int) (map[string]any, bool) {
	if index == nil || *index < 0 || *index >= len(persons) {
		return nil, false
	}
	m, ok := persons[*index].(map[string]any)
	return m, ok
}

// personLimit: death and disability within the death and disability limit per person; an
// injury within the medical limit per person where the policy has one.
func personLimit(pol *core.Record, person map[string]any) int64 {
	limit := pol.GetFloat("cover_per_person")
	outcome, _ := person["outcome"].(string)
	if !vocab.ClaimPersonOutcome.Is(outcome, "limit") {
		var data map[string]any
		_ = pol.UnmarshalJSONField("data", &data)
		if m := number(data["medical_per_person"]); m > 0 {
			limit = m
		}
	}
	return int64(math.Round(limit * 100))
}

func number(v any) float64 {
	f, _ := v.(float64)
	return f
}

func yuan(fen int64) string {
	return strconv.FormatFloat(float64(fen)/100, 'f', 2, 64)
}

// checkActor: who may post the action through the API, and the documents it needs.
func checkActor(e *core.RecordRequestEvent) error {
	if e.Auth == nil || e.Auth.Collection().Name != "users" {
		return e.Next()
	}
	code := e.Record.GetString("action")
	if !vocab.ClaimAction.Has(code) {
		return e.Next() // the validate hook names the unknown action
	}
	a := action{code}
	role := e.Auth.GetString("role")
	if !slices.Contains(a.roles(), role) {
		return validation.Errors{"action": validation.New("claim_action_role",
			vocab.Role.Zh(role)+"不能「"+vocab.ClaimAction.Zh(code)+"」", "A user of role "+role+" cannot take the action "+code)}
	}
	if a.is("documents") && len(e.Record.GetUnsavedFiles("documents")) == 0 {
		return validation.Errors{"documents": validation.New("claim_documents_required",
			"「"+vocab.ClaimAction.Zh(code)+"」须上传单证（查勘报告、赔款计算书等）",
			"\""+vocab.ClaimAction.En(code)+"\" needs its documents (survey report, settlement statement…)")}
	}
	return e.Next()
}

// moveClaim moves the claim in the event's transaction: its status, what was paid (in advance)
// and the deadline of its new stage.
func moveClaim(e *core.RecordEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	claim, err := e.App.FindRecordById(claimsCollection, e.Record.GetString("claim"))
	if err != nil {
		return err
	}
	to, amount := e.Record.GetString("to_status"), e.Record.GetFloat("amount")
	claim.Set("status", to)
	claim.Set("paid", math.Round((claim.GetFloat("paid")+amount)*100)/100)
	if e.Record.GetString("action") == vocab.ClaimActionAdvancePayment {
		claim.Set("advance_paid", math.Round((claim.GetFloat("advance_paid")+amount)*100)/100)
	}
	due := ""
	if t := tablesOf(e.App, claim); t != nil {
		due = t.due(to, enteredDay(e.Record))
	}
	claim.Set("stage_due", due)
	audit.SetActor(claim, audit.ActorOf(e.Record))
	defer audit.ClearActor(claim)
	return e.App.SaveWithContext(records.ServerSave(e.Context), claim)
}
