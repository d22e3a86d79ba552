package packs

import (
	"bytes"
	"encoding/json"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/validation"
)

// Register makes the server enforce the rule pack of each policy's region on every policy a
// user writes (API, bulk upload), create or correction. Code writing as the system (the demo
// seed, which stores the problems the Suzhou bulletin found on purpose) is not checked.
func Register(app core.App) {
	app.OnRecordValidate("policies").BindFunc(func(e *core.RecordEvent) error {
		errs := CheckRecord(e.App, e.Record)
		next := e.Next()
		if len(errs) == 0 {
			return next
		}
		// keep PocketBase's and the other hooks' field errors beside ours
		if other, ok := next.(validation.Errors); ok {
			for k, v := range other {
				if _, taken := errs[k]; !taken {
					errs[k] = v
				}
			}
		}
		return errs
	})
}

// CheckRecord returns the pack problems of a policy record as field errors at data.<path>
// (empty for writes by the system, or when the enterprise is unknown: the relation check
// reports that).
func CheckRecord(app core.App, r *core.Record) validation.Errors {
	errs := validation.Errors{}
	if audit.ActorOf(r) == audit.System {
		return errs
	}
	ent, err := app.FindRecordById("enterprises", r.GetString("enterprise"))
	if err != nil {
		return errs
	}
	raw := definitions.RawJSON(r.Get("data"))
	var data map[string]any
	if err := decode(raw, &data); err != nil || data == nil {
		return errs
	}
	// the pack judges a record the schema accepts; schema errors are the records hook's to report
	def, err := definitions.Lookup(app, r.GetString("definition"), r.GetInt("version"))
	if err != nil {
		return errs
	}
	inst, err := validation.ParseJSON(raw)
	if err != nil {
		return errs
	}
	if schemaErrs, _ := def.Schema.ValidateRecord(inst, "data"); len(schemaErrs) > 0 {
		return errs
	}
	var entData map[string]any
	_ = decode(definitions.RawJSON(ent.Get("data")), &entData)
	e := Enterprise{
		Name:            ent.GetString("name"),
		Region:          ent.GetString("region_code"),
		Industry:        ent.GetString("industry"),
		Headcount:       int64(ent.GetInt("headcount")),
		Standardization: strAt(entData, "standardization_level"),
		SafetyCredit:    strAt(entData, "safety_credit"),
		DualPrevention:  strAt(entData, "dual_prevention"),
	}
	p := ForRegion(e.Region, DefaultID())
	for _, pr := range Check(p, e, data, previous(app, r, data)) {
		validation.Add(errs, "data."+pr.Path, validation.New(pr.Code, pr.Zh, pr.En))
	}
	return errs
}

// previous finds the policy a renewal names, of the same enterprise.
func previous(app core.App, r *core.Record, data map[string]any) *Previous {
	no := strAt(data, "renewal_of")
	if no == "" {
		return nil
	}
	row := struct {
		End string `db:"period_end"`
	}{}
	err := app.DB().Select("period_end").From("policies").
		Where(dbx.HashExp{"policy_no": no, "enterprise": r.GetString("enterprise")}).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).One(&row)
	if err != nil {
		return &Previous{}
	}
	end := row.End
	if len(end) >= 10 {
		end = end[:10]
	}
	return &Previous{Found: true, End: end}
}

func decode(raw []byte, v any) error {
	if len(raw) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	return d.Decode(v)
}
