package reference

import (
	"encoding/json"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/validation"
)

// Hook ids; the validate hooks run before records' and the others' (priority -10): they set
// the columns the server owns.
const (
	hookValidateRegion   = "azx_reference_validate_region"
	hookValidateIndustry = "azx_reference_validate_industry"
	hookDeleteRegion     = "azx_reference_delete_region"
	hookForget           = "azx_reference_forget"
	validatePriority     = -10
)

// Register binds the hooks: an administrator's region or industry is checked (level and parent
// come from the code, never from the client), and every change drops the cached table.
func Register(app core.App) {
	app.OnRecordValidate(Regions).Bind(&hook.Handler[*core.RecordEvent]{
		Id: hookValidateRegion, Priority: validatePriority, Func: validateRegion,
	})
	app.OnRecordValidate(Industries).Bind(&hook.Handler[*core.RecordEvent]{
		Id: hookValidateIndustry, Priority: validatePriority, Func: validateIndustry,
	})
	app.OnRecordDelete(Regions).Bind(&hook.Handler[*core.RecordEvent]{
		Id: hookDeleteRegion, Priority: validatePriority, Func: refuseDeletingAParent,
	})
	forget := &hook.Handler[*core.ModelEvent]{Id: hookForget, Func: func(e *core.ModelEvent) error {
		Forget(e.App)
		return e.Next()
	}}
	for _, h := range []*hook.TaggedHook[*core.ModelEvent]{
		app.OnModelAfterCreateSuccess(Regions, Industries),
		app.OnModelAfterUpdateSuccess(Regions, Industries),
		app.OnModelAfterDeleteSuccess(Regions, Industries),
	} {
		h.Bind(forget)
	}
}

func validateRegion(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	code := r.GetString("code")
	level := LevelOf(code)
	if level == "" {
		validation.Add(errs, "code", validation.New("region_invalid",
			"行政区划代码须为 GB/T 2260 六位数字代码", "A region code is the six digits of GB/T 2260"))
		return validation.Merge(errs, e.Next())
	}
	if !r.IsNew() && storedCode(e.App, Regions, r.Id) != code {
		validation.Add(errs, "code", validation.New("immutable",
			"行政区划代码不能修改，请新增一条", "A region's code cannot change; add a new region instead"))
	}
	// the code says where the division stands, whatever the client sent
	r.Set("level", level)
	r.Set("parent", ParentOf(code))
	if parent := ParentOf(code); parent != "" && !exists(e.App, Regions, parent) {
		validation.Add(errs, "code", validation.New("region_parent_unknown",
			"上级行政区划 "+parent+" 尚未登记，请先新增上级", "The region above ("+parent+") is not registered yet; add it first"))
	}
	return validation.Merge(errs, e.Next())
}

func validateIndustry(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	if !r.IsNew() && storedCode(e.App, Industries, r.Id) != r.GetString("code") {
		validation.Add(errs, "code", validation.New("immutable",
			"行业代码不能修改，请新增一个行业", "An industry's code cannot change; add a new industry instead"))
	}
	var sections []string
	if raw := r.GetString("gbt4754"); raw != "" && json.Unmarshal([]byte(raw), &sections) != nil {
		validation.Add(errs, "gbt4754", validation.New("gbt4754_invalid",
			"国民经济行业分类门类须为字母 A–T 的列表", "GB/T 4754 sections are a list of letters A–T"))
	}
	for _, s := range sections {
		if len(s) != 1 || s[0] < 'A' || s[0] > 'T' {
			validation.Add(errs, "gbt4754", validation.New("gbt4754_invalid",
				"国民经济行业分类门类须为字母 A–T 的列表", "GB/T 4754 sections are a list of letters A–T"))
			break
		}
	}
	return validation.Merge(errs, e.Next())
}

// refuseDeletingAParent keeps the tree whole: a division with divisions under it stays.
func refuseDeletingAParent(e *core.RecordEvent) error {
	var n int
	_ = e.App.DB().Select("count(*)").From(Regions).Where(dbx.HashExp{"parent": e.Record.GetString("code")}).Row(&n)
	if n > 0 {
		return validation.Errors{"code": validation.New("region_has_children",
			"该行政区划下还有下级区划，不能删除", "Regions are registered under this one; it cannot be deleted")}
	}
	return e.Next()
}

// storedCode is the code a row has in the store (what an update would change).
func storedCode(app core.App, collection, id string) string {
	var code string
	_ = app.DB().Select("code").From(collection).Where(dbx.HashExp{"id": id}).Row(&code)
	return code
}

func exists(app core.App, collection, code string) bool {
	var n int
	_ = app.DB().Select("count(*)").From(collection).Where(dbx.HashExp{"code": code}).Row(&n)
	return n > 0
}

// sections reads the gbt4754 column (a JSON list of section letters).
func sections(raw string) []string {
	var out []string
	_ = json.Unmarshal([]byte(raw), &out)
	return out
}
