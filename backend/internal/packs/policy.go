package packs

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/logic"
	"azx/backend/internal/records"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// BindPolicies makes the server judge every policy a user writes (API, bulk upload; creates and
// corrections) by the packs in force for its enterprise's region on its period start: a broken
// rule of a pack in force refuses the write at data.<path>; what only warns is stored in the
// policy's rule_warnings and comes back with it. Writes by the system (the demo seed, which
// stores the problems the Suzhou bulletin found on purpose) are not judged. Runs after the
// records hooks (priority), which derive the columns this reads.
func BindPolicies(app core.App) {
	app.OnRecordValidate("policies").Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "azx_packs_policy",
		Priority: 10,
		Func: func(e *core.RecordEvent) error {
			errs := JudgeRecord(e.App, e.Record)
			return validation.Merge(errs, e.Next())
		},
	})
}

// JudgeRecord judges a policy record and returns its refusals as field errors at data.<path>
// (empty for writes by the system, for a record the schema refuses — the records hook reports
// that — or when the enterprise is unknown: the relation check reports that). It runs inside the
// records hook's validation (records.ValidatedData) and sets the record's rule_warnings.
func JudgeRecord(app core.App, r *core.Record) validation.Errors {
	errs := validation.Errors{}
	r.Set("rule_warnings", nil)
	if audit.ActorOf(r) == audit.System {
		return errs
	}
	// the enterprise as the records hook read it (one read a request); outside that hook, the row
	ent, ok := records.EnterpriseOf(r)
	if !ok {
		row, err := app.FindRecordById("enterprises", r.GetString("enterprise"))
		if err != nil {
			return errs
		}
		ent = records.Enterprise{Region: row.GetString("region_code"), Data: definitions.RawJSON(row.Get("data")), RiskGrade: row.GetString("risk_grade")}
	}
	// the data as the records hook's schema check accepted it; nothing when it refused it
	value, ok := records.ValidatedData(r)
	if !ok {
		return errs
	}
	record, _ := logic.Normalize(value).(map[string]any)
	date := RelevantDate(record)
	if record == nil || date == "" {
		return errs
	}
	snap, err := Current(app)
	if err != nil {
		validation.Add(errs, "data", unavailable(err))
		return errs
	}
	enterprise, _ := logic.Normalize(decodeJSON(ent.Data)).(map[string]any)
	if enterprise != nil && ent.RiskGrade != "" {
		enterprise["risk_grade"] = ent.RiskGrade // the server's grade (risk.go), not the one typed at registration
	}
	v := snap.Effective(ent.Region, date).Judge("policy", Context{
		Record: record, Enterprise: enterprise, Previous: previous(app, r, record), Date: date, Today: uploadDay(r),
	})
	if flags, ok := importing.Load(r); ok {
		// an import stores reality: what the packs refuse is kept and flagged, not refused
		*flags.(*[]Problem) = v.Refusals
		v.Refusals = nil
	}
	for _, p := range v.Refusals {
		validation.Add(errs, "data."+p.Path, validation.New(p.Code, p.Zh, p.En))
	}
	if len(v.Warnings) > 0 {
		r.Set("rule_warnings", v.Warnings)
	}
	return errs
}

// previous is the policy a renewal names, of the same enterprise and readable by the writer: nil
// when the record renews none, {"found": false} when the enterprise has no such policy the writer
// may read (one answer whether or not it exists), else its data and found.
func previous(app core.App, r *core.Record, record map[string]any) any {
	no, _ := record["renewal_of"].(string)
	if no == "" {
		return nil
	}
	p := &core.Record{}
	err := app.RecordQuery("policies").
		AndWhere(dbx.HashExp{"policy_no": no, "enterprise": r.GetString("enterprise")}).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).One(p)
	if err != nil || !records.CanRead(app, audit.ActorOf(r), p) {
		return map[string]any{"found": false}
	}
	data, _ := logic.Normalize(decodeJSON(definitions.RawJSON(p.Get("data")))).(map[string]any)
	if data == nil {
		data = map[string]any{}
	}
	data["found"] = true
	if day := RelevantDate(record); day != "" {
		data["accidents"] = accidents(app, r.GetString("enterprise"), day)
	}
	return data
}

// accidents is the enterprise's claims history before day, which a renewal's experience rating
// reads (the packs' computation accident_record_by_claims): accidents (claims not declined) and
// deaths in the year before, accidents in the three years before, and whether it was insured three
// years before (a policy starting by then). The server's, from the claims; never the writer's.
func accidents(app core.App, enterprise, day string) map[string]any {
	start, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil
	}
	year, three := start.AddDate(-1, 0, 0).Format(time.DateOnly), start.AddDate(-3, 0, 0).Format(time.DateOnly)
	window := func(from string) (count int, deaths int) {
		var row struct {
			Count  int `db:"n"`
			Deaths int `db:"d"`
		}
		_ = app.DB().Select("COUNT(*) AS n", "COALESCE(SUM(deaths), 0) AS d").From("claims").
			Where(dbx.HashExp{"enterprise": enterprise}).
			AndWhere(dbx.NewExp("accident_date >= {:from} AND accident_date < {:to}", dbx.Params{"from": from, "to": day})).
			AndWhere(dbx.Not(dbx.HashExp{"status": vocab.ClaimStatusDeclined})).One(&row)
		return row.Count, row.Deaths
	}
	count1, deaths1 := window(year)
	count3, _ := window(three)
	var insured int
	_ = app.DB().Select("COUNT(*)").From("policies").Where(dbx.HashExp{"enterprise": enterprise}).
		AndWhere(dbx.NewExp("period_start <= {:day}", dbx.Params{"day": three + " 23:59:59.999Z"})).Row(&insured)
	return map[string]any{"count_1y": float64(count1), "deaths_1y": float64(deaths1), "count_3y": float64(count3), "insured_3y": insured > 0}
}

// china is the time zone of the calendar days records and packs speak of.
var china = time.FixedZone("CST", 8*3600)

// uploadDay is the context's today for a stored policy: the China day the server stamped it
// arrived (uploaded_at, the server's), else now. A correction is judged on its upload day too, so
// an issue date is never later than the day the policy reached the system.
func uploadDay(r *core.Record) any {
	at := r.GetDateTime("uploaded_at").Time()
	if at.IsZero() {
		at = time.Now()
	}
	return at.In(china).Format("2006-01-02")
}

// dayOrNil is a caller's today: nil when not given (a rule on today does not fire).
func dayOrNil(day string) any {
	if day == "" {
		return nil
	}
	return day
}
