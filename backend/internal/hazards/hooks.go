package hazards

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

const (
	hazardsCollection = "hazards"
	eventsCollection  = "hazard_events"
)

func bindHooks(app core.App) {
	// Every hazard event names a known action, its to_status is that action's (a refusal of a
	// major hazard escalates it; of a minor one it is only recorded), and the hazard's status is
	// one the action may be taken in (workflow.json). Model level: seed and the cron job obey it too.
	app.OnRecordValidate(eventsCollection).BindFunc(func(e *core.RecordEvent) error {
		if !e.Record.IsNew() {
			return e.Next()
		}
		errs := validation.Errors{}
		checkAction(e.App, e.Context, e.Record, errs)
		checkRecipientNames(e.Record, errs)
		return validation.Merge(errs, e.Next())
	})

	// Who may post which action through the API, the evidence it needs, and who may not take it.
	app.OnRecordCreateRequest(eventsCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		if err := checkActor(e.App, e.Auth, e.Record); err != nil {
			return err
		}
		return e.Next()
	})

	// The ledger's search and enterprise filter read two columns the server derives, when the
	// row is written: after internal/numbering (priority -20) gave a new hazard its number.
	search := func(e *core.RecordEvent) error {
		fillSearch(e.App, e.Record)
		return e.Next()
	}
	app.OnRecordCreateExecute(hazardsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_hazards_search_create", Priority: searchPriority, Func: search,
	})
	app.OnRecordUpdateExecute(hazardsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_hazards_search_update", Priority: searchPriority, Func: search,
	})
}

// searchPriority: inside the write's transaction, after the number is assigned.
const searchPriority = -10

func checkAction(app core.App, ctx context.Context, ev *core.Record, errs validation.Errors) {
	action := ev.GetString("action")
	if !vocab.HazardAction.Has(action) {
		var known []string
		for _, t := range vocab.HazardAction.Terms {
			known = append(known, t.Zh+" "+t.Code)
		}
		validation.Add(errs, "action", validation.New("hazard_action_unknown",
			"未知的隐患处理动作「"+action+"」（可用："+strings.Join(known, "、")+"）",
			"Unknown hazard action \""+action+"\" ("+strings.Join(vocab.HazardAction.Codes(), ", ")+")"))
		return
	}
	major, status, ok := statusOf(app, ctx, ev.GetString("hazard"))
	if !ok {
		return // records reports the missing hazard
	}
	rule, _ := Loop.Rule(action, major)
	if got := ev.GetString("to_status"); got != rule.To {
		zhWant, enWant := "不改变隐患状态", "leaves the status as it is"
		if rule.To != "" {
			zhWant, enWant = "应将隐患变为「"+vocab.HazardStatus.Zh(rule.To)+"」", "moves the hazard to "+rule.To
		}
		validation.Add(errs, "to_status", validation.New("hazard_action_status",
			"「"+rule.Zh+"」"+zhWant, "The action "+action+" "+enWant))
		return
	}
	// where the action may be taken; a move the loop does not allow is records' hazard_transition
	moveRefused := rule.To != "" && rule.To != status && !Loop.CanMove(status, rule.To)
	if !slices.Contains(rule.From, status) && !moveRefused {
		validation.Add(errs, "action", validation.New("hazard_action_state",
			"隐患处于「"+vocab.HazardStatus.Zh(status)+"」时不能执行「"+rule.Zh+"」",
			"A hazard that is "+status+" cannot take the action "+action))
	}
}

// statusOf is the hazard's severity and its status: as the history being written has moved it,
// else as stored.
func statusOf(app core.App, ctx context.Context, id string) (major bool, status string, ok bool) {
	if h, ok := HistoryOf(ctx, id); ok {
		return h.Major, h.Status, true
	}
	h, err := app.FindRecordById(hazardsCollection, id)
	if err != nil {
		return false, "", false
	}
	return h.GetBool("is_major"), h.GetString("status"), true
}

func checkActor(app core.App, auth *core.Record, ev *core.Record) error {
	if auth == nil || auth.Collection().Name != "users" {
		return nil
	}
	action := ev.GetString("action")
	h, err := app.FindRecordById(hazardsCollection, ev.GetString("hazard"))
	major := err == nil && h.GetBool("is_major")
	rule, known := Loop.Rule(action, major)
	if !known {
		return nil // the validate hook names the unknown action
	}
	role := auth.GetString("role")
	if !slices.Contains(rule.Roles, role) {
		return validation.Errors{"action": validation.New("hazard_action_role",
			vocab.Role.Zh(role)+"不能执行「"+rule.Zh+"」", "A user of role "+role+" cannot "+strings.ToLower(rule.En))}
	}
	if err == nil && !slices.Contains(rule.From, h.GetString("status")) {
		return nil // the validate hook says why the action cannot be taken now
	}
	if rule.Evidence == "required" && len(ev.GetUnsavedFiles("evidence")) == 0 {
		return validation.Errors{"evidence": validation.New("hazard_evidence_required",
			"「"+rule.Zh+"」须上传证明材料（照片或整改报告）",
			"\""+rule.En+"\" needs evidence (photos or a rectification report)")}
	}
	if missing := missingRecipients(ev, rule.Recipients); len(missing) > 0 {
		zh, en := make([]string, len(missing)), make([]string, len(missing))
		for i, r := range missing {
			zh[i], en[i] = r.Zh, strings.ToLower(r.En)
		}
		return validation.Errors{"notified_to": validation.New("hazard_recipient_required",
			"「"+rule.Zh+"」须写明被告知的"+strings.Join(zh, "和")+"姓名",
			"\""+rule.En+"\" must name the "+strings.Join(en, " and the ")+" notified")}
	}
	if err == nil && len(rule.NotBy) > 0 {
		if by := lastActorOrg(app, h.Id, rule.NotBy); by != "" && by == auth.GetString("organization") {
			return validation.Errors{"action": validation.New("hazard_action_not_by",
				"「"+rule.Zh+"」不能由完成前一步骤的同一机构执行",
				"\""+rule.En+"\" cannot be taken by the organization that took the step before")}
		}
	}
	return nil
}

// notifiedTo reads the event's notified_to (recipient code → name); nil when empty or not an object.
func notifiedTo(ev *core.Record) (map[string]any, bool) {
	raw := ev.GetString("notified_to")
	if raw == "" || raw == "null" {
		return nil, true
	}
	var names map[string]any
	if err := json.Unmarshal([]byte(raw), &names); err != nil || names == nil {
		return nil, false
	}
	return names, true
}

// checkRecipientNames: notified_to, when given, names recipients of the workflow by a short name.
func checkRecipientNames(ev *core.Record, errs validation.Errors) {
	names, ok := notifiedTo(ev)
	valid := ok
	for code, v := range names {
		name, isText := v.(string)
		_, known := Loop.Recipient(code)
		if !known || !isText || utf8.RuneCountInString(name) > maxRecipientName {
			valid = false
		}
	}
	if !valid {
		var codes []string
		for _, r := range Loop.Recipients {
			codes = append(codes, r.Code)
		}
		validation.Add(errs, "notified_to", validation.New("hazard_recipient_invalid",
			"被告知人须按"+recipientWords()+"填写姓名（每项不超过100字）",
			"Name the people notified by "+strings.Join(codes, ", ")+" (at most 100 characters each)"))
	}
}

const maxRecipientName = 100

func recipientWords() string {
	var out []string
	for _, r := range Loop.Recipients {
		out = append(out, r.Zh+"（"+r.Code+"）")
	}
	return strings.Join(out, "、")
}

// missingRecipients are the recipients the rule asks for that the event does not name.
func missingRecipients(ev *core.Record, codes []string) []Recipient {
	names, _ := notifiedTo(ev)
	var out []Recipient
	for _, code := range codes {
		if s, _ := names[code].(string); strings.TrimSpace(s) == "" {
			r, _ := Loop.Recipient(code)
			out = append(out, r)
		}
	}
	return out
}

// lastActorOrg is the organization that took the latest of the actions on the hazard ("" if none).
func lastActorOrg(app core.App, hazard string, actions []string) string {
	var orgs []string
	args := make([]any, len(actions))
	for i, a := range actions {
		args[i] = a
	}
	err := app.DB().Select("actor_org").From(eventsCollection).
		Where(dbx.HashExp{"hazard": hazard}).AndWhere(dbx.In("action", args...)).
		OrderBy("created DESC", "id DESC").Limit(1).Column(&orgs)
	if err != nil || len(orgs) == 0 {
		return ""
	}
	return orgs[0]
}

const enterpriseNameSQL = `SELECT "name", "uscc" FROM "enterprises" WHERE "id" = ? LIMIT 1`

// fillSearch derives enterprise_name ("name USCC") and search_text (number, place,
// description, basis, person responsible and the enterprise) from the record.
func fillSearch(app core.App, h *core.Record) {
	ent := ""
	// the two columns alone, by a statement the transaction keeps prepared: a whole record read
	// back (FindRecordById) cost a tenth of a ms, on every hazard written (the writer's time)
	var name, uscc sql.NullString
	if err := stored.ScanRow(app, enterpriseNameSQL, []any{h.GetString("enterprise")}, &name, &uscc); err == nil {
		ent = strings.TrimSpace(name.String + " " + uscc.String)
	}
	parts := []string{ent}
	var data map[string]any
	if err := h.UnmarshalJSONField("data", &data); err == nil {
		for _, k := range []string{"hazard_no", "location", "description", "basis"} {
			if s, ok := data[k].(string); ok {
				parts = append(parts, s)
			}
		}
		if r, ok := data["rectifier"].(map[string]any); ok {
			if s, ok := r["name"].(string); ok {
				parts = append(parts, s)
			}
		}
	}
	h.Set("enterprise_name", ent)
	text := strings.Join(parts, " ")
	if len(text) > 4000 {
		text = text[:4000]
	}
	h.Set("search_text", strings.ToValidUTF8(text, ""))
}
