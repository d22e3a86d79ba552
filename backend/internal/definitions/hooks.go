package definitions

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// moves reports an allowed status move: staying, or to the status's `next` (draft → published
// → retired, nothing back; schemas/vocabularies/definition-status.json).
func moves(from, to string) bool {
	next, _ := vocab.DefinitionStatus.Attr(from, "next").(string)
	return vocab.DefinitionStatus.Has(from) && (to == from || to == next)
}

// BindHooks enforces the definition lifecycle on every save (API or code) and keeps the
// registry cache in step with the rows.
func BindHooks(app core.App) {
	app.OnRecordValidate(Collection).BindFunc(func(e *core.RecordEvent) error {
		errs := check(e.App, e.Record, stored.Previous(e.App, e.Record))
		nextErr := e.Next()
		return validation.Merge(errs, nextErr)
	})

	app.OnRecordDelete(Collection).BindFunc(func(e *core.RecordEvent) error {
		if prev := stored.Previous(e.App, e.Record); prev != nil && prev.GetString("status") != StatusDraft {
			return validation.Errors{"status": validation.New("definition_not_draft",
				"只能删除草稿状态的表单定义", "Only draft definitions can be deleted")}
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
		if numErrs := validation.CheckNumbers(doc); len(numErrs) > 0 {
			return numErrs
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
	if r.GetInt("version") < 1 {
		validation.Add(errs, "version", validation.New("definition_version", "版本号必须是不小于 1 的整数", "The version must be a whole number of at least 1"))
	}

	checkBase(app, r, orig, errs)

	status := r.GetString("status")
	if r.IsNew() {
		if status == StatusRetired {
			validation.Add(errs, "status", validation.New("definition_status_transition",
				"新建的表单定义只能是草稿或已发布", "A new definition must be draft or published"))
		}
	} else if orig != nil {
		from := orig.GetString("status")
		if !moves(from, status) {
			validation.Add(errs, "status", validation.New("definition_status_transition",
				"表单定义状态只能由草稿→已发布→已停用，不能从 "+from+" 改为 "+status,
				"A definition moves only draft → published → retired, not "+from+" → "+status))
		}
		if from != StatusDraft {
			if orig.GetString("hash") != hash {
				validation.Add(errs, "schema", validation.New("definition_immutable",
					"已发布的表单定义不能修改 schema，请发布新版本", "A published definition's schema cannot change; publish a new version"))
			}
			if orig.GetString("key") != r.GetString("key") {
				validation.Add(errs, "key", validation.New("definition_immutable",
					"已发布的表单定义不能修改标识", "A published definition's key cannot change"))
			}
			if orig.GetInt("version") != r.GetInt("version") {
				validation.Add(errs, "version", validation.New("definition_immutable",
					"已发布的表单定义不能修改版本号", "A published definition's version cannot change"))
			}
		}
		if from == StatusPublished || from == StatusRetired {
			r.Set("published_at", orig.Get("published_at"))
		}
	}
	if status == StatusPublished && (orig == nil || orig.GetString("status") == StatusDraft) {
		r.Set("published_at", types.NowDateTime())
	}
	if status == StatusDraft {
		r.Set("published_at", "")
	}
	return errs
}
