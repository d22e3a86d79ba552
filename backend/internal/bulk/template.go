package bulk

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The XLSX template of a definition: a data sheet whose header row names every upload column
// in Chinese (the title, or the parent's title and its own where a title repeats), each header
// cell carrying a note (English title, required or not, the definition's help, the format, the
// other accepted spellings), drop-down lists for options and yes/no columns, and a sheet that
// explains every column. Filled in, it uploads as it is: the headers and the option titles are
// what headers.go and coerce.go accept.

const (
	dataSheet    = "数据"
	notesSheet   = "填写说明"
	optionsSheet = "选项"
)

// templateColumn is what the template says of one upload column.
type templateColumn struct {
	path, header, zh, en, help, format string
	required                           bool
	options                            []string // titles offered in a drop-down list
}

// describeColumns explains the upload columns of a definition in template order.
func describeColumns(doc any, extra []string) []templateColumn {
	aliases := headerAliases(doc, extra)
	var out []templateColumn
	for _, path := range templateColumns(doc, extra) {
		c := templateColumn{path: path, header: path}
		if r := refColumn(path); r != nil {
			c.zh, c.en, c.header = r.Zh, r.En, r.Zh
			c.help = "参照列，不属于记录本身：按统一社会信用代码指向已有的机构或企业。"
			out = append(out, c)
			continue
		}
		node, raw, parentZh, required := walkPath(doc, path)
		c.zh, c.en = titles(raw, node)
		c.required = required
		c.help, _ = node["x-help"].(string)
		c.format, _ = node["format"].(string)
		for _, label := range []string{c.zh, parentZh + "." + c.zh} {
			if c.zh != "" && aliases[normHeader(label)] == path {
				c.header = label
				break
			}
		}
		switch typeOf(node) {
		case "boolean":
			c.options = []string{"是", "否"}
		case "string":
			for _, o := range asList(node["oneOf"]) {
				m, _ := o.(map[string]any)
				if t, ok := m["title"].(string); ok {
					c.options = append(c.options, t)
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func refColumn(path string) *refTitle {
	for i := range refTitles {
		if refTitles[i].Column == path {
			return &refTitles[i]
		}
	}
	return nil
}

func asList(v any) []any { l, _ := v.([]any); return l }

// walkPath finds a dotted path's schema node, the node that refers to it (which may carry its
// titles), its parent's Chinese title and whether the path is required all the way down.
func walkPath(doc any, path string) (node map[string]any, raw any, parentZh string, required bool) {
	node = resolve(doc, doc)
	required = true
	for _, seg := range strings.Split(path, ".") {
		if zh, _ := titles(raw, node); raw != nil {
			parentZh = zh
		}
		req := false
		for _, r := range asList(node["required"]) {
			if r == seg {
				req = true
			}
		}
		required = required && req
		props, _ := node["properties"].(map[string]any)
		raw = props[seg]
		node = resolve(doc, raw)
		if node == nil {
			return map[string]any{}, raw, parentZh, false
		}
	}
	return node, raw, parentZh, required
}

// templateXLSX writes the template workbook of the columns.
func templateXLSX(cols []templateColumn) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return nil, err
	}
	for _, s := range []string{notesSheet, optionsSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": typed codes keep their leading zeros
	if err != nil {
		return nil, err
	}
	optionCol := 0
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(dataSheet, cell, c.header); err != nil {
			return nil, err
		}
		_ = f.SetColWidth(dataSheet, name, name, float64(max(12, len([]rune(c.header))*2+2)))
		if err := f.AddComment(dataSheet, excelize.Comment{Cell: cell, Author: "AZX", Text: columnNote(c)}); err != nil {
			return nil, err
		}
		body := fmt.Sprintf("%s2:%s%d", name, name, MaxRows+1)
		if len(c.options) == 0 && c.format != "" {
			_ = f.SetCellStyle(dataSheet, name+"2", fmt.Sprintf("%s%d", name, MaxRows+1), text)
		}
		if len(c.options) > 0 {
			// the list lives on its own sheet: a list written into the rule is held to 255 characters
			optionCol++
			oc, _ := excelize.ColumnNumberToName(optionCol)
			_ = f.SetCellStr(optionsSheet, oc+"1", c.header)
			for j, o := range c.options {
				_ = f.SetCellStr(optionsSheet, fmt.Sprintf("%s%d", oc, j+2), o)
			}
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(body)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", optionsSheet, oc, oc, len(c.options)+1))
			dv.SetError(excelize.DataValidationErrorStyleStop, "请从列表中选择", "请从下拉列表中选择："+strings.Join(c.options, "、"))
			if err := f.AddDataValidation(dataSheet, dv); err != nil {
				return nil, err
			}
		} else if c.format == "date" {
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(body)
			dv.SetInput(c.zh, "日期，格式 YYYY-MM-DD（如 2024-01-01）")
			if err := f.AddDataValidation(dataSheet, dv); err != nil {
				return nil, err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	_ = f.SetCellStyle(dataSheet, "A1", last, head)
	_ = f.SetPanes(dataSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := writeNotes(f, cols); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func columnNote(c templateColumn) string {
	var b strings.Builder
	b.WriteString(c.zh)
	if c.en != "" {
		b.WriteString("（" + c.en + "）")
	}
	if c.required {
		b.WriteString("\n必填 · required")
	} else {
		b.WriteString("\n选填 · optional")
	}
	if c.help != "" {
		b.WriteString("\n" + c.help)
	}
	if c.format == "date" {
		b.WriteString("\n格式 YYYY-MM-DD")
	}
	if len(c.options) > 0 {
		b.WriteString("\n可选：" + strings.Join(c.options, "、"))
	}
	b.WriteString("\n列名也可写作：" + c.path)
	return b.String()
}

func writeNotes(f *excelize.File, cols []templateColumn) error {
	header := []any{"列名", "Column (English)", "字段路径", "必填", "格式", "可选值", "说明"}
	if err := f.SetSheetRow(notesSheet, "A1", &header); err != nil {
		return err
	}
	for i, c := range cols {
		req := "选填"
		if c.required {
			req = "必填"
		}
		row := []any{c.header, c.en, c.path, req, c.format, strings.Join(c.options, "、"), c.help}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(notesSheet, cell, &row); err != nil {
			return err
		}
	}
	_ = f.SetColWidth(notesSheet, "A", "C", 24)
	_ = f.SetColWidth(notesSheet, "G", "G", 80)
	return nil
}
