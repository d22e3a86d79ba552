package bulk

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Limits of one upload.
const (
	MaxBytes = 20 << 20
	MaxRows  = 50000
)

// Row is one uploaded row: its 1-based data-row number and its fields, nested along dotted
// column names (insured.name → {"insured": {"name": …}}).
type Row struct {
	Num    int
	Fields map[string]any
	Err    *RequestError // a row the parser could not read (wrong number of cells)
}

// RequestError is a problem with the whole upload, reported in both languages.
type RequestError struct {
	Status int
	Code   string
	Zh, En string
}

func (e *RequestError) Error() string { return e.En }

func tooManyRows() *RequestError {
	return &RequestError{413, "bulk_too_many_rows",
		fmt.Sprintf("一次最多上传 %d 行，请拆分文件", MaxRows),
		fmt.Sprintf("An upload holds at most %d rows; split the file", MaxRows)}
}

func badInput(zh, en string) *RequestError { return &RequestError{400, "bulk_invalid_file", zh, en} }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parseFile reads a CSV (header row first; UTF-8 or GBK/GB18030, detected), an XLSX workbook
// (its first sheet, header row first) or a JSON array of row objects (or {"rows": [...]}); it
// answers the rows and what it read ("utf-8", "gb18030" or "xlsx"). A table is checked whole
// here (a malformed file is refused before anything is stored) and its rows are built later, a
// chunk at a time, as they are stored (source.each).
func parseFile(raw []byte, cols columns) (*source, string, error) {
	if isXLSX(raw) {
		src, err := parseXLSX(raw, cols)
		return src, "xlsx", err
	}
	raw, enc, err := decodeText(raw)
	if err != nil {
		return nil, "", badInput("文件无法识别：请上传 XLSX，或 UTF-8、GBK 编码的 CSV，或 JSON", "The file is not recognized: upload an XLSX, a CSV in UTF-8 or GBK, or JSON")
	}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return nil, enc, badInput("文件为空", "The file is empty")
	}
	if trimmed[0] == '[' || trimmed[0] == '{' {
		rows, err := parseJSON(trimmed, cols)
		if err != nil {
			return nil, enc, err
		}
		return &source{rows: rows}, enc, nil
	}
	src, err := parseCSV(raw, cols)
	return src, enc, err
}

// columns says what a header names (its dotted path) and how a cell of it converts.
type columns struct {
	aliases map[string]string
	coerce  func(path, cell string) any
}

func (c columns) path(header string) string { return columnOf(c.aliases, header) }

func parseJSON(raw []byte, cols columns) ([]Row, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return nil, badInput("JSON 无法解析："+err.Error(), "The JSON cannot be parsed: "+err.Error())
	}
	if obj, ok := top.(map[string]any); ok {
		top = obj["rows"]
	}
	list, ok := top.([]any)
	if !ok {
		return nil, badInput("JSON 须为行对象数组，或 {\"rows\": [...]}", "JSON must be an array of row objects, or {\"rows\": [...]}")
	}
	if len(list) > MaxRows {
		return nil, tooManyRows()
	}
	rows := make([]Row, 0, len(list))
	for i, item := range list {
		obj, ok := item.(map[string]any)
		row := Row{Num: i + 1, Fields: map[string]any{}}
		if !ok {
			row.Err = &RequestError{400, "bulk_row_not_object", "该行不是对象", "The row is not an object"}
		} else {
			for k, v := range obj {
				setPath(row.Fields, cols.path(k), v) // dotted keys and titles are accepted in JSON too
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func parseCSV(raw []byte, cols columns) (*source, error) {
	t := &table{cols: cols, open: func() (recordReader, error) {
		r := csv.NewReader(bytes.NewReader(raw))
		r.FieldsPerRecord = -1
		r.ReuseRecord = true // a cell is copied (trimmed, coerced) into the row's fields
		return r, nil
	}}
	return t.checked()
}

// recordReader is a table read a line at a time: a CSV reader, or an XLSX sheet's rows.
type recordReader interface {
	Read() ([]string, error)
}

// source is an upload's rows: a JSON upload's (decoded whole), or a table read again, a row at
// a time, while it is stored, so the built rows held at once are one chunk's whatever the
// file's size.
type source struct {
	rows  []Row
	table *table
	close func()
}

// each gives the rows in order until yield answers false.
func (s *source) each(yield func(Row) bool) error {
	if s.table != nil {
		return s.table.scan(yield)
	}
	for _, r := range s.rows {
		if !yield(r) {
			return nil
		}
	}
	return nil
}

func (s *source) done() {
	if s != nil && s.close != nil {
		s.close()
	}
}

// table is a CSV or a sheet: open reads it from its first line.
type table struct {
	cols columns
	open func() (recordReader, error)
}

// checked reads the table once without building rows: a malformed line or too many rows
// refuses the file whole, storing nothing.
func (t *table) checked() (*source, error) {
	if err := t.scan(nil); err != nil {
		return nil, err
	}
	return &source{table: t}, nil
}

// scan reads a header line and the rows under it (blank lines are not rows), giving each built
// row to yield (nil: only check the file).
func (t *table) scan(yield func(Row) bool) error {
	r, err := t.open()
	if err != nil {
		return err
	}
	header, err := r.Read()
	if err != nil {
		return badInput("表头无法读取："+err.Error(), "The header row cannot be read: "+err.Error())
	}
	header = slices.Clone(header)
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if h == "" {
			return badInput(fmt.Sprintf("表头第 %d 列为空", i+1), fmt.Sprintf("Header column %d is empty", i+1))
		}
		p := t.cols.path(h)
		if seen[p] {
			return badInput("表头重复："+h, "Duplicate header column: "+h)
		}
		seen[p] = true
		header[i] = p
	}
	count := 0
	for num := 1; ; num++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			// a stray quote makes the rest of the file ambiguous: refuse it whole, storing nothing
			line := num + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return badInput(fmt.Sprintf("CSV 第 %d 行（文件行号）格式错误，请检查引号：%v", line, err),
				fmt.Sprintf("The CSV is malformed at file line %d (check the quotes): %v", line, err))
		}
		if count == MaxRows {
			return tooManyRows()
		}
		if blank(rec) {
			num-- // blank lines are not rows
			continue
		}
		count++
		if yield != nil && !yield(t.row(num, header, rec)) {
			return nil
		}
	}
}

func (t *table) row(num int, header, rec []string) Row {
	row := Row{Num: num, Fields: map[string]any{}}
	if len(rec) != len(header) {
		row.Err = &RequestError{400, "bulk_row_cells",
			fmt.Sprintf("该行有 %d 列，表头有 %d 列", len(rec), len(header)),
			fmt.Sprintf("The row has %d cells, the header %d", len(rec), len(header))}
		return row
	}
	for i, cell := range rec {
		if cell = strings.TrimSpace(cell); cell != "" {
			setPath(row.Fields, header[i], t.cols.coerce(header[i], strings.Clone(cell)))
		}
	}
	return row
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// setPath stores v at a dotted path, creating nested objects.
func setPath(m map[string]any, path string, v any) {
	parts := strings.Split(path, ".")
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = v
}

// takeString removes a top-level meta column (enterprise_uscc) from the row and returns it.
func takeString(m map[string]any, key string) string {
	v, ok := m[key]
	if !ok {
		return ""
	}
	delete(m, key)
	s, _ := v.(string)
	if s == "" && v != nil {
		s = fmt.Sprint(v)
	}
	return strings.TrimSpace(s)
}
