package packs

import (
	"encoding/json"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/audit"
	"azx/backend/internal/hazards"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// BindRiskGrades makes an enterprise's risk grade (风险分级, issue 17) the server's: the packs'
// computation risk_grade over its registry data and its risk_facts (open and major hazards,
// claims and deaths in the three years before today), as the packs in force for its region today
// say, kept in the risk_grade column. A writer's data.risk_grade does not set it; a regulator sets it otherwise only with
// data.risk_grade_override (the grade and a reason). The grade follows the enterprise's hazards and
// claims: each write of one re-grades it. Writes by the system (the demo seed) keep their grade.
func BindRiskGrades(app core.App) {
	app.OnRecordValidate(records.Enterprises).Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "azx_packs_risk_grade",
		Priority: 11,
		Func: func(e *core.RecordEvent) error {
			return validation.Merge(deriveRiskGrade(e.App, e.Record), e.Next())
		},
	})
	regrade := func(e *core.RecordEvent) error {
		if audit.ActorOf(e.Record) != audit.System {
			regradeEnterprise(e, e.Record.GetString("enterprise"))
		}
		return e.Next()
	}
	for _, c := range []string{records.Hazards, records.Claims} {
		app.OnRecordAfterCreateSuccess(c).Bind(&hook.Handler[*core.RecordEvent]{Id: "azx_packs_regrade_" + c, Func: regrade})
		app.OnRecordAfterUpdateSuccess(c).Bind(&hook.Handler[*core.RecordEvent]{Id: "azx_packs_regrade_" + c + "_update", Func: regrade})
	}
}

// regradeEnterprise saves the enterprise again (a server update: no revision, no reason) when
// its grade moved; the validate hook computes it.
func regradeEnterprise(e *core.RecordEvent, id string) {
	ent, err := e.App.FindRecordById(records.Enterprises, id)
	if err != nil {
		return
	}
	grade, ok := gradeOf(e.App, ent, dataOf(ent))
	if !ok || grade == ent.GetString("risk_grade") {
		return
	}
	audit.SetActor(ent, audit.ActorOf(e.Record))
	defer audit.ClearActor(ent)
	if err := e.App.SaveWithContext(records.ServerSave(e.Context), ent); err != nil {
		e.App.Logger().Warn("risk grade not updated", "enterprise", id, "error", err)
	}
}

func deriveRiskGrade(app core.App, r *core.Record) validation.Errors {
	errs := validation.Errors{}
	record, ok := writtenData(r)
	if !ok {
		return errs
	}
	grade := ""
	if o, ok := record["risk_grade_override"].(map[string]any); ok {
		grade, _ = o["value"].(string)
	} else if g, ok := gradeOf(app, r, record); ok {
		grade = g
	}
	if grade == "" || !vocab.RiskGrade.Has(grade) {
		return errs // no grading in the packs: the registry's grade stands
	}
	// the column, which lists, figures and rules read; data keeps what was typed, as with
	// must_insure, so that an upload of the same registry row stays the same row
	r.Set("risk_grade", grade)
	return errs
}

// gradeOf is the packs' risk_grade for the enterprise today (false when they grade nothing).
func gradeOf(app core.App, r *core.Record, record map[string]any) (string, bool) {
	snap, err := Current(app)
	if err != nil || record == nil {
		return "", false
	}
	day := time.Now().In(chinaTime).Format(time.DateOnly)
	ent := make(map[string]any, len(record)+1)
	for k, v := range record {
		ent[k] = v
	}
	ent["risk_facts"] = riskFacts(app, r.Id, day)
	out := snap.Effective(r.GetString("region_code"), day).Compute(Context{Record: map[string]any{}, Enterprise: ent, Date: day})
	g, ok := out["risk_grade"].(string)
	return g, ok && g != ""
}

// riskFacts are the server's counts the grading reads: hazards not yet rectified (and of them the
// major ones), claims not declined and their deaths in the three years before day.
func riskFacts(app core.App, enterprise, day string) map[string]any {
	facts := map[string]any{"open_hazards": 0.0, "open_major_hazards": 0.0, "accidents_3y": 0.0, "deaths_3y": 0.0}
	if enterprise == "" {
		return facts
	}
	open := hazards.Loop.StatesWhere("overdue")
	statuses := make([]any, len(open))
	for i, s := range open {
		statuses[i] = s
	}
	var h struct {
		Open  int `db:"n"`
		Major int `db:"m"`
	}
	_ = app.DB().Select("COUNT(*) AS n", "COALESCE(SUM(is_major), 0) AS m").From(records.Hazards).
		Where(dbx.HashExp{"enterprise": enterprise}).AndWhere(dbx.In("status", statuses...)).One(&h)
	start, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return facts
	}
	var c struct {
		Count  int `db:"n"`
		Deaths int `db:"d"`
	}
	_ = app.DB().Select("COUNT(*) AS n", "COALESCE(SUM(deaths), 0) AS d").From(records.Claims).
		Where(dbx.HashExp{"enterprise": enterprise}).
		AndWhere(dbx.NewExp("accident_date >= {:from}", dbx.Params{"from": start.AddDate(-3, 0, 0).Format(time.DateOnly)})).
		AndWhere(dbx.Not(dbx.HashExp{"status": vocab.ClaimStatusDeclined})).One(&c)
	facts["open_hazards"], facts["open_major_hazards"] = float64(h.Open), float64(h.Major)
	facts["accidents_3y"], facts["deaths_3y"] = float64(c.Count), float64(c.Deaths)
	return facts
}

// writtenData is the data of an enterprise a user writes (false for the system's writes): as the
// records hook's schema check accepted it or, for a server update of a stored row (a regrade),
// which is not validated anew, as stored.
func writtenData(r *core.Record) (map[string]any, bool) {
	if audit.ActorOf(r) == audit.System {
		return nil, false
	}
	data, _ := records.ValidatedData(r)
	if record, ok := data.(map[string]any); ok && record != nil {
		return record, true
	}
	record := dataOf(r)
	return record, record != nil
}

// dataOf is a stored record's data as a map (nil when it has none).
func dataOf(r *core.Record) map[string]any {
	var out map[string]any
	raw, err := json.Marshal(r.Get("data"))
	if err != nil || json.Unmarshal(raw, &out) != nil {
		return nil
	}
	return out
}
