package packs

import (
	"slices"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/records"
	"azx/backend/internal/validation"
)

// BindEnterprises derives an enterprise's must_insure (应保, the 应保未保 figure's base) from its
// industry and the must_insure_industries table of the packs in force for its region today. A
// writer may set it otherwise only with data.must_insure_override: the value and a recorded reason
// (the enterprise collection is written by the regulators of its region). A must_insure in the
// record that differs from the derived value without an override is refused. The system (the
// demo seed) goes through the same derivation; its overrides carry their reasons too.
func BindEnterprises(app core.App) {
	app.OnRecordValidate("enterprises").Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "azx_packs_must_insure",
		Priority: 10,
		Func: func(e *core.RecordEvent) error {
			return validation.Merge(deriveMustInsure(e.App, e.Record), e.Next())
		},
	})
}

func deriveMustInsure(app core.App, r *core.Record) validation.Errors {
	errs := validation.Errors{}
	data, ok := records.ValidatedData(r)
	record, _ := data.(map[string]any)
	if !ok || record == nil {
		return errs // the records hook reports the data
	}
	snap, err := Current(app)
	if err != nil {
		validation.Add(errs, "data", unavailable(err))
		return errs
	}
	day := time.Now().In(chinaTime).Format(time.DateOnly)
	derived := mustInsureIndustry(snap.Effective(r.GetString("region_code"), day), r.GetString("industry"))
	if o, ok := record["must_insure_override"].(map[string]any); ok {
		value, _ := o["value"].(bool)
		r.Set("must_insure", value)
		return errs
	}
	if sent, ok := record["must_insure"].(bool); ok && sent != derived {
		zh, en := "否", "not"
		if derived {
			zh, en = "是", "must"
		}
		validation.Add(errs, "data.must_insure", validation.New("must_insure_derived",
			"是否应当投保由行业和规则包确定（该行业："+zh+"）；如需调整，请填写“监管调整”及原因",
			"Whether the unit must insure follows from its industry and the rule packs (this industry: "+en+" insure); to set it otherwise, give an override with its reason"))
	}
	r.Set("must_insure", derived)
	return errs
}

// mustInsureIndustry: the industry is on the effective pack's must_insure_industries list.
func mustInsureIndustry(eff *Effective, industry string) bool {
	t, ok := eff.Tables["must_insure_industries"]
	if !ok || industry == "" {
		return false
	}
	list, _ := t.Value.([]any)
	return slices.ContainsFunc(list, func(v any) bool { s, _ := v.(string); return s == industry })
}

var chinaTime = time.FixedZone("CST", 8*3600)

// unavailable is the refusal of a write that the packs must judge when they cannot be read.
func unavailable(err error) *validation.FieldError {
	return validation.New("pack_unavailable", "无法读取规则包："+err.Error(), "The rule packs cannot be read: "+err.Error())
}
