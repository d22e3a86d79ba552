package packs

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/definitions"
	"azx/backend/internal/lifecycle"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// kind is the packs' lifecycle (internal/lifecycle): codes pack_*, the document immutable once
// published.
var kind = lifecycle.Kind{Code: "pack", Zh: "规则包", En: "rule pack", Content: contentFields, Hash: fieldHash}

func fieldHash(r *core.Record, field string) string {
	if !jsonFields[field] {
		return r.GetString(field)
	}
	raw := rawOf(r.Get(field))
	if raw == nil {
		return ""
	}
	c, err := definitions.Canonical(raw)
	if err != nil {
		return string(raw)
	}
	return string(c)
}

// HashDoc is the sha256 of a pack document's content in canonical JSON (key, version, status
// and the server's columns left out): equal content, equal hash, however it is formatted.
func HashDoc(doc map[string]any) (string, error) {
	content := map[string]any{}
	for k, v := range doc {
		switch k {
		case "key", "version", "status", "hash", "published_at":
			continue
		}
		content[k] = v
	}
	raw, err := json.Marshal(content)
	if err != nil {
		return "", err
	}
	return definitions.Hash(raw)
}

// batchKey marks saves of `packs load`, whose tests run once the whole batch is in place.
type batchKey struct{}

func inBatch(ctx context.Context) bool {
	if ctx == nil {
		return false
	}
	v, _ := ctx.Value(batchKey{}).(bool)
	return v
}

// BindCollection makes every save of a rule_packs row (API, admin UI, `packs load`) pass the
// pack checks and the lifecycle, and keeps the process's snapshot in step with the rows.
func BindCollection(app core.App) {
	app.OnRecordValidate(Collection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_packs_validate",
		Func: func(e *core.RecordEvent) error {
			errs := checkRow(e.App, e.Record, stored.Previous(e.App, e.Record), !inBatch(e.Context))
			return validation.Merge(errs, e.Next())
		},
	})
	app.OnRecordDelete(Collection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_packs_delete",
		Func: func(e *core.RecordEvent) error {
			if err := kind.CheckDelete(stored.Previous(e.App, e.Record)); err != nil {
				return err
			}
			return e.Next()
		},
	})
	forget := func(e *core.RecordEvent) error {
		Invalidate()
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess(Collection).Bind(&hook.Handler[*core.RecordEvent]{Id: "azx_packs_forget_create", Func: forget})
	app.OnRecordAfterUpdateSuccess(Collection).Bind(&hook.Handler[*core.RecordEvent]{Id: "azx_packs_forget_update", Func: forget})
	app.OnRecordAfterDeleteSuccess(Collection).Bind(&hook.Handler[*core.RecordEvent]{Id: "azx_packs_forget_delete", Func: forget})
}

// checkRow validates a rule_packs row: the document (Check), what needs the other rows (extends,
// one jurisdiction per key), the lifecycle, and — when it is being published — its tests.
func checkRow(app core.App, r, orig *core.Record, withTests bool) validation.Errors {
	doc := DocumentOf(r)
	d, errs := Check(doc)
	if errs == nil {
		errs = validation.Errors{}
	}
	if hash, err := HashDoc(doc); err == nil {
		r.Set("hash", hash)
	}
	kind.Check(r, orig, errs)
	if d == nil || len(errs) > 0 {
		return errs
	}
	checkKey(app, r, d, errs)
	checkExtends(app, d, errs)
	publishing := r.GetString("status") == lifecycle.Published && (orig == nil || orig.GetString("status") == lifecycle.Draft)
	if withTests && publishing && len(errs) == 0 {
		published, err := Load(app)
		if err != nil {
			fieldErr(errs, "tests", "pack_tests_unavailable", "无法读取已发布的规则包："+err.Error(), "The published packs cannot be read: "+err.Error())
			return errs
		}
		CheckChangedTables(d, published, errs)
		TestErrors(RunTests(d, published), errs)
	}
	return errs
}

// TestErrors reports each failed test case at tests.<n>.
func TestErrors(results []TestResult, errs validation.Errors) {
	for i, res := range results {
		if res.Passed {
			continue
		}
		msg := fmt.Sprintf("%s：%v", res.Name, res.Diffs)
		fieldErr(errs, fmt.Sprintf("tests.%d", i), "pack_test_failed",
			"测试用例未通过，不能发布："+msg, "A test case fails, so the pack cannot be published: "+msg)
	}
}

// checkKey keeps a key in one jurisdiction: its versions are one pack's history.
func checkKey(app core.App, r *core.Record, d *Doc, errs validation.Errors) {
	var other struct {
		Jurisdiction string `db:"jurisdiction"`
	}
	err := app.DB().Select("jurisdiction").From(Collection).
		Where(dbx.HashExp{"key": d.Key}).AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).One(&other)
	if err == nil && other.Jurisdiction != d.Jurisdiction {
		fieldErr(errs, "jurisdiction", "pack_key_jurisdiction", "规则包 "+d.Key+" 的其他版本适用于 "+other.Jurisdiction+"，同一标识不能改变适用地区",
			"Other versions of pack "+d.Key+" apply to "+other.Jurisdiction+"; a key keeps its jurisdiction")
	}
}

// checkExtends: a pack extends a published pack of a wider jurisdiction.
func checkExtends(app core.App, d *Doc, errs validation.Errors) {
	if d.Extends == nil || *d.Extends == "" {
		return
	}
	parent := *d.Extends
	var row struct {
		Jurisdiction string `db:"jurisdiction"`
	}
	err := app.DB().Select("jurisdiction").From(Collection).
		Where(dbx.HashExp{"key": parent}).AndWhere(dbx.In("status", lifecycle.Published, lifecycle.Retired)).
		Limit(1).One(&row)
	switch {
	case parent == d.Key || err != nil:
		fieldErr(errs, "extends", "pack_extends_unknown", "上级规则包 "+parent+" 不存在或尚未发布",
			"The pack it extends, "+parent+", does not exist or is not published")
	case !wider(row.Jurisdiction, d.Jurisdiction):
		fieldErr(errs, "extends", "pack_extends_not_wider", "上级规则包 "+parent+" 的适用地区 "+row.Jurisdiction+" 须包含 "+d.Jurisdiction,
			"The pack it extends, "+parent+", applies to "+row.Jurisdiction+", which must contain "+d.Jurisdiction)
	}
}

// wider: outer is a level above inner on inner's own chain (national above everything).
func wider(outer, inner string) bool {
	chain := levels(inner)
	for _, c := range chain[:len(chain)-1] {
		if c == outer {
			return true
		}
	}
	return inner != National && outer == National
}
