package validation

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// translator turns a santhosh-tekuri validation error tree into field errors with messages
// written here in zh-CN and English (the library's own messages are English only and name
// JSON paths, not the form's labels).
type translator struct {
	doc    any
	prefix string
	errs   Errors
}

// flatten walks the error tree down to its leaves; oneOf/anyOf are leaves because their
// causes describe alternatives the user did not choose.
func (t translator) flatten(e *jsonschema.ValidationError) {
	switch e.ErrorKind.(type) {
	case *kind.OneOf, *kind.AnyOf:
		t.leaf(e)
		return
	}
	if len(e.Causes) == 0 {
		t.leaf(e)
		return
	}
	for _, c := range e.Causes {
		t.flatten(c)
	}
}

// label is a field's Chinese and English name: its title and x-title-en, else its key.
func (t translator) label(loc []string) (string, string) {
	node := nodeAt(t.doc, loc)
	key := ""
	if len(loc) > 0 {
		key = loc[len(loc)-1]
	}
	zh, _ := node["title"].(string)
	en, _ := node["x-title-en"].(string)
	if len(loc) == 0 {
		if zh == "" {
			zh = "记录内容"
		}
		if en == "" {
			en = "The record"
		}
	}
	if zh == "" {
		zh = key
	}
	if en == "" {
		en = key
		if zh != key && en == "" {
			en = zh
		}
	}
	return zh, en
}

func (t translator) add(loc []string, code, zh, en string) {
	Add(t.errs, fieldPath(t.prefix, loc), New(code, zh, en))
}

func child(loc []string, name string) []string {
	out := make([]string, len(loc), len(loc)+1)
	copy(out, loc)
	return append(out, name)
}

var typeNames = map[string][2]string{
	"string":  {"文本", "text"},
	"number":  {"数字", "a number"},
	"integer": {"整数", "a whole number"},
	"boolean": {"是/否", "yes or no"},
	"object":  {"对象", "an object"},
	"array":   {"列表", "a list"},
	"null":    {"空值", "empty"},
}

var formatNames = map[string][2]string{
	"date":      {"应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"},
	"date-time": {"应为日期时间（如 2026-03-01T08:00:00+08:00）", "must be a date and time (e.g. 2026-03-01T08:00:00+08:00)"},
	"time":      {"应为时间（如 08:00:00+08:00）", "must be a time (e.g. 08:00:00+08:00)"},
	"email":     {"应为有效的电子邮箱地址", "must be a valid email address"},
	"uri":       {"应为完整的网址（URI）", "must be a full URI"},
	"uscc":      {"无效（应为 18 位统一社会信用代码，且校验位正确）", "is invalid (a unified social credit code has 18 characters and a correct check character)"},
	"cn-region": {"不是有效的行政区划代码（6 位 GB/T 2260 代码）", "is not a valid region code (6-digit GB/T 2260)"},
	"cn-mobile": {"不是有效的手机号码（11 位，以 13–19 开头）", "is not a valid mobile number (11 digits starting 13–19)"},
}

func ratString(r *big.Rat) string {
	if r == nil {
		return ""
	}
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(10)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func display(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// constChoices returns the labels of a oneOf/anyOf made only of const branches (the way the
// definitions spell labelled enums), or ok=false.
func constChoices(node map[string]any, keyword string) (zh, en []string, ok bool) {
	branches, _ := node[keyword].([]any)
	if len(branches) == 0 {
		return nil, nil, false
	}
	for _, b := range branches {
		m, isMap := b.(map[string]any)
		if !isMap {
			return nil, nil, false
		}
		c, has := m["const"]
		if !has {
			return nil, nil, false
		}
		z, _ := m["title"].(string)
		e, _ := m["x-title-en"].(string)
		if z == "" {
			z = display(c)
		}
		if e == "" {
			e = display(c)
		}
		zh, en = append(zh, z), append(en, e)
	}
	return zh, en, true
}

func (t translator) leaf(e *jsonschema.ValidationError) {
	loc := e.InstanceLocation
	L, Le := t.label(loc)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			ml, mle := t.label(child(loc, m))
			t.add(child(loc, m), "schema_required", ml+" 为必填项", mle+" is required")
		}
	case *kind.DependentRequired:
		pl, ple := t.label(child(loc, k.Prop))
		for _, m := range k.Missing {
			ml, mle := t.label(child(loc, m))
			t.add(child(loc, m), "schema_dependent_required", "填写 "+pl+" 时 "+ml+" 为必填项", mle+" is required when "+ple+" is given")
		}
	case *kind.Dependency:
		pl, ple := t.label(child(loc, k.Prop))
		for _, m := range k.Missing {
			ml, mle := t.label(child(loc, m))
			t.add(child(loc, m), "schema_dependent_required", "填写 "+pl+" 时 "+ml+" 为必填项", mle+" is required when "+ple+" is given")
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			t.add(child(loc, p), "schema_additional_properties", "不允许的字段 "+p, "Field "+p+" is not allowed")
		}
	case *kind.Type:
		var zh, en []string
		for _, w := range k.Want {
			n, ok := typeNames[w]
			if !ok {
				n = [2]string{w, w}
			}
			zh, en = append(zh, n[0]), append(en, n[1])
		}
		t.add(loc, "schema_type", L+" 应为"+strings.Join(zh, "或"), Le+" must be "+strings.Join(en, " or "))
	case *kind.Minimum:
		n := ratString(k.Want)
		t.add(loc, "schema_minimum", L+" 不得小于 "+n, Le+" must be at least "+n)
	case *kind.Maximum:
		n := ratString(k.Want)
		t.add(loc, "schema_maximum", L+" 不得大于 "+n, Le+" must be at most "+n)
	case *kind.ExclusiveMinimum:
		n := ratString(k.Want)
		t.add(loc, "schema_exclusive_minimum", L+" 必须大于 "+n, Le+" must be greater than "+n)
	case *kind.ExclusiveMaximum:
		n := ratString(k.Want)
		t.add(loc, "schema_exclusive_maximum", L+" 必须小于 "+n, Le+" must be less than "+n)
	case *kind.MultipleOf:
		n := ratString(k.Want)
		t.add(loc, "schema_multiple_of", L+" 必须是 "+n+" 的整数倍", Le+" must be a multiple of "+n)
	case *kind.MinLength:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_min_length", L+" 至少需要 "+n+" 个字符", Le+" must be at least "+n+" characters long")
	case *kind.MaxLength:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_max_length", L+" 最多 "+n+" 个字符", Le+" must be at most "+n+" characters long")
	case *kind.Pattern:
		t.add(loc, "schema_pattern", L+" 格式不正确", Le+" is not in the expected format")
	case *kind.Format:
		if n, ok := formatNames[k.Want]; ok {
			t.add(loc, "schema_format", L+" "+n[0], Le+" "+n[1])
		} else {
			t.add(loc, "schema_format", L+" 不符合格式 "+k.Want, Le+" must match the format "+k.Want)
		}
	case *kind.Enum:
		var vals []string
		for _, v := range k.Want {
			vals = append(vals, display(v))
		}
		t.add(loc, "schema_enum", L+" 必须是以下之一："+strings.Join(vals, "、"), Le+" must be one of: "+strings.Join(vals, ", "))
	case *kind.Const:
		v := display(k.Want)
		t.add(loc, "schema_const", L+" 必须为 "+v, Le+" must be "+v)
	case *kind.MinItems:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_min_items", L+" 至少需要 "+n+" 项", Le+" must have at least "+n+" items")
	case *kind.MaxItems:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_max_items", L+" 最多 "+n+" 项", Le+" must have at most "+n+" items")
	case *kind.UniqueItems:
		i, j := fmt.Sprint(k.Duplicates[0]+1), fmt.Sprint(k.Duplicates[1]+1)
		t.add(loc, "schema_unique_items", L+" 的第 "+i+" 项与第 "+j+" 项重复", Le+": items "+i+" and "+j+" are duplicates")
	case *kind.MinProperties:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_min_properties", L+" 至少需要 "+n+" 个字段", Le+" must have at least "+n+" fields")
	case *kind.MaxProperties:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_max_properties", L+" 最多 "+n+" 个字段", Le+" must have at most "+n+" fields")
	case *kind.PropertyNames:
		t.add(child(loc, k.Property), "schema_property_names", "字段名 "+k.Property+" 不符合要求", "Field name "+k.Property+" is not allowed")
	case *kind.OneOf:
		if len(k.Subschemas) > 1 {
			t.add(loc, "schema_one_of", L+" 同时符合多种形式，无法确定", Le+" matches more than one allowed form")
			return
		}
		t.choice(loc, L, Le, "oneOf", "schema_one_of")
	case *kind.AnyOf:
		t.choice(loc, L, Le, "anyOf", "schema_any_of")
	case *kind.Not:
		t.add(loc, "schema_not", L+" 的取值不被允许", Le+" has a value that is not allowed")
	case *kind.FalseSchema:
		t.add(loc, "schema_false", "不允许填写 "+L, Le+" is not allowed")
	case *kind.Contains:
		t.add(loc, "schema_contains", L+" 中没有符合要求的项", Le+" has no matching item")
	case *kind.MinContains:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_min_contains", L+" 中至少需要 "+n+" 个符合要求的项", Le+" must contain at least "+n+" matching items")
	case *kind.MaxContains:
		n := fmt.Sprint(k.Want)
		t.add(loc, "schema_max_contains", L+" 中最多 "+n+" 个符合要求的项", Le+" must contain at most "+n+" matching items")
	case *kind.AdditionalItems:
		t.add(loc, "schema_additional_items", L+" 的项数过多", Le+" has too many items")
	case *kind.InvalidJsonValue:
		t.add(loc, "schema_invalid_value", L+" 不是有效的 JSON 值", Le+" is not a valid JSON value")
	default:
		t.add(loc, "schema_invalid", L+" 的取值无效", Le+" is invalid")
	}
}

// choice reports a oneOf/anyOf that nothing matched: a labelled enum lists its labels.
func (t translator) choice(loc []string, L, Le, keyword, code string) {
	node := nodeAt(t.doc, loc)
	if zh, en, ok := constChoices(node, keyword); ok {
		t.add(loc, "schema_enum", L+" 必须是以下之一："+strings.Join(zh, "、"), Le+" must be one of: "+strings.Join(en, ", "))
		return
	}
	t.add(loc, code, L+" 不符合任何一种允许的形式", Le+" does not match any allowed form")
}
