package coverage

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// apiError is a refusal in both languages, in the shape PocketBase's own errors have, so the
// Store maps it like any other (field errors under data).
type apiError struct {
	Status int
	Code   string
	Zh, En string
	Field  string // the parameter at fault, if one
	// Fields: more than one field at fault (a table's rows), each under its own key
	Fields []fieldError
}

// fieldError is one field's refusal inside a larger one, keyed by its path
// (`assignments.2.inspected`: row 2's inspected region).
type fieldError struct {
	Path, Code, Zh, En string
}

func (e *apiError) Error() string { return e.En }

func badParam(field, zh, en string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "invalid_" + field, Zh: zh, En: en, Field: field}
}

func forbidden(zh, en string) *apiError {
	return &apiError{Status: http.StatusForbidden, Code: "out_of_scope", Zh: zh, En: en}
}

func language(r *http.Request) string {
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		return "en"
	}
	return "zh"
}

// fail answers an apiError; any other error is a 500 whose details stay in the log.
func fail(e *core.RequestEvent, err error) error {
	ae, ok := err.(*apiError)
	if !ok {
		e.App.Logger().Error("coverage request failed", "path", e.Request.URL.Path, "error", err)
		ae = &apiError{Status: http.StatusInternalServerError, Code: "internal", Zh: "服务器内部错误", En: "Internal server error"}
	}
	msg := ae.Zh
	if language(e.Request) == "en" {
		msg = ae.En
	}
	data := map[string]any{}
	if ae.Field != "" {
		data[ae.Field] = map[string]any{"code": ae.Code, "message": msg, "message_zh": ae.Zh, "message_en": ae.En}
	}
	for _, f := range ae.Fields {
		m := f.Zh
		if language(e.Request) == "en" {
			m = f.En
		}
		data[f.Path] = map[string]any{"code": f.Code, "message": m, "message_zh": f.Zh, "message_en": f.En}
	}
	return e.JSON(ae.Status, map[string]any{
		"status": ae.Status, "code": ae.Code, "message": msg, "message_zh": ae.Zh, "message_en": ae.En, "data": data,
	})
}
