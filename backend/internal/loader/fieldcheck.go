package loader

import (
	"regexp"
	"sync"

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
			if err := validateField(e, f); err != nil {
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

// validateField is f.ValidateValue, except for a text field with a pattern that is not the
// primary key: PocketBase compiles the pattern on every check (regexp.MatchString), a twentieth
// of a batch's validation (a record's region, city and province codes), so the field is checked
// without its pattern and the pattern, compiled once, after. The pattern is the last of such a
// field's checks, so the verdict and the error are the same.
func validateField(e *core.RecordEvent, f core.Field) error {
	tf, ok := f.(*core.TextField)
	if !ok || tf.Pattern == "" || tf.PrimaryKey {
		return f.ValidateValue(e.Context, e.App, e.Record)
	}
	bare := *tf
	bare.Pattern = ""
	if err := bare.ValidateValue(e.Context, e.App, e.Record); err != nil {
		return err
	}
	value, _ := e.Record.GetRaw(tf.Name).(string) // ValidateValue refused anything else
	if value == "" {
		return nil // nothing to check, as PocketBase says
	}
	if re := compiled(tf.Pattern); re == nil || !re.MatchString(value) {
		return validation.NewError("validation_invalid_format", "Invalid value format.")
	}
	return nil
}

var patterns sync.Map // pattern → *regexp.Regexp, nil when it does not compile

func compiled(pattern string) *regexp.Regexp {
	if re, ok := patterns.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		re = nil
	}
	patterns.Store(pattern, re)
	return re
}
