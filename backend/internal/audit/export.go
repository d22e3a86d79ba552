package audit

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// exportedRow predicts, from the record in memory, the row as ReadRow would read it back
// (every column as SQLite stores and returns it as text), saving a query inside the write's
// transaction. ok is false whenever the prediction is not certain (a value SQLite's column
// affinity could rewrite); the caller then reads the row.
func exportedRow(app core.App, r *core.Record) (map[string]*string, bool) {
	data, err := r.DBExport(app)
	if err != nil {
		return nil, false
	}
	return storedRow(app, r, data)
}

// storedRow is exportedRow's prediction from an export already made.
func storedRow(app core.App, r *core.Record, data map[string]any) (map[string]*string, bool) {
	var err error
	fields := r.Collection().Fields
	if len(data) != len(fields) {
		return nil, false
	}
	row := make(map[string]*string, len(data))
	for _, f := range fields {
		name := f.GetName()
		v, present := data[name]
		if !present {
			return nil, false
		}
		if valuer, ok := v.(driver.Valuer); ok {
			if v, err = valuer.Value(); err != nil {
				return nil, false
			}
		}
		s, ok := storedText(affinity(f.ColumnType(app)), v)
		if !ok {
			return nil, false
		}
		row[name] = s
	}
	return row, true
}

// affinity applies SQLite's column affinity rules to a declared column type.
func affinity(columnType string) string {
	t := strings.ToUpper(columnType)
	switch {
	case strings.Contains(t, "INT"):
		return "INTEGER"
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return "TEXT"
	case strings.Contains(t, "BLOB"):
		return "BLOB"
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}

// storedText is the text database/sql returns for v after SQLite stored it under an affinity.
func storedText(aff string, v any) (*string, bool) {
	str := func(s string) (*string, bool) { return &s, true }
	if v == nil {
		return nil, true
	}
	switch aff {
	case "TEXT":
		switch x := v.(type) {
		case string:
			return str(x)
		case []byte:
			return str(string(x))
		}
		return nil, false // SQLite would format the number itself
	case "NUMERIC", "INTEGER":
		switch x := v.(type) {
		case bool:
			if x {
				return str("1")
			}
			return str("0")
		case int64:
			return str(strconv.FormatInt(x, 10))
		case int:
			return str(strconv.Itoa(x))
		case float64:
			return numericFloat(x)
		case string:
			// text stays text unless it reads as a number; JSON objects, arrays, strings and
			// literals never do
			if x == "" || x == "true" || x == "false" || x == "null" ||
				x[0] == '{' || x[0] == '[' || x[0] == '"' {
				return str(x)
			}
		}
	}
	return nil, false
}

// numericFloat: a REAL that is exactly a 64-bit integer is stored as INTEGER; otherwise it
// stays REAL and reads back in %g form. Values near the int64 limits are left to ReadRow.
func numericFloat(f float64) (*string, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, false
	}
	if f == math.Trunc(f) {
		if math.Abs(f) >= 1<<62 {
			return nil, false
		}
		s := strconv.FormatInt(int64(f), 10)
		return &s, true
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	return &s, true
}
