package bulk

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// CSV cells are text; the definition's schema says what each column should become. A cell
// that does not convert stays text, so the schema reports it like any other wrong value.

// schemaNode finds the schema of a dotted property path, following local $refs.
func schemaNode(doc any, path string) map[string]any {
	node := resolve(doc, doc)
	for _, seg := range strings.Split(path, ".") {
		props, _ := node["properties"].(map[string]any)
		next, ok := props[seg]
		if !ok {
			return nil
		}
		node = resolve(doc, next)
	}
	return node
}

func resolve(doc, node any) map[string]any {
	for i := 0; i < 16; i++ {
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		ref, ok := m["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/") {
			return m
		}
		cur := doc
		for _, seg := range strings.Split(ref[2:], "/") {
			cm, _ := cur.(map[string]any)
			cur = cm[seg]
		}
		node = cur
	}
	return nil
}

func typeOf(node map[string]any) string {
	if node == nil {
		return ""
	}
	t, _ := node["type"].(string)
	return t
}

// coerceCell converts one CSV cell according to the schema at path.
func coerceCell(doc any, path, cell string) any {
	node := schemaNode(doc, path)
	return coerceValue(doc, node, cell)
}

func coerceValue(doc any, node map[string]any, cell string) any {
	switch typeOf(node) {
	case "integer", "number":
		s := strings.NewReplacer(",", "", "，", "", " ", "", "¥", "", "￥", "").Replace(cell)
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return json.Number(s)
		}
	case "boolean":
		switch strings.ToLower(cell) {
		case "true", "1", "yes", "y", "是", "有":
			return true
		case "false", "0", "no", "n", "否", "无":
			return false
		}
	case "array":
		items := resolve(doc, node["items"])
		parts := strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '；' || r == '|' || r == '、' })
		out := make([]any, 0, len(parts))
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, coerceValue(doc, items, p))
			}
		}
		return out
	case "string":
		if f, _ := node["format"].(string); f == "date" {
			return excelDay(cell)
		}
		return optionConst(node, cell)
	}
	return cell
}

// excelDay turns a spreadsheet's day serial (45292 is 2024-01-01) into YYYY-MM-DD; any other
// text is kept for the schema to judge.
func excelDay(cell string) any {
	n, err := strconv.ParseFloat(cell, 64)
	if err != nil || n < 1 || n > 2958465 || strings.ContainsAny(cell, "-/") {
		return cell
	}
	t, err := excelize.ExcelDateToTime(n, false)
	if err != nil {
		return cell
	}
	return t.Format("2006-01-02")
}

// optionConst maps an option's Chinese or English title (有效, Active) to its value
// (active), as the template's drop-down lists write them.
func optionConst(node map[string]any, cell string) any {
	opts, _ := node["oneOf"].([]any)
	for _, o := range opts {
		m, _ := o.(map[string]any)
		c, ok := m["const"].(string)
		if !ok {
			continue
		}
		if zh, _ := m["title"].(string); zh == cell {
			return c
		}
		if en, _ := m["x-title-en"].(string); en != "" && strings.EqualFold(en, cell) {
			return c
		}
	}
	return cell
}
