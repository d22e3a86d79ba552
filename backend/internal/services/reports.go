package services

import (
	"encoding/json"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/definitions"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
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
	return validation.Merge(errs, e.Next())
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
