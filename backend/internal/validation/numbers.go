package validation

import "sort"

// Number is one x-number annotation: a top-level property whose value the server assigns
// from a sequence per region and year (README "Business numbers").
type Number struct {
	// Property is the top-level property of data that holds the number.
	Property string
	// Prefix starts the number (YH for 隐患, FW for 服务记录): letters and digits.
	Prefix string
	// Date is the top-level property whose year (China time) picks the sequence; absent or
	// empty, the year of the write.
	Date string
}

// Numbers returns the x-number annotations of a schema document's top-level properties,
// sorted by property. An annotation without a valid prefix is ignored (the definition checks
// refuse it when it is published).
func Numbers(doc any) []Number {
	root, _ := resolveRef(doc, doc).(map[string]any)
	props, _ := root["properties"].(map[string]any)
	var out []Number
	for name, p := range props {
		m, ok := p.(map[string]any)
		if !ok {
			continue
		}
		spec, ok := m["x-number"].(map[string]any)
		if !ok {
			continue
		}
		prefix, _ := spec["prefix"].(string)
		if !ValidNumberPrefix(prefix) {
			continue
		}
		date, _ := spec["date"].(string)
		out = append(out, Number{Property: name, Prefix: prefix, Date: date})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Property < out[j].Property })
	return out
}

// ValidNumberPrefix: two to six capital letters or digits.
func ValidNumberPrefix(p string) bool {
	if len(p) < 2 || len(p) > 6 {
		return false
	}
	for _, c := range p {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// CheckNumbers refuses an x-number annotation the server could not follow (definitions call it when
// a definition is saved): a prefix of two to six capital letters or digits, a string property,
// and a date property that exists.
func CheckNumbers(doc any) Errors {
	errs := Errors{}
	root, _ := doc.(map[string]any)
	props, _ := root["properties"].(map[string]any)
	for name, p := range props {
		m, _ := p.(map[string]any)
		spec, has := m["x-number"]
		if !has {
			continue
		}
		path := "schema.properties." + name + ".x-number"
		s, ok := spec.(map[string]any)
		prefix, _ := s["prefix"].(string)
		if !ok || !ValidNumberPrefix(prefix) {
			Add(errs, path, New("number_prefix",
				"x-number 须写明 prefix：2 至 6 位大写字母或数字", "x-number needs a prefix of 2 to 6 capital letters or digits"))
			continue
		}
		if t, _ := m["type"].(string); t != "string" {
			Add(errs, path, New("number_type",
				"由系统编号的字段须为字符串", "A field the server numbers must be a string"))
		}
		if d, _ := s["date"].(string); d != "" {
			if _, ok := props[d]; !ok {
				Add(errs, path, New("number_date",
					"x-number 的 date 须为本表单的顶层字段", "x-number's date must be a top-level field of the form"))
			}
		}
	}
	return errs
}
