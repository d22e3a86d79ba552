package records

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// appendRecordJSON appends json.Marshal(r.PublicExport()) (the record's MarshalJSON), byte for
// byte, without reflection over the map: encoding/json walked each of a policy's 30 values by
// reflection and sorted the keys by insertion, a quarter of a list's CPU (issue 20). The value
// types a collection field gives (text, number, bool, date, JSON, multiple ids) are written
// here as encoding/json writes them (HTML escaped, as the records API answers); anything else
// (an expand) goes through encoding/json.
func appendRecordJSON(dst []byte, r *core.Record) ([]byte, error) {
	export := r.PublicExport()
	keys := make([]string, 0, len(export))
	for k := range export {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		var err error
		if dst, err = appendJSONValue(dst, export[k]); err != nil {
			return nil, err
		}
	}
	return append(dst, '}'), nil
}

func appendJSONValue(dst []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case string:
		return appendJSONString(dst, v), nil
	case bool:
		return strconv.AppendBool(dst, v), nil
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			break // encoding/json's error
		}
		return appendJSONFloat(dst, v), nil
	case []string:
		if v == nil {
			return append(dst, "null"...), nil
		}
		dst = append(dst, '[')
		for i, s := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, s)
		}
		return append(dst, ']'), nil
	case types.DateTime:
		return appendJSONString(dst, v.String()), nil
	case types.JSONRaw:
		raw, err := v.MarshalJSON()
		if err != nil {
			return nil, err
		}
		if plainJSON(raw) {
			return append(dst, raw...), nil
		}
		// as encoding/json writes a Marshaler's bytes: checked, compacted, HTML escaped
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			return nil, err
		}
		out := bytes.NewBuffer(dst)
		json.HTMLEscape(out, b.Bytes())
		return out.Bytes(), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(dst, b...), nil
}

// appendJSONFloat is encoding/json's float64 format.
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendJSONString is encoding/json's string with HTML escaping: <, >, & and U+2028/U+2029
// as \u escapes, invalid UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainJSON reports whether raw, valid JSON, is what json.Compact and then json.HTMLEscape
// would write of it: no whitespace outside its strings, none of <, >, &, U+2028, U+2029. A
// record's JSON field always holds valid JSON (PocketBase's JSONField.PrepareValue checks what it
// loads and quotes anything else as a string), and most stored data is compact, so a list page
// skips the two passes over every row's data (a tenth of a page's CPU).
func plainJSON(raw []byte) bool {
	inString, escaped := false, false
	for i, c := range raw {
		switch {
		case c == '<' || c == '>' || c == '&':
			return false
		case c == 0xE2 && i+2 < len(raw) && raw[i+1] == 0x80 && (raw[i+2] == 0xA8 || raw[i+2] == 0xA9):
			return false
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			return false
		}
	}
	return true
}
