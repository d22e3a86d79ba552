// Package validation checks records against their form definition's JSON Schema (draft
// 2020-12) and turns every failure into a field-level error in Chinese and English.
package validation

import (
	"sort"
	"strings"

	ozzo "github.com/pocketbase/ozzo-validation/v4"
)

// FieldError is one refused field. It implements PocketBase's SafeErrorItem and
// SafeErrorResolver so the API returns code, message, message_zh and message_en as-is.
type FieldError struct {
	code string
	Zh   string
	En   string
}

// New builds a field error.
func New(code, zh, en string) *FieldError { return &FieldError{code: code, Zh: zh, En: en} }

func (e *FieldError) Error() string { return e.Zh }

// Code is the stable error code (PocketBase SafeErrorItem), e.g. schema_minimum.
func (e *FieldError) Code() string { return e.code }

// Message picks the message of a language ("en" or anything else for zh-CN).
func (e *FieldError) Message(lang string) string {
	if lang == "en" {
		return e.En
	}
	return e.Zh
}

// Resolve shapes the API item (PocketBase SafeErrorResolver); zh-CN is the default message,
// the request middleware swaps it for English on Accept-Language: en.
func (e *FieldError) Resolve(map[string]any) any {
	return map[string]any{"code": e.code, "message": e.Zh, "message_zh": e.Zh, "message_en": e.En}
}

// Errors maps a field path (data.cover_per_person, or a column name) to its error. It is an
// ozzo validation.Errors so PocketBase's error plumbing recognises it.
type Errors = ozzo.Errors

// Add records err under path unless that path already has one (the first error is the most
// specific and the one a user fixes first).
func Add(errs Errors, path string, err *FieldError) {
	if _, ok := errs[path]; !ok {
		errs[path] = err
	}
}

// CodeAt is the code of the error err holds at path ("" if err is not Errors or that error is
// not a FieldError).
func CodeAt(err error, path string) string {
	errs, _ := err.(Errors)
	if fe, ok := errs[path].(*FieldError); ok {
		return fe.Code()
	}
	return ""
}

// Summary is the top-level message of a refused record.
const Summary = "记录未通过校验 / The record failed validation."

// Describe lists errors as "path: message" lines in one language (for the CLI and logs).
func Describe(errs Errors, lang string) string {
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		msg := errs[k].Error()
		if fe, ok := errs[k].(*FieldError); ok {
			msg = fe.Message(lang)
		}
		b.WriteString(k + ": " + msg + "\n")
	}
	return b.String()
}

// Merge returns errs with the field errors of next (the rest of a hook chain) added where errs
// has none; next itself when errs is empty.
func Merge(errs Errors, next error) error {
	if len(errs) == 0 {
		return next
	}
	if more, ok := next.(Errors); ok {
		for k, v := range more {
			if _, taken := errs[k]; !taken {
				errs[k] = v
			}
		}
	}
	return errs
}
