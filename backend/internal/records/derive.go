package records

import (
	"database/sql"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/definitions"
	"azx/backend/internal/loader"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// derived holds what preparing a record found out.
type derived struct {
	def  *definitions.Definition
	data any // decoded data (json.Number numbers)
}

func fieldErr(errs validation.Errors, path, code, zh, en string) {
	validation.Add(errs, path, validation.New(code, zh, en))
}

// resolveDefinition finds and checks the definition a business record names.
func resolveDefinition(app core.App, r *core.Record, errs validation.Errors) *definitions.Definition {
	key := r.GetString("definition")
	version := r.GetInt("version")
	if key == "" {
		fieldErr(errs, "definition", "definition_required", "必须指明表单定义", "The form definition is required")
		return nil
	}
	def, err := definitions.Lookup(app, key, version)
	if err != nil {
		if err == definitions.ErrNotFound {
			if definitions.KeyExists(app, key) {
				fieldErr(errs, "version", "definition_version_unknown", "表单定义 "+key+" 没有这个版本", "Form definition "+key+" has no such version")
			} else {
				fieldErr(errs, "definition", "definition_unknown", "没有名为 "+key+" 的表单定义", "There is no form definition "+key)
			}
		} else {
			fieldErr(errs, "definition", "definition_invalid", "表单定义无法使用："+err.Error(), "The form definition cannot be used: "+err.Error())
		}
		return nil
	}
	want := definitionBase[r.Collection().Name]
	if def.Key != want && def.Base != want {
		fieldErr(errs, "definition", "definition_mismatch", "表单定义 "+key+" 不适用于此类记录", "Form definition "+key+" does not apply to this kind of record")
		return nil
	}
	switch def.Status {
	case definitions.StatusPublished:
	case definitions.StatusRetired:
		// a retired version still accepts corrections of the records made under it
		if orig := Previous(app, r); orig == nil || orig.GetString("definition") != key || orig.GetInt("version") != version {
			fieldErr(errs, "version", "definition_retired", "表单定义 "+key+" 的这个版本已停用，请使用新版本", "This version of form definition "+key+" is retired; use a newer one")
			return nil
		}
	default:
		fieldErr(errs, "version", "definition_draft", "表单定义 "+key+" 的这个版本尚未发布", "This version of form definition "+key+" is not published")
		return nil
	}
	return def
}

// columnValue converts a decoded JSON value for a record setter.
func columnValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		if f, err := x.Float64(); err == nil {
			return f
		}
		return x.String()
	case []any, map[string]any:
		// json fields take raw JSON; json.Number marshals as written
		b, err := json.Marshal(x)
		if err != nil {
			return nil
		}
		return json.RawMessage(b)
	}
	return v
}

// applyColumns fills the x-column columns from data; an absent value clears the column so a
// correction never leaves a stale value behind.
func applyColumns(r *core.Record, def *definitions.Definition, data any) {
	fields := r.Collection().Fields
	for _, c := range def.Columns {
		if protected[c.Name] || fields.GetByName(c.Name) == nil {
			continue
		}
		v, ok := validation.ValueAt(data, c.Path)
		if !ok {
			r.Set(c.Name, nil)
			continue
		}
		r.Set(c.Name, columnValue(v))
	}
}

// parentColumnsOf lists what a child ever copies from a parent of each collection: the lookup
// reads only these (a whole record with its data would cost several times more).
var parentColumnsOf = map[string][]string{
	Enterprises:    {"uscc", "region_code", "city_code", "province_code", "industry", "organization", "providers"},
	Policies:       {"enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry"},
	ServiceReports: {"policy", "enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry"},
	Hazards:        {"insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "status"},
}

// parent is the copied columns of a parent row.
type parent map[string]string

func (p parent) GetString(col string) string { return p[col] }

// findParent loads a related row's copied columns (and extra ones), reporting a field error when
// it does not exist, and notes the id in read (nil: not noted) when it read it from the database.
func findParent(app core.App, read *loader.Known, r *core.Record, field, collection string, errs validation.Errors, extra ...string) parent {
	id := r.GetString(field)
	if id == "" {
		return nil
	}
	cols := append(parentColumnsOf[collection][:len(parentColumnsOf[collection]):len(parentColumnsOf[collection])], extra...)
	if p, ok := givenParent(r, collection, id, cols); ok {
		return p
	}
	values := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range values {
		dest[i] = &values[i]
	}
	if err := stored.ScanRow(app, parentSQL(collection, cols), []any{id}, dest...); err != nil {
		fieldErr(errs, field, "relation_not_found", "关联的记录不存在", "The related record does not exist")
		return nil
	}
	// read in this validation's transaction: PocketBase's COUNT of the relation would read it again
	read.Add(collection, id)
	p := make(parent, len(cols))
	for i, c := range cols {
		p[c] = values[i].String
	}
	return p
}

// parentReads holds the plain SQL of each parent read (collection and columns), written once:
// building it with dbx's query builder on every write took half the read's time.
var parentReads sync.Map // "collection cols..." → SQL

func parentSQL(collection string, cols []string) string {
	key := collection + " " + strings.Join(cols, " ")
	if q, ok := parentReads.Load(key); ok {
		return q.(string)
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	q := "SELECT " + strings.Join(quoted, ", ") + ` FROM "` + collection + `" WHERE "id" = ? LIMIT 1`
	parentReads.Store(key, q)
	return q
}

func copyColumns(dst *core.Record, src parent, cols ...string) {
	for _, c := range cols {
		dst.Set(c, src[c])
	}
}

// deriveParents copies the columns a record takes from its parents (README "Collections").
func deriveParents(app core.App, read *loader.Known, r *core.Record, data any, errs validation.Errors) {
	switch r.Collection().Name {
	case Enterprises:
		region := r.GetString("region_code")
		r.Set("city_code", validation.CityCode(region))
		r.Set("province_code", validation.ProvinceCode(region))

	case Policies:
		// the enterprise's record too: the rule packs judge the policy with it (EnterpriseOf)
		if ent := findParent(app, read, r, "enterprise", Enterprises, errs, "data", "risk_grade"); ent != nil {
			enterprises.Store(r, Enterprise{Region: ent.GetString("region_code"), Data: []byte(ent.GetString("data")), RiskGrade: ent.GetString("risk_grade")})
			copyColumns(r, ent, "region_code", "city_code", "province_code", "industry")
			r.Set("enterprise_org", ent.GetString("organization"))
			if p := r.GetString("provider"); p != "" && !containsField(ent.GetString("providers"), p) {
				pendingAssign.Store(r, true)
			}
			if data != nil {
				if u, ok := validation.ValueAt(data, []string{"insured", "uscc"}); ok && u != ent.GetString("uscc") {
					fieldErr(errs, "data.insured.uscc", "insured_mismatch",
						"被保险人的统一社会信用代码与所选企业不一致", "The insured's unified social credit code is not the selected enterprise's")
				}
			}
		}
		checkOrgKind(app, r, "insurer", "insurer", errs)
		checkOrgKind(app, r, "provider", "provider", errs)

	case ServiceReports:
		if pol := findParent(app, read, r, "policy", Policies, errs); pol != nil {
			// the provider is the one the policy assigned (none: the insurer serves itself)
			copyColumns(r, pol, "enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry")
		}

	case Hazards:
		if rep := findParent(app, read, r, "service_report", ServiceReports, errs); rep != nil {
			copyColumns(r, rep, "policy", "enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry")
		} else if pol := findParent(app, read, r, "policy", Policies, errs); pol != nil {
			copyColumns(r, pol, "enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry")
		} else if ent := findParent(app, read, r, "enterprise", Enterprises, errs); ent != nil {
			copyColumns(r, ent, "region_code", "city_code", "province_code", "industry")
			r.Set("enterprise_org", ent.GetString("organization"))
		}

	case Claims:
		// a claim is under its policy: its parties and region are the policy's
		if pol := findParent(app, read, r, "policy", Policies, errs); pol != nil {
			copyColumns(r, pol, "enterprise", "insurer", "enterprise_org", "region_code", "city_code", "province_code", "industry")
		}

	case HazardEvents:
		if h := findParent(app, read, r, "hazard", Hazards, errs); h != nil {
			copyColumns(r, h, "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code")
			if r.IsNew() {
				r.Set("from_status", h.GetString("status"))
				checkTransition(h.GetString("status"), r.GetString("to_status"), errs)
			}
		}
	}
}

// derive fills every server-owned column of r and validates its data; it returns the field
// errors found (empty when the record is acceptable).
func derive(app core.App, read *loader.Known, r *core.Record) (validation.Errors, *derived) {
	errs := validation.Errors{}
	out := &derived{}
	if IsBusiness(r.Collection().Name) {
		out.def = resolveDefinition(app, r, errs)
		if out.def != nil {
			raw := definitions.RawJSON(r.Get("data"))
			inst, err := validation.ParseJSON(nonEmpty(raw))
			if err != nil {
				fieldErr(errs, "data", "schema_invalid_json", "记录内容不是有效的 JSON", "The record is not valid JSON")
			} else {
				dataErrs, stored := out.def.Schema.ValidateRecord(inst, "data")
				for k, v := range dataErrs {
					errs[k] = v
				}
				if len(dataErrs) == 0 && !sameValue(stored, inst) {
					// computed fields the client left out are the server's to fill (x-compute)
					r.Set("data", stored)
					inst = stored
				}
				out.data = inst
				applyColumns(r, out.def, inst)
			}
		}
	}
	deriveParents(app, read, r, out.data, errs)
	return errs, out
}

// sameValue reports whether ValidateRecord handed back the very value it was given.
func sameValue(a, b any) bool {
	ma, okA := a.(map[string]any)
	mb, okB := b.(map[string]any)
	if okA && okB {
		return reflect.ValueOf(ma).Pointer() == reflect.ValueOf(mb).Pointer()
	}
	return okA == okB
}

func nonEmpty(raw []byte) []byte {
	if len(raw) == 0 {
		return []byte("null")
	}
	return raw
}

// Previous is the stored state of a record being updated (nil for a new record).
var Previous = stored.Previous

// validated holds, while a record's validate hooks run, its data as the schema accepted it
// (computed fields filled), for the hooks after this package's: the rule packs judge that value
// instead of validating the record a second time.
var validated sync.Map // *core.Record → any

// ValidatedData is r's data as its definition's schema accepted it during r's validation (false:
// outside it, or the schema refused the data).
func ValidatedData(r *core.Record) (any, bool) {
	return validated.Load(r)
}

// Enterprise is what the validation of a policy read of its enterprise, once per request.
type Enterprise struct {
	Region    string
	Data      []byte // its record (JSON), as stored
	RiskGrade string // the server's grade (packs/risk.go), not the one typed at registration
}

var enterprises sync.Map // *core.Record (a policy being validated) → Enterprise

// EnterpriseOf is the enterprise of policy r as its validation read it (false outside the
// validation, or when the enterprise does not exist).
func EnterpriseOf(r *core.Record) (Enterprise, bool) {
	v, ok := enterprises.Load(r)
	if !ok {
		return Enterprise{}, false
	}
	return v.(Enterprise), true
}

// pendingAssign marks policies whose provider is not yet among their enterprise's providers,
// seen while validating, so the write does not have to look again for every policy.
var pendingAssign sync.Map // *core.Record → bool

func containsField(list, id string) bool {
	for _, p := range strings.Fields(list) {
		if p == id {
			return true
		}
	}
	return false
}
