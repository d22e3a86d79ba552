// Package logic evaluates JSON Logic (jsonlogic.com) with the semantics of json-logic-js, the
// library the browser runs: JavaScript truthiness, loose equality and number coercion, so
// the server and the browser give the same verdict on the same record. It never panics:
// logic that json-logic-js would throw on (an unknown operator, `all` over null) is an error.
package logic

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf16"
)

// maxDepth bounds nesting so administrator-written logic cannot exhaust the stack, maxSteps
// the work of one evaluation (logic that doubles its result at every level would otherwise
// exhaust memory long before it ended).
const (
	maxDepth = 256
	maxSteps = 1_000_000
)

// run is one evaluation and the work it has done.
type run struct{ steps int }

// Error is a logic that cannot be evaluated.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

func errorf(format string, args ...any) error { return &Error{msg: fmt.Sprintf(format, args...)} }

// Apply evaluates logic over data. Both are decoded JSON (json.Number is accepted).
func Apply(logic, data any) (result any, err error) {
	defer func() {
		// a bug here must cost one verdict, not the server
		if r := recover(); r != nil {
			result, err = nil, errorf("logic could not be evaluated: %v", r)
		}
	}()
	r := &run{}
	return r.apply(Normalize(logic), Normalize(data), 0)
}

// ApplyNormalized is Apply for logic and data already normalised (Normalize): nothing is
// copied, for logic evaluated many times over the same large data (a rule pack's tables). The
// data is only read.
func ApplyNormalized(logic, data any) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, errorf("logic could not be evaluated: %v", r)
		}
	}()
	r := &run{}
	return r.apply(logic, data, 0)
}

// String is JavaScript's String(v), as cat writes a value.
func String(v any) string { return toString(v) }

// IsLogic reports whether v is an operation: an object with exactly one key.
func IsLogic(v any) bool {
	m, ok := v.(map[string]any)
	return ok && len(m) == 1
}

func operator(m map[string]any) (string, any) {
	for k, v := range m {
		return k, v
	}
	return "", nil
}

func (r *run) apply(logic, data any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errorf("logic is nested more than %d levels deep", maxDepth)
	}
	if r.steps++; r.steps > maxSteps {
		return nil, errorf("logic takes more than %d steps", maxSteps)
	}
	if arr, ok := logic.([]any); ok {
		out := newArray(len(arr))
		for _, l := range arr {
			v, err := r.apply(l, data, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	if c, ok := logic.(*compiled); ok {
		return r.operate(c.op, c.values, c.fn, data, depth)
	}
	if !IsLogic(logic) {
		return logic, nil
	}
	op, raw := operator(logic.(map[string]any))
	values, ok := raw.([]any)
	if !ok {
		values = []any{raw}
	}
	return r.operate(op, values, operations[op], data, depth)
}

// operate applies operator op to its arguments (values, unevaluated) over data; fn is op's
// function when op is an ordinary operator.
func (r *run) operate(op string, values []any, fn operation, data any, depth int) (any, error) {
	ev := func(l, d any) (any, error) { return r.apply(l, d, depth+1) }

	switch op {
	case "if", "?:":
		i := 0
		for ; i < len(values)-1; i += 2 {
			c, err := ev(values[i], data)
			if err != nil {
				return nil, err
			}
			if Truthy(c) {
				return ev(values[i+1], data)
			}
		}
		if len(values) == i+1 {
			return ev(values[i], data)
		}
		return nil, nil
	case "and", "or":
		var current any
		for _, v := range values {
			c, err := ev(v, data)
			if err != nil {
				return nil, err
			}
			current = c
			if Truthy(c) == (op == "or") {
				return c, nil
			}
		}
		return current, nil
	case "filter", "map", "all", "none", "some":
		return r.iterate(op, values, data, depth)
	case "reduce":
		scoped, err := ev(arg(values, 0), data)
		if err != nil {
			return nil, err
		}
		var acc any
		if len(values) > 2 {
			if acc, err = ev(values[2], data); err != nil {
				return nil, err
			}
		}
		arr, isArr := scoped.([]any)
		if !isArr {
			return acc, nil
		}
		for _, item := range arr {
			if acc, err = ev(arg(values, 1), map[string]any{"current": item, "accumulator": acc}); err != nil {
				return nil, err
			}
		}
		return acc, nil
	}

	if fn == nil {
		return nil, errorf("unrecognized operation %s", op)
	}
	args := make([]any, len(values))
	for i, v := range values {
		a, err := ev(v, data)
		if err != nil {
			return nil, err
		}
		args[i] = a
	}
	out, err := fn(args, data, depth)
	// merge and cat can double their result at each level: count what they build
	switch x := out.(type) {
	case []any:
		r.steps += len(x)
	case string:
		r.steps += len(x) / 8
	}
	if r.steps > maxSteps {
		return nil, errorf("logic takes more than %d steps", maxSteps)
	}
	return out, err
}

func arg(values []any, i int) any {
	if i < len(values) {
		return values[i]
	}
	return nil
}

// iterate runs filter, map, all, none and some: the second argument is evaluated with each
// item of the first as its data. all, none and some stop at the first item that decides.
func (r *run) iterate(op string, values []any, data any, depth int) (any, error) {
	scoped, err := r.apply(arg(values, 0), data, depth+1)
	if err != nil {
		return nil, err
	}
	arr, isArr := scoped.([]any)
	if !isArr || len(arr) == 0 {
		switch op {
		case "all", "some":
			return false, nil
		case "none":
			return true, nil
		}
		if !isArr {
			return newArray(0), nil
		}
	}
	kept := newArray(0)
	for _, item := range arr {
		v, err := r.apply(arg(values, 1), item, depth+1)
		if err != nil {
			return nil, err
		}
		switch op {
		case "map":
			kept = append(kept, v)
		case "filter":
			if Truthy(v) {
				kept = append(kept, item)
			}
		case "all":
			if !Truthy(v) {
				return false, nil
			}
		case "some":
			if Truthy(v) {
				return true, nil
			}
		case "none":
			if Truthy(v) {
				return false, nil
			}
		}
	}
	switch op {
	case "all", "none":
		return true, nil
	case "some":
		return false, nil
	}
	return kept, nil
}

type operation func(args []any, data any, depth int) (any, error)

var operations map[string]operation

// Operators lists every operator the evaluator knows, sorted.
func Operators() []string {
	out := []string{"if", "?:", "and", "or", "filter", "map", "all", "none", "some", "reduce"}
	for k := range operations {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func init() {
	num := func(f func(a, b float64) any) operation {
		return func(args []any, _ any, _ int) (any, error) {
			return f(toNumber(at(args, 0)), toNumber(at(args, 1))), nil
		}
	}
	operations = map[string]operation{
		"==":  func(a []any, _ any, _ int) (any, error) { return LooseEqual(at(a, 0), at(a, 1)), nil },
		"===": func(a []any, _ any, _ int) (any, error) { return StrictEqual(at(a, 0), at(a, 1)), nil },
		"!=":  func(a []any, _ any, _ int) (any, error) { return !LooseEqual(at(a, 0), at(a, 1)), nil },
		"!==": func(a []any, _ any, _ int) (any, error) { return !StrictEqual(at(a, 0), at(a, 1)), nil },
		">":   func(a []any, _ any, _ int) (any, error) { return less(at(a, 1), at(a, 0)), nil },
		">=":  func(a []any, _ any, _ int) (any, error) { return lessOrEqual(at(a, 1), at(a, 0)), nil },
		"<":   between(less),
		"<=":  between(lessOrEqual),
		"!!":  func(a []any, _ any, _ int) (any, error) { return Truthy(at(a, 0)), nil },
		"!":   func(a []any, _ any, _ int) (any, error) { return !Truthy(at(a, 0)), nil },
		"%":   num(func(a, b float64) any { return math.Mod(a, b) }),
		"/":   num(func(a, b float64) any { return a / b }),
		"log": func(a []any, _ any, _ int) (any, error) { return at(a, 0), nil },
		"in":  opIn,
		"cat": func(a []any, _ any, _ int) (any, error) {
			var b strings.Builder
			for _, v := range a {
				if v != nil {
					b.WriteString(toString(v))
				}
			}
			return b.String(), nil
		},
		"substr": opSubstr,
		"+": func(a []any, _ any, _ int) (any, error) {
			sum := 0.0
			for _, v := range a {
				sum += parseFloat(v)
			}
			return sum, nil
		},
		"*": func(a []any, _ any, _ int) (any, error) {
			if len(a) == 0 {
				return nil, errorf("*: needs at least one argument")
			}
			var acc any = a[0] // one argument comes back as given, as with Array.reduce
			for _, v := range a[1:] {
				acc = parseFloat(acc) * parseFloat(v)
			}
			return acc, nil
		},
		"-": func(a []any, _ any, _ int) (any, error) {
			if len(a) < 2 {
				return -toNumber(at(a, 0)), nil
			}
			return toNumber(a[0]) - toNumber(a[1]), nil
		},
		"min":          extreme(math.Inf(1), func(x, y float64) bool { return x < y }),
		"max":          extreme(math.Inf(-1), func(x, y float64) bool { return x > y }),
		"merge":        opMerge,
		"var":          opVar,
		"missing":      opMissing,
		"missing_some": opMissingSome,
	}
	for name, op := range extensions {
		operations[name] = op
	}
	for name, a := range extensionArity {
		arity[name] = a
	}
}

func at(args []any, i int) any {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// between is < and <= with json-logic-js's three-argument form a < b < c.
func between(cmp func(a, b any) bool) operation {
	return func(a []any, _ any, _ int) (any, error) {
		if len(a) < 3 {
			if len(a) < 2 {
				// b is undefined: any comparison with it is false
				return false, nil
			}
			return cmp(a[0], a[1]), nil
		}
		return cmp(a[0], a[1]) && cmp(a[1], a[2]), nil
	}
}

func extreme(start float64, better func(x, y float64) bool) operation {
	return func(a []any, _ any, _ int) (any, error) {
		out := start
		for _, v := range a {
			f := toNumber(v)
			if math.IsNaN(f) {
				return math.NaN(), nil
			}
			if better(f, out) {
				out = f
			}
		}
		return out, nil
	}
}

func opIn(a []any, _ any, _ int) (any, error) {
	needle, hay := at(a, 0), at(a, 1)
	if !Truthy(hay) && !isEmptyArray(hay) {
		return false, nil
	}
	switch h := hay.(type) {
	case string:
		return strings.Contains(h, toString(needle)), nil
	case []any:
		for _, e := range h {
			if StrictEqual(e, needle) {
				return true, nil
			}
		}
	}
	return false, nil
}

func isEmptyArray(v any) bool {
	arr, ok := v.([]any)
	return ok && len(arr) == 0
}

func opSubstr(a []any, _ any, _ int) (any, error) {
	units := utf16.Encode([]rune(toString(at(a, 0))))
	size := float64(len(units))
	start := toIntegerOrInfinity(at(a, 1))
	if start < 0 {
		start = math.Max(size+start, 0)
	}
	start = math.Min(start, size)
	end := size
	if len(a) > 2 {
		if length := toIntegerOrInfinity(a[2]); less(a[2], 0.0) {
			// a negative length counts from the end of the rest of the string
			end = math.Max(start, size+length)
		} else {
			end = math.Min(size, start+math.Max(length, 0))
		}
	}
	return string(utf16.Decode(units[int(start):int(end)])), nil
}

func opMerge(a []any, _ any, _ int) (any, error) {
	out := newArray(0)
	for _, v := range a {
		if arr, ok := v.([]any); ok {
			out = append(out, arr...)
		} else {
			out = append(out, v)
		}
	}
	return out, nil
}

func opVar(a []any, data any, _ int) (any, error) {
	var notFound any
	if len(a) > 1 {
		notFound = a[1]
	}
	path := at(a, 0)
	if path == nil || path == "" || len(a) == 0 {
		return data, nil
	}
	cur := data
	rest := toString(path)
	for {
		// walked key by key without splitting: var runs for every rule of every record
		key, after, more := strings.Cut(rest, ".")
		if cur == nil {
			return notFound, nil
		}
		next, ok := member(cur, key)
		if !ok {
			return notFound, nil
		}
		cur = next
		if !more {
			return cur, nil
		}
		rest = after
	}
}

// member is data[key] in JavaScript for our values; ok is false where it would be undefined.
func member(v any, key string) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		m, ok := x[key]
		return m, ok
	case []any:
		if key == "length" {
			return float64(len(x)), true
		}
		if i, ok := arrayIndex(key); ok && i < len(x) {
			return x[i], true
		}
	case string:
		units := utf16.Encode([]rune(x))
		if key == "length" {
			return float64(len(units)), true
		}
		if i, ok := arrayIndex(key); ok && i < len(units) {
			return string(utf16.Decode(units[i : i+1])), true
		}
	}
	return nil, false
}

// arrayIndex accepts the canonical decimal form only, as JavaScript property keys do.
func arrayIndex(key string) (int, bool) {
	if key == "" || len(key) > 9 || (len(key) > 1 && key[0] == '0') {
		return 0, false
	}
	n := 0
	for _, c := range key {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func opMissing(a []any, data any, depth int) (any, error) {
	keys := a
	if first, ok := at(a, 0).([]any); ok {
		keys = first
	}
	missing := newArray(0)
	for _, k := range keys {
		v, err := opVar([]any{k}, data, depth)
		if err != nil {
			return nil, err
		}
		if v == nil || v == "" {
			missing = append(missing, k)
		}
	}
	return missing, nil
}

func opMissingSome(a []any, data any, depth int) (any, error) {
	options, ok := at(a, 1).([]any)
	if !ok {
		return nil, errorf("missing_some: the second argument must be a list of keys")
	}
	m, err := opMissing([]any{options}, data, depth)
	if err != nil {
		return nil, err
	}
	missing := m.([]any)
	if float64(len(options)-len(missing)) >= toNumber(at(a, 0)) {
		return newArray(0), nil
	}
	return missing, nil
}
