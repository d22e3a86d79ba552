package definitions

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/lifecycle"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// kind is the definition's lifecycle: codes definition_*, the schema immutable once published.
var kind = lifecycle.Kind{
	Code: "definition", Zh: "表单定义", En: "definition",
	Content: []string{"schema"},
	Hash:    func(r *core.Record, _ string) string { return r.GetString("hash") },
}

// BindHooks enforces the definition lifecycle on every save (API or code) and keeps the
// registry cache in step with the rows.
func BindHooks(app core.App) {
	app.OnRecordValidate(Collection).BindFunc(func(e *core.RecordEvent) error {
		errs := check(e.App, e.Record, stored.Previous(e.App, e.Record))
		return validation.Merge(errs, e.Next())
	})

	app.OnRecordDelete(Collection).BindFunc(func(e *core.RecordEvent) error {
		if err := kind.CheckDelete(stored.Previous(e.App, e.Record)); err != nil {
			return err
		}
		return e.Next()
	})

	invalidate := func(e *core.RecordEvent) error {
		Invalidate(e.Record.GetString("key"), e.Record.GetInt("version"))
		if o := e.Record.Original(); o != nil {
			Invalidate(o.GetString("key"), o.GetInt("version"))
		}
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(Collection).BindFunc(invalidate)
	app.OnRecordAfterUpdateSuccess(Collection).BindFunc(invalidate)
	app.OnRecordAfterDeleteSuccess(Collection).BindFunc(invalidate)
	app.OnRecordAfterUpdateError(Collection).BindFunc(func(e *core.RecordErrorEvent) error {
		Invalidate(e.Record.GetString("key"), e.Record.GetInt("version"))
		return e.Next()
	})
}

// checkBase refuses a `base` that names no published definition: a variant for an industry
// extends a form that exists, and records find their collection's kind through it.
func checkBase(app core.App, r, orig *core.Record, errs validation.Errors) {
	base := r.GetString("base")
	if base == "" || (orig != nil && orig.GetString("base") == base) {
		return
	}
	if base == r.GetString("key") {
		validation.Add(errs, "base", validation.New("definition_base_unknown",
			"表单定义不能基于它自己", "A definition cannot extend itself"))
		return
	}
	var n int
	if qerr := app.DB().Select("COUNT(*)").From(Collection).
		Where(dbx.HashExp{"key": base}).AndWhere(dbx.In("status", StatusPublished, StatusRetired)).Row(&n); qerr != nil || n == 0 {
		validation.Add(errs, "base", validation.New("definition_base_unknown",
			"基础表单 "+base+" 不存在或尚未发布", "The base definition "+base+" does not exist or is not published"))
	}
}

// check validates a definition row and sets the server-owned hash and published_at.
func check(app core.App, r, orig *core.Record) validation.Errors {
	errs := validation.Errors{}
	raw := RawJSON(r.Get("schema"))
	if doc, err := validation.ParseJSON(raw); err == nil {
		if err := validation.CheckLogic(doc); err != nil {
			validation.Add(errs, "schema", validation.New("definition_logic_invalid",
				"schema 中的 JSON Logic（x-rules、x-compute、x-visible）有误："+err.Error(),
				"The schema's JSON Logic (x-rules, x-compute, x-visible) is malformed: "+err.Error()))
			return errs
		}
	}
	if _, err := validation.Compile(raw); err != nil {
		validation.Add(errs, "schema", validation.New("definition_schema_invalid",
			"schema 不是有效的 JSON Schema（draft 2020-12）："+err.Error(),
			"The schema is not a valid JSON Schema (draft 2020-12): "+err.Error()))
		return errs
	}
	hash, err := Hash(raw)
	if err != nil {
		validation.Add(errs, "schema", validation.New("definition_schema_invalid", "schema 不是有效的 JSON", "The schema is not valid JSON"))
		return errs
	}
	r.Set("hash", hash)
	checkBase(app, r, orig, errs)
	kind.Check(r, orig, errs)
	return errs
}
