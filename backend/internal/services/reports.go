package services

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// validateReport runs after records has derived the report's columns from its policy.
func validateReport(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	data := decode(r.Get("data"))
	prev := stored.Previous(e.App, r)

	// the provider is judged when a service is recorded and whenever its status moves on
	// (a provider black-listed after planning cannot then deliver)
	if prev == nil || prev.GetString("status") != r.GetString("status") || prev.GetString("provider") != r.GetString("provider") {
		checkProvider(e.App, r, errs)
	}
	checkPolicyNo(e.App, r, data, errs)
	var prevData map[string]any
	if prev != nil {
		prevData = decode(prev.Get("data"))
	}
	checkFoundHazards(e.App, r, data, prevData, errs)
	// judged when a writer books or confirms a service (the seed's history is stored as it was; a
	// server re-save that only copies the policy's parties changes neither)
	if audit.ActorOf(r) != audit.System && (prev == nil || prev.GetString("status") != r.GetString("status") || prev.GetFloat("cost") != r.GetFloat("cost")) {
		checkProof(e.App, r, data, errs)
	}
	return validation.Merge(errs, e.Next())
}

// checkProof: a service both parties confirmed has evidence (photos, sign-in sheets, the signed
// record), and a cost that takes the policy's booked spending beyond its prevention budget says
// why (the reason is shown in the ledger).
func checkProof(app core.App, r *core.Record, data map[string]any, errs validation.Errors) {
	if r.GetString("status") == vocab.ServiceReportStatusConfirmed &&
		len(r.GetStringSlice("evidence"))+len(r.GetUnsavedFiles("evidence")) == 0 {
		validation.Add(errs, "evidence", validation.New("report_evidence_required",
			"双方已确认的服务记录须附证明材料（照片、签到表或签字的服务记录）",
			"A confirmed service report needs evidence (photos, a sign-in sheet or the signed record)"))
	}
	if !slices.Contains(vocab.ServiceReportStatus.With("booked"), r.GetString("status")) || r.GetFloat("cost") <= 0 {
		return
	}
	if reason, _ := data["over_budget_reason"].(string); strings.TrimSpace(reason) != "" {
		return
	}
	var budget float64
	if err := app.DB().Select("prevention_budget").From(Policies).Where(dbx.HashExp{"id": r.GetString("policy")}).Limit(1).Row(&budget); err != nil {
		return // records reports the missing policy
	}
	var others float64
	booked := []any{}
	for _, s := range vocab.ServiceReportStatus.With("booked") {
		booked = append(booked, s)
	}
	_ = app.DB().Select("coalesce(sum(cost), 0)").From(ServiceReports).
		Where(dbx.HashExp{"policy": r.GetString("policy")}).AndWhere(dbx.In("status", booked...)).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Row(&others)
	if remaining := cents(budget - others); r.GetFloat("cost") > remaining {
		validation.Add(errs, "data.over_budget_reason", validation.New("over_budget_reason_required",
			fmt.Sprintf("服务费用 %.2f 元超出该保单剩余的事故预防服务费用 %.2f 元，须说明原因", r.GetFloat("cost"), math.Max(remaining, 0)),
			fmt.Sprintf("The cost %.2f exceeds the policy's remaining prevention budget of %.2f: give the reason", r.GetFloat("cost"), math.Max(remaining, 0))))
	}
}

// checkPolicyNo: the policy number written in the report is its policy's.
func checkPolicyNo(app core.App, r *core.Record, data map[string]any, errs validation.Errors) {
	no, _ := data["policy_no"].(string)
	id := r.GetString("policy")
	if no == "" || id == "" {
		return
	}
	var stored string
	if err := app.DB().Select("policy_no").From(Policies).Where(dbx.HashExp{"id": id}).Limit(1).Row(&stored); err != nil {
		return // records reports the missing policy
	}
	if stored != no {
		validation.Add(errs, "data.policy_no", validation.New("policy_mismatch",
			"保单号与所选保单不一致（所选保单为 "+stored+"）", "The policy number is not the selected policy's ("+stored+")"))
	}
}

// decode reads a record's data as plain JSON values (numbers as float64).
func decode(v any) map[string]any {
	raw := definitions.RawJSON(v)
	if len(raw) == 0 {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	return m
}
