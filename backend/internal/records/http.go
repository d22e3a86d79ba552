package records

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"azx/backend/internal/validation"
)

// Language picks "en" or "zh" (the default) from an Accept-Language header by quality.
func Language(header string) string {
	best, bestQ := "zh", -1.0
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		tag := strings.ToLower(strings.TrimSpace(fields[0]))
		if tag == "" {
			continue
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				if parsed, err := strconv.ParseFloat(v, 64); err == nil {
					q = parsed
				}
			}
		}
		lang := ""
		switch {
		case strings.HasPrefix(tag, "en"):
			lang = "en"
		case strings.HasPrefix(tag, "zh"):
			lang = "zh"
		}
		if lang != "" && q > bestQ {
			best, bestQ = lang, q
		}
	}
	return best
}

// ruleSeesDerived are the collections whose create rule reads derived columns (region for
// regulators, insurer/provider copied from the policy): the middleware fills them into the
// request body before PocketBase evaluates the rule.
var ruleSeesDerived = map[string]bool{Enterprises: true, ServiceReports: true, Hazards: true, Claims: true}

// middleware runs around every collection API request: it derives rule-relevant columns of
// a create before the create rule is checked, and localizes error messages afterwards.
func middleware(e *core.RequestEvent) error {
	if !strings.HasPrefix(e.Request.URL.Path, "/api/collections/") {
		return e.Next()
	}
	name := e.Request.PathValue("collection")
	addListHint(e, name)
	if e.Request.Method == http.MethodPost && strings.HasSuffix(e.Request.URL.Path, "/records") {
		if ruleSeesDerived[name] || name == Policies {
			preDerive(e, name)
		}
	}
	err := e.Next()
	if err == nil {
		return nil
	}
	if e.Request.Method == http.MethodPost && (IsBusiness(name) || name == HazardEvents) {
		err = explainRefusal(e, name, err)
	}
	return localize(err, Language(e.Request.Header.Get("Accept-Language")), strings.Contains(e.Request.URL.Path, "/records"))
}

// preDerive writes the server-derived columns into the request body, overwriting what the
// client sent, so the create rule judges the record as it will be stored.
func preDerive(e *core.RequestEvent, name string) {
	info, err := e.RequestInfo()
	if err != nil || info.Body == nil {
		return
	}
	if name == Policies {
		// an insurer's policy is its own: fill an empty insurer with the user's organization
		if e.Auth != nil && e.Auth.GetString("role") == "insurer" {
			if s, _ := info.Body["insurer"].(string); s == "" {
				info.Body["insurer"] = e.Auth.GetString("organization")
			}
		}
		return
	}
	col, err := e.App.FindCachedCollectionByNameOrId(name)
	if err != nil {
		return
	}
	tmp := core.NewRecord(col)
	tmp.Load(info.Body)
	if name == Enterprises {
		errs := validation.Errors{}
		if def := resolveDefinition(e.App, tmp, errs); def != nil {
			if inst, err := validation.ParseJSON(nonEmpty(rawData(tmp))); err == nil {
				applyColumns(tmp, def, inst)
			}
		}
		info.Body["region_code"] = tmp.GetString("region_code")
	}
	deriveParents(e.App, nil, tmp, nil, validation.Errors{})
	for _, c := range parentColumns[name] {
		if col.Fields.GetByName(c) != nil {
			info.Body[c] = tmp.Get(c)
		}
	}
}

func bindRequestHooks(app core.App) {
	// the insurer of a policy written by an insurer is its own organization
	checkInsurer := func(e *core.RecordRequestEvent) error {
		if e.Auth != nil && e.Auth.GetString("role") == "insurer" &&
			e.Record.GetString("insurer") != e.Auth.GetString("organization") {
			return validation.Errors{"insurer": validation.New("insurer_not_own",
				"保险机构只能录入本机构承保的保单", "An insurer can only enter policies it underwrites itself")}
		}
		return e.Next()
	}
	// a regulator's correction cannot move an enterprise out of its region
	app.OnRecordUpdateRequest(Enterprises).BindFunc(func(e *core.RecordRequestEvent) error {
		if e.Auth != nil && e.Auth.GetString("role") == "regulator" {
			if errs, _ := derive(e.App, nil, e.Record); len(errs) == 0 && !inScope(e.Auth, e.Record) {
				return validation.Errors{"data.region_code": validation.New("out_of_scope",
					"不能把企业改到本机构辖区之外", "An enterprise cannot be moved out of your region")}
			}
		}
		return e.Next()
	})

	app.OnRecordCreateRequest(HazardEvents).BindFunc(func(e *core.RecordRequestEvent) error {
		if err := checkMover(e.Auth, e.Record.GetString("to_status")); err != nil {
			return err
		}
		return e.Next()
	})

	app.OnRecordCreateRequest(Policies).BindFunc(checkInsurer)
	app.OnRecordUpdateRequest(Policies).BindFunc(checkInsurer)

	// a correction through the API must say why, in this very request
	app.OnRecordUpdateRequest(Enterprises, Policies, ServiceReports, Hazards, Claims).BindFunc(func(e *core.RecordRequestEvent) error {
		info, err := e.RequestInfo()
		if err == nil {
			if s, _ := info.Body["correction_reason"].(string); strings.TrimSpace(s) == "" {
				return validation.Errors{"correction_reason": validation.New("correction_reason_required",
					"更正已提交的记录必须填写更正原因", "A correction of a submitted record needs a correction reason")}
			}
		}
		return e.Next()
	})
}

func rawData(r *core.Record) []byte {
	v := r.Get("data")
	if b, ok := v.(interface{ MarshalJSON() ([]byte, error) }); ok {
		out, err := b.MarshalJSON()
		if err == nil {
			return out
		}
	}
	return nil
}

// pbMessages translates PocketBase's own validation codes (column errors) into Chinese.
var pbMessages = map[string]string{
	"validation_required":                        "不能为空",
	"validation_nil_or_not_empty_required":       "不能为空",
	"validation_not_unique":                      "该值已存在，必须唯一",
	"validation_invalid_value":                   "取值无效",
	"validation_missing_rel_records":             "关联的记录不存在",
	"validation_invalid_email":                   "不是有效的电子邮箱地址",
	"validation_length_out_of_range":             "长度不符合要求",
	"validation_length_too_long":                 "内容过长",
	"validation_length_too_short":                "内容过短",
	"validation_min_greater_equal_than_required": "取值过小",
	"validation_max_less_equal_than_required":    "取值过大",
	"validation_invalid_format":                  "格式不正确",
	"validation_json_size_limit":                 "内容超出大小限制",
	"validation_only_int_constraint":             "必须是整数",
	"validation_invalid_date":                    "不是有效的日期",
	"validation_too_many_values":                 "选择的值过多",
	"validation_file_size_limit":                 "文件过大",
	"validation_invalid_mime_type":               "不支持的文件类型",
	"validation_values_mismatch":                 "两次输入不一致",
	"validation_invalid_number":                  "不是有效的数字",
}

// localize gives every error item message_zh and message_en and sets message to the
// requested language; a refused record gets the bilingual summary as its top message.
func localize(err error, lang string, isRecord bool) error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) {
		if errs, ok := err.(validation.Errors); ok {
			apiErr = router.NewBadRequestError(validation.Summary, errs)
		} else {
			return err
		}
	}
	if len(apiErr.Data) == 0 {
		return err
	}
	ours := false
	for _, v := range apiErr.Data {
		item, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if _, has := item["message_zh"]; has {
			ours = true
		} else {
			code, _ := item["code"].(string)
			en, _ := item["message"].(string)
			zh, known := pbMessages[code]
			if !known {
				zh = "取值无效"
			}
			item["message_zh"], item["message_en"] = zh, en
		}
		if lang == "en" {
			item["message"] = item["message_en"]
		} else {
			item["message"] = item["message_zh"]
		}
	}
	if ours || (isRecord && apiErr.Status == http.StatusBadRequest) {
		apiErr.Message = validation.Summary
	}
	return apiErr
}

// append-only: nobody, superusers included, deletes business history or touches the
// server-written logs through the API.
func bindAppendOnly(app core.App) {
	forbid := func(zh, en string) func(e *core.RecordRequestEvent) error {
		return func(e *core.RecordRequestEvent) error {
			return router.NewForbiddenError(zh+" / "+en, nil)
		}
	}
	noDelete := forbid("业务记录不能删除，只能更正", "Business records are never deleted, only corrected")
	app.OnRecordDeleteRequest(Enterprises, Policies, ServiceReports, Hazards, HazardEvents, Claims, ClaimEvents, RecordVersions, "audit_log").BindFunc(noDelete)
	serverOnly := forbid("此记录只由服务器写入", "These rows are written by the server only")
	app.OnRecordCreateRequest(RecordVersions, "audit_log").BindFunc(serverOnly)
	app.OnRecordUpdateRequest(RecordVersions, "audit_log", HazardEvents, ClaimEvents).BindFunc(serverOnly)
}

// inScope mirrors the regulator part of the access rules (README "Roles and scope"): a row's
// city and province codes are derived from its region code.
func inScope(auth, r *core.Record) bool {
	return codeInScope(auth, r.GetString("region_code"))
}

// explainRefusal turns PocketBase's bare "Failed to create record." (a create rule that did not
// match) into the record's field errors when the record is invalid anyway: a regulator who
// types a region code of another province learns about the code, not about access rules.
func explainRefusal(e *core.RequestEvent, name string, err error) error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest || len(apiErr.Data) != 0 || e.Auth == nil {
		return err
	}
	info, infoErr := e.RequestInfo()
	col, colErr := e.App.FindCachedCollectionByNameOrId(name)
	if infoErr != nil || colErr != nil {
		return err
	}
	tmp := core.NewRecord(col)
	tmp.Load(info.Body)
	if errs, _ := derive(e.App, nil, tmp); len(errs) > 0 {
		return router.NewBadRequestError(validation.Summary, errs)
	}
	return err
}
