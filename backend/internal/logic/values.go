package logic

import (
	"encoding/json"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Values are what encoding/json (or validation.ParseJSON) decodes: nil, bool, float64 (or
// json.Number, normalised on entry), string, []any, map[string]any. JavaScript's undefined
// has no JSON form; json-logic-js only produces it where we return nil (JSON.stringify agrees).

// Normalize deep-copies a decoded JSON value, turning json.Number and Go integer kinds into
// float64, the only number type JavaScript has.
func Normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return math.NaN()
		}
		return f
	case float64, string, bool, nil:
		return x
	case float32:
		return float64(x)
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case int32:
		return float64(x)
	case []any:
		out := newArray(len(x))
		for _, e := range x {
			out = append(out, Normalize(e))
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Normalize(e)
		}
		return out
	}
	// anything else (a Go struct from a caller) goes through JSON once
	raw, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var back any
	if json.Unmarshal(raw, &back) != nil {
		return nil
	}
	return back
}

// Truthy is json-logic-js's truthy: JavaScript truthiness, except that an empty array is false.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	}
	return true
}

func isObject(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

// toPrimitive is JavaScript's ToPrimitive for our values: arrays join, objects name themselves.
func toPrimitive(v any) any {
	if isObject(v) {
		return toString(v)
	}
	return v
}

var (
	decimalLiteral = regexp.MustCompile(`^[+-]?(Infinity|[0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)$`)
	decimalPrefix  = regexp.MustCompile(`^[+-]?(Infinity|[0-9]+\.?[0-9]*([eE][+-]?[0-9]+)?|\.[0-9]+([eE][+-]?[0-9]+)?)`)
	binaryLiteral  = regexp.MustCompile(`^0[bB][01]+$`)
	octalLiteral   = regexp.MustCompile(`^0[oO][0-7]+$`)
	hexLiteral     = regexp.MustCompile(`^0[xX][0-9a-fA-F]+$`)
)

// jsTrim removes what JavaScript counts as white space and line terminators.
func jsTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
			return true
		}
		return r >= 0x2000 && r <= 0x200A
	})
}

func parseDecimal(lit string) float64 {
	switch strings.TrimLeft(lit, "+-") {
	case "Infinity":
		if strings.HasPrefix(lit, "-") {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		// out of range: ParseFloat returns ±Inf with the error, as JavaScript does
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f
		}
		return math.NaN()
	}
	return f
}

// toNumber is JavaScript's ToNumber.
func toNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case string:
		s := jsTrim(x)
		switch {
		case s == "":
			return 0
		case decimalLiteral.MatchString(s):
			return parseDecimal(s)
		case hexLiteral.MatchString(s):
			return parseRadix(s[2:], 16)
		case octalLiteral.MatchString(s):
			return parseRadix(s[2:], 8)
		case binaryLiteral.MatchString(s):
			return parseRadix(s[2:], 2)
		}
		return math.NaN()
	case []any, map[string]any:
		return toNumber(toPrimitive(x))
	}
	return math.NaN()
}

func parseRadix(digits string, base int) float64 {
	f := 0.0
	for _, c := range digits {
		d, _ := strconv.ParseInt(string(c), base, 64)
		f = f*float64(base) + float64(d)
	}
	return f
}

// parseFloat is JavaScript's global parseFloat: the longest decimal prefix of String(v).
func parseFloat(v any) float64 {
	if f, ok := v.(float64); ok {
		return f
	}
	s := strings.TrimLeftFunc(toString(v), func(r rune) bool { return jsTrim(string(r)) == "" })
	m := decimalPrefix.FindString(s)
	if m == "" {
		return math.NaN()
	}
	return parseDecimal(m)
}

// toString is JavaScript's String(v).
func toString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		if x {
			return "true"
		}
		return "false"
	case float64:
		return numberToString(x)
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = toString(e)
			}
		}
		return strings.Join(parts, ",")
	case map[string]any:
		return "[object Object]"
	}
	return ""
}

// numberToString is Number.prototype.toString(): the shortest round-trip digits, in plain
// notation from 1e-6 up to 1e21 and exponent notation outside.
func numberToString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±x
	mant, expPart, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(expPart)
	k, n := len(digits), exp+1
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	out := digits[:1]
	if k > 1 {
		out += "." + digits[1:]
	}
	es := "+"
	if n-1 < 0 {
		es = "-"
	}
	return sign + out + "e" + es + strconv.Itoa(abs(n-1))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// sameRef is JavaScript object identity for our values.
func sameRef(a, b any) bool {
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() != rb.Kind() {
		return false
	}
	switch ra.Kind() {
	case reflect.Slice:
		// every array we hold has its own backing store (newArray), so this is identity
		return ra.Len() == rb.Len() && ra.Cap() > 0 && ra.Pointer() == rb.Pointer()
	case reflect.Map:
		return ra.Pointer() == rb.Pointer()
	}
	return false
}

// StrictEqual is JavaScript's ===.
func StrictEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	}
	return sameRef(a, b)
}

// LooseEqual is JavaScript's == (IsLooselyEqual).
func LooseEqual(a, b any) bool {
	if sameType(a, b) {
		return StrictEqual(a, b)
	}
	if a == nil || b == nil {
		return false // null equals only null (and undefined, which JSON has not)
	}
	switch x := a.(type) {
	case bool:
		return LooseEqual(toNumber(x), b)
	case float64:
		switch y := b.(type) {
		case string:
			return x == toNumber(y)
		case bool:
			return x == toNumber(y)
		default:
			return LooseEqual(x, toPrimitive(y))
		}
	case string:
		switch y := b.(type) {
		case float64:
			return toNumber(x) == y
		case bool:
			return LooseEqual(x, toNumber(y))
		default:
			return LooseEqual(x, toPrimitive(y))
		}
	}
	// a is an object, b a primitive
	if _, ok := b.(bool); ok {
		return LooseEqual(a, toNumber(b))
	}
	return LooseEqual(toPrimitive(a), b)
}

func sameType(a, b any) bool {
	switch a.(type) {
	case nil:
		return b == nil
	case bool:
		_, ok := b.(bool)
		return ok
	case float64:
		_, ok := b.(float64)
		return ok
	case string:
		_, ok := b.(string)
		return ok
	}
	return isObject(a) && isObject(b)
}

// less is JavaScript's a < b (IsLessThan): strings compare by UTF-16 code units, everything
// else as numbers; NaN makes it false.
func less(a, b any) bool {
	pa, pb := toPrimitive(a), toPrimitive(b)
	sa, aStr := pa.(string)
	sb, bStr := pb.(string)
	if aStr && bStr {
		return compareUTF16(sa, sb) < 0
	}
	return toNumber(pa) < toNumber(pb)
}

// lessOrEqual is a <= b, which JavaScript defines as !(b < a) except that NaN gives false.
func lessOrEqual(a, b any) bool {
	pa, pb := toPrimitive(a), toPrimitive(b)
	sa, aStr := pa.(string)
	sb, bStr := pb.(string)
	if aStr && bStr {
		return compareUTF16(sa, sb) <= 0
	}
	return toNumber(pa) <= toNumber(pb)
}

func compareUTF16(a, b string) int {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	return len(ua) - len(ub)
}

// toIntegerOrInfinity is the ToIntegerOrInfinity of String.prototype.substr's arguments.
func toIntegerOrInfinity(v any) float64 {
	f := toNumber(v)
	if math.IsNaN(f) {
		return 0
	}
	return math.Trunc(f)
}

// newArray makes an array with its own backing store even when empty: Go shares one address
// among empty allocations, and JavaScript's === tells two empty arrays apart.
func newArray(n int) []any {
	if n < 1 {
		n = 1
	}
	return make([]any, 0, n)
}
