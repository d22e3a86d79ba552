package bulk

import (
	"errors"
	"sort"
	"strings"

	ozzo "github.com/pocketbase/ozzo-validation/v4"

	"azx/backend/internal/validation"
)

// FieldError is one refused field of a row, in the shape of the API's record errors.
type FieldError struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageZh string `json:"message_zh"`
	MessageEn string `json:"message_en"`
}

// Failure is one refused row.
type Failure struct {
	Row    int                   `json:"row"`
	Key    string                `json:"key"`
	Errors map[string]FieldError `json:"errors"`
}

func fieldError(code, zh, en, lang string) FieldError {
	msg := zh
	if lang == "en" {
		msg = en
	}
	return FieldError{Code: code, Message: msg, MessageZh: zh, MessageEn: en}
}

// rowErrors flattens a save error into field errors keyed by upload column names: a record's
// data.insured.name becomes insured.name, the enterprise relation becomes enterprise_uscc.
func rowErrors(err error, lang string, rename map[string]string) map[string]FieldError {
	out := map[string]FieldError{}
	var errs ozzo.Errors
	if !errors.As(err, &errs) {
		out["_row"] = fieldError("bulk_save_failed", "该行无法保存："+err.Error(), "The row could not be saved: "+err.Error(), lang)
		return out
	}
	flatten(out, "", errs, lang, rename)
	return out
}

func flatten(out map[string]FieldError, prefix string, errs ozzo.Errors, lang string, rename map[string]string) {
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := k
		if prefix != "" {
			path = prefix + "." + k
		}
		switch e := errs[k].(type) {
		case ozzo.Errors:
			flatten(out, path, e, lang, rename)
			continue
		case *validation.FieldError:
			out[column(path, rename)] = fieldError(e.Code(), e.Zh, e.En, lang)
		case ozzo.Error:
			// PocketBase's own column validators speak English only: a column whose value came
			// from data (risk_grade) keeps the schema's bilingual error for the same cell
			if _, taken := out[column(path, rename)]; !taken {
				out[column(path, rename)] = fieldError(e.Code(), "取值无效："+e.Error(), e.Error(), lang)
			}
		default:
			if _, taken := out[column(path, rename)]; !taken {
				out[column(path, rename)] = fieldError("bulk_invalid", "取值无效："+e.Error(), e.Error(), lang)
			}
		}
	}
}

func column(path string, rename map[string]string) string {
	if c, ok := rename[path]; ok {
		return c
	}
	if rest, ok := strings.CutPrefix(path, "data."); ok {
		return rest
	}
	return path
}
