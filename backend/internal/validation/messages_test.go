package validation

import (
	"strings"
	"testing"
)

// testSchema has a Chinese title and an English x-title-en on every property, like the
// built-in definitions.
const testSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["policy_no"],
  "$defs": {"person": {"type": "object", "required": ["name"], "properties": {
    "name": {"type": "string", "title": "姓名", "x-title-en": "Name", "minLength": 2, "maxLength": 4},
    "mobile": {"type": "string", "title": "手机", "x-title-en": "Mobile", "format": "cn-mobile"}}}},
  "properties": {
    "policy_no": {"type": "string", "title": "保单号", "x-title-en": "Policy number", "pattern": "^P\\d+$", "x-column": "policy_no", "x-widget": "text"},
    "cover_per_person": {"type": "number", "title": "每人保额", "x-title-en": "Cover per person", "minimum": 400000, "maximum": 5000000, "multipleOf": 0.01},
    "premium": {"type": "number", "title": "保费", "x-title-en": "Premium", "exclusiveMinimum": 0, "exclusiveMaximum": 1000000},
    "headcount": {"type": "integer", "title": "从业人员数", "x-title-en": "Headcount"},
    "start": {"type": "string", "title": "起保日期", "x-title-en": "Start", "format": "date"},
    "email": {"type": "string", "title": "邮箱", "x-title-en": "Email", "format": "email"},
    "site": {"type": "string", "title": "网址", "x-title-en": "Website", "format": "uri"},
    "at": {"type": "string", "title": "发现时间", "x-title-en": "Found at", "format": "date-time"},
    "uscc": {"type": "string", "title": "统一社会信用代码", "x-title-en": "USCC", "format": "uscc"},
    "region": {"type": "string", "title": "行政区划", "x-title-en": "Region", "format": "cn-region"},
    "basis": {"type": "string", "title": "适用办法", "x-title-en": "Legal basis", "enum": ["2017", "2025"]},
    "status": {"type": "string", "title": "状态", "x-title-en": "Status", "oneOf": [{"const": "active", "title": "有效", "x-title-en": "Active"}, {"const": "expired", "title": "已到期", "x-title-en": "Expired"}]},
    "kind": {"title": "类型", "x-title-en": "Kind", "const": "policy"},
    "types": {"type": "array", "title": "服务项目", "x-title-en": "Service types", "minItems": 1, "maxItems": 3, "uniqueItems": true, "items": {"type": "string"}},
    "insured": {"type": "array", "title": "被保险人", "x-title-en": "Insured", "items": {"$ref": "#/$defs/person"}},
    "principal": {"$ref": "#/$defs/person", "title": "主要负责人", "x-title-en": "Principal"}
  }
}`

func compileTest(t *testing.T) *Schema {
	t.Helper()
	s, err := Compile([]byte(testSchema))
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return s
}

func TestMessagesPerKeyword(t *testing.T) {
	s := compileTest(t)
	cases := []struct {
		name, data, path, code, zh, en string
	}{
		{"required", `{}`, "data.policy_no", "schema_required", "保单号 为必填项", "Policy number is required"},
		{"nested required", `{"policy_no":"P1","principal":{}}`, "data.principal.name", "schema_required", "姓名 为必填项", "Name is required"},
		{"type", `{"policy_no":"P1","headcount":"many"}`, "data.headcount", "schema_type", "从业人员数 应为整数", "Headcount must be a whole number"},
		{"minimum", `{"policy_no":"P1","cover_per_person":300000}`, "data.cover_per_person", "schema_minimum", "每人保额 不得小于 400000", "Cover per person must be at least 400000"},
		{"maximum", `{"policy_no":"P1","cover_per_person":9000000}`, "data.cover_per_person", "schema_maximum", "每人保额 不得大于 5000000", "Cover per person must be at most 5000000"},
		{"exclusiveMinimum", `{"policy_no":"P1","premium":0}`, "data.premium", "schema_exclusive_minimum", "保费 必须大于 0", "Premium must be greater than 0"},
		{"exclusiveMaximum", `{"policy_no":"P1","premium":1000000}`, "data.premium", "schema_exclusive_maximum", "保费 必须小于 1000000", "Premium must be less than 1000000"},
		{"multipleOf", `{"policy_no":"P1","cover_per_person":400000.001}`, "data.cover_per_person", "schema_multiple_of", "每人保额 必须是 0.01 的整数倍", "Cover per person must be a multiple of 0.01"},
		{"minLength", `{"policy_no":"P1","principal":{"name":"王"}}`, "data.principal.name", "schema_min_length", "姓名 至少需要 2 个字符", "Name must be at least 2 characters long"},
		{"maxLength", `{"policy_no":"P1","principal":{"name":"欧阳中华人"}}`, "data.principal.name", "schema_max_length", "姓名 最多 4 个字符", "Name must be at most 4 characters long"},
		{"pattern", `{"policy_no":"X1"}`, "data.policy_no", "schema_pattern", "保单号 格式不正确", "Policy number is not in the expected format"},
		{"format date", `{"policy_no":"P1","start":"2026-13-01"}`, "data.start", "schema_format", "起保日期 应为日期（YYYY-MM-DD）", "Start must be a date (YYYY-MM-DD)"},
		{"format date-time", `{"policy_no":"P1","at":"yesterday"}`, "data.at", "schema_format", "发现时间 应为日期时间", "Found at must be a date and time"},
		{"format email", `{"policy_no":"P1","email":"not-mail"}`, "data.email", "schema_format", "邮箱 应为有效的电子邮箱地址", "Email must be a valid email address"},
		{"format uri", `{"policy_no":"P1","site":"no scheme"}`, "data.site", "schema_format", "网址 应为完整的网址（URI）", "Website must be a full URI"},
		{"format uscc", `{"policy_no":"P1","uscc":"91330602MA2E10001F"}`, "data.uscc", "schema_format", "统一社会信用代码 无效（应为 18 位统一社会信用代码", "USCC is invalid (a unified social credit code has 18 characters"},
		{"format cn-region", `{"policy_no":"P1","region":"990000"}`, "data.region", "schema_format", "行政区划 不是有效的行政区划代码", "Region is not a valid region code"},
		{"format cn-mobile", `{"policy_no":"P1","principal":{"name":"王五","mobile":"12345"}}`, "data.principal.mobile", "schema_format", "手机 不是有效的手机号码", "Mobile is not a valid mobile number"},
		{"enum", `{"policy_no":"P1","basis":"2030"}`, "data.basis", "schema_enum", "适用办法 必须是以下之一：2017、2025", "Legal basis must be one of: 2017, 2025"},
		{"oneOf of consts", `{"policy_no":"P1","status":"lost"}`, "data.status", "schema_enum", "状态 必须是以下之一：有效、已到期", "Status must be one of: Active, Expired"},
		{"const", `{"policy_no":"P1","kind":"other"}`, "data.kind", "schema_const", "类型 必须为 policy", "Kind must be policy"},
		{"minItems", `{"policy_no":"P1","types":[]}`, "data.types", "schema_min_items", "服务项目 至少需要 1 项", "Service types must have at least 1 items"},
		{"maxItems", `{"policy_no":"P1","types":["01","02","03","04"]}`, "data.types", "schema_max_items", "服务项目 最多 3 项", "Service types must have at most 3 items"},
		{"uniqueItems", `{"policy_no":"P1","types":["01","01"]}`, "data.types", "schema_unique_items", "服务项目 的第 1 项与第 2 项重复", "Service types: items 1 and 2 are duplicates"},
		{"additionalProperties", `{"policy_no":"P1","hack":1}`, "data.hack", "schema_additional_properties", "不允许的字段 hack", "Field hack is not allowed"},
		{"array item path", `{"policy_no":"P1","insured":[{"name":"王五"},{"name":7}]}`, "data.insured.1.name", "schema_type", "姓名 应为文本", "Name must be text"},
		{"root not an object", `[1,2]`, "data", "schema_type", "记录内容 应为对象", "The record must be an object"},
		{"null data", `null`, "data", "schema_type", "记录内容 应为对象", "The record must be an object"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := s.Validate([]byte(c.data), "data")
			got, ok := errs[c.path].(*FieldError)
			if !ok {
				t.Fatalf("no error at %s; errors: %s", c.path, Describe(errs, "en"))
			}
			if got.Code() != c.code {
				t.Errorf("code = %s, want %s", got.Code(), c.code)
			}
			if !strings.HasPrefix(got.Zh, c.zh) {
				t.Errorf("zh = %q, want prefix %q", got.Zh, c.zh)
			}
			if !strings.HasPrefix(got.En, c.en) {
				t.Errorf("en = %q, want prefix %q", got.En, c.en)
			}
			if got.Message("en") != got.En || got.Message("zh") != got.Zh || got.Message("") != got.Zh {
				t.Error("Message does not pick the language")
			}
		})
	}
}

func TestValidRecordHasNoErrors(t *testing.T) {
	s := compileTest(t)
	errs := s.Validate([]byte(`{"policy_no":"P12","cover_per_person":400000.5,"premium":20000,"start":"2026-01-01",
		"uscc":"91330602MA2E10001E","region":"330602","status":"active","types":["01","03"],
		"principal":{"name":"王五","mobile":"13800000001"}}`), "data")
	if len(errs) != 0 {
		t.Fatalf("valid record refused: %s", Describe(errs, "en"))
	}
}

func TestNeverPanicsOnOddInput(t *testing.T) {
	s := compileTest(t)
	for _, in := range []string{``, `{`, `"text"`, `1e999999`, `{"policy_no":"P1","cover_per_person":1e400}`,
		`{"policy_no":"P1","cover_per_person":123456789012345678901234567890}`, `{"policy_no":null}`, `[[[[[]]]]]`} {
		errs := s.Validate([]byte(in), "data")
		if in == `{"policy_no":"P1","cover_per_person":1e400}` {
			if e, ok := errs["data.cover_per_person"].(*FieldError); !ok || e.Code() != "schema_maximum" {
				t.Errorf("huge number: %s", Describe(errs, "en"))
			}
		}
	}
}

func TestCompileRejectsBadSchemas(t *testing.T) {
	bad := map[string]string{
		"unknown type":    `{"type": "text"}`,
		"minimum as text": `{"type": "number", "minimum": "400000"}`,
		"another draft":   `{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}`,
		"not an object":   `[1]`,
		"not JSON":        `{`,
		"external ref":    `{"$ref": "https://example.com/x.json"}`,
	}
	for why, raw := range bad {
		if _, err := Compile([]byte(raw)); err == nil {
			t.Errorf("Compile accepted a bad schema (%s)", why)
		}
	}
	if _, err := Compile([]byte(`{"type":"object","x-widget":"anything","x-rules":[{"rule":{"<":[1,2]},"message":{"zh-CN":"规则","en":"rule"}}],"properties":{"a":{"type":"string","x-column":"a"}}}`)); err != nil {
		t.Errorf("x- annotations broke compilation: %v", err)
	}
}
