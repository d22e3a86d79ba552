package loader

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/list"

	validation "github.com/pocketbase/ozzo-validation/v4"
)

// checkFields is PocketBase's own last validate handler (core.onRecordValidate, with the
// fields' interceptors around it) for a record Prepare validates: every field's ValidateValue,
// except a relation whose ids are all Known and within the field's bounds, which is valid
// without the COUNT(*) PocketBase would run for it.
func checkFields(e *core.RecordEvent, known *Known) error {
	r := e.Record
	check := func() error {
		errs := validation.Errors{}
		for _, f := range r.Collection().Fields {
			if rel, ok := f.(*core.RelationField); ok && knownRelation(e.App, rel, r, known) {
				continue
			}
			if err := f.ValidateValue(e.Context, e.App, r); err != nil {
				errs[f.GetName()] = err
			}
		}
		if len(errs) > 0 {
			return errs
		}
		return nil
	}
	// the fields' interceptors wrap the check as PocketBase's handler wraps it (an empty id
	// is generated here, as in a save)
	for _, f := range r.Collection().Fields {
		if in, ok := f.(core.RecordInterceptor); ok {
			inner := check
			check = func() error { return in.Intercept(e.Context, e.App, r, core.InterceptorActionValidate, inner) }
		}
	}
	return check()
}

// knownRelation: the relation's ids are all Known and as many as the field allows, so its
// ValidateValue could only count them and find them.
func knownRelation(app core.App, f *core.RelationField, r *core.Record, known *Known) bool {
	ids := list.ToUniqueStringSlice(r.GetRaw(f.Name))
	if len(ids) == 0 || len(ids) < f.MinSelect || len(ids) > max(f.MaxSelect, 1) {
		return false
	}
	col, err := app.FindCachedCollectionByNameOrId(f.CollectionId)
	if err != nil {
		return false
	}
	return known.has(col.Name, ids)
}
