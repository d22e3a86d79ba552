package hazards

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

const (
	hazardsCollection = "hazards"
	eventsCollection  = "hazard_events"
)

func bindHooks(app core.App) {
	// Every hazard event names a known action, and its to_status is that action's (a refusal of
	// a major hazard escalates it; of a minor one it is only recorded). Model level: seed and
	// the cron job obey it too.
	app.OnRecordValidate(eventsCollection).BindFunc(func(e *core.RecordEvent) error {
		if !e.Record.IsNew() {
			return e.Next()
		}
		errs := validation.Errors{}
		checkAction(e.App, e.Record, errs)
		return merge(errs, e.Next())
	})

	// Who may post which action through the API, and the evidence a major rectification needs.
	app.OnRecordCreateRequest(eventsCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		if err := checkActor(e.App, e.Auth, e.Record); err != nil {
			return err
		}
		return e.Next()
	})

	// The ledger's search and enterprise filter read two columns the server derives.
	app.OnRecordValidate(hazardsCollection).BindFunc(func(e *core.RecordEvent) error {
		fillSearch(e.App, e.Record)
		return e.Next()
	})
}

func checkAction(app core.App, ev *core.Record, errs validation.Errors) {
	action := ev.GetString("action")
	a, known := Actions[action]
	if !known {
		validation.Add(errs, "action", validation.New("hazard_action_unknown",
			"未知的隐患处理动作「"+action+"」（可用：告知 notify、整改 rectify、复查 verify、退回 reopen、上报 escalate、拒不整改 refuse、备注 note）",
			"Unknown hazard action \""+action+"\" (notify, rectify, verify, reopen, escalate, refuse, note)"))
		return
	}
	h, err := app.FindRecordById(hazardsCollection, ev.GetString("hazard"))
	if err != nil {
		return // records reports the missing hazard
	}
	want := TargetOf(action, h.GetBool("is_major"))
	if got := ev.GetString("to_status"); got != want {
		zhWant, enWant := "不改变隐患状态", "leaves the status as it is"
		if want != "" {
			zhWant, enWant = "应将隐患变为「"+StatusZh[want]+"」", "moves the hazard to "+want
		}
		validation.Add(errs, "to_status", validation.New("hazard_action_status",
			"「"+a.Zh+"」"+zhWant, "The action "+action+" "+enWant))
	}
}

func checkActor(app core.App, auth *core.Record, ev *core.Record) error {
	if auth == nil || auth.Collection().Name != "users" {
		return nil
	}
	action := ev.GetString("action")
	a, known := Actions[action]
	if !known {
		return nil // the validate hook names the unknown action
	}
	role := auth.GetString("role")
	if !Contains(a.Roles, role) {
		return validation.Errors{"action": validation.New("hazard_action_role",
			RoleZh[role]+"不能执行「"+a.Zh+"」", "A user of role "+role+" cannot "+a.En)}
	}
	if action == "rectify" && len(ev.GetUnsavedFiles("evidence")) == 0 {
		if h, err := app.FindRecordById(hazardsCollection, ev.GetString("hazard")); err == nil && h.GetBool("is_major") {
			return validation.Errors{"evidence": validation.New("hazard_evidence_required",
				"重大事故隐患整改须上传整改证明材料（照片或整改报告）",
				"Rectifying a major hazard needs evidence (photos or a rectification report)")}
		}
	}
	return nil
}

// fillSearch derives enterprise_name ("name USCC") and search_text (number, place,
// description, basis, person responsible and the enterprise) from the record.
func fillSearch(app core.App, h *core.Record) {
	ent := ""
	if e, err := app.FindRecordById("enterprises", h.GetString("enterprise")); err == nil {
		ent = strings.TrimSpace(e.GetString("name") + " " + e.GetString("uscc"))
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

// merge returns errs with the field errors of next added where errs has none.
func merge(errs validation.Errors, next error) error {
	if len(errs) == 0 {
		return next
	}
	if more, ok := next.(validation.Errors); ok {
		for k, v := range more {
			if _, taken := errs[k]; !taken {
				errs[k] = v
			}
		}
	}
	return errs
}
