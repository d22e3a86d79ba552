package logic

import "fmt"

// arity bounds the argument count of operators whose meaning depends on it; -1 is unbounded.
var arity = map[string][2]int{
	"var": {0, 2}, "missing_some": {2, 2}, "substr": {2, 3},
	"filter": {2, 2}, "map": {2, 2}, "all": {2, 2}, "none": {2, 2}, "some": {2, 2}, "reduce": {2, 3},
	"!": {1, 1}, "!!": {1, 1}, "==": {2, 2}, "===": {2, 2}, "!=": {2, 2}, "!==": {2, 2},
	">": {2, 2}, ">=": {2, 2}, "<": {2, 3}, "<=": {2, 3}, "/": {2, 2}, "%": {2, 2}, "-": {1, 2}, "*": {1, -1},
	"in": {2, 2},
}

// Check refuses logic an administrator most likely got wrong before it is ever evaluated: an
// unknown operator, an object with several keys (json-logic-js would silently treat it as a
// value), a wrong argument count. It is stricter than evaluation on purpose.
func Check(logic any) error {
	return check(Normalize(logic), "", 0)
}

func check(l any, where string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("logic is nested more than %d levels deep", maxDepth)
	}
	switch x := l.(type) {
	case []any:
		for i, e := range x {
			if err := check(e, fmt.Sprintf("%s[%d]", where, i), depth+1); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		if len(x) != 1 {
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			return fmt.Errorf("%s: an operation is an object with exactly one operator, found %d keys %v", at0(where), len(x), keys)
		}
		op, raw := operator(x)
		if _, ok := operations[op]; !ok && !special(op) {
			return fmt.Errorf("%s: unknown operator %q", at0(where), op)
		}
		values, isList := raw.([]any)
		if !isList {
			values = []any{raw}
		}
		if b, ok := arity[op]; ok && (len(values) < b[0] || (b[1] >= 0 && len(values) > b[1])) {
			if b[1] < 0 {
				return fmt.Errorf("%s: %q needs at least %d arguments, has %d", at0(where), op, b[0], len(values))
			}
			return fmt.Errorf("%s: %q takes %d to %d arguments, has %d", at0(where), op, b[0], b[1], len(values))
		}
		return check(values, where+"."+op, depth+1)
	}
	return nil
}

func special(op string) bool {
	switch op {
	case "if", "?:", "and", "or", "filter", "map", "all", "none", "some", "reduce":
		return true
	}
	return false
}

func at0(where string) string {
	if where == "" {
		return "logic"
	}
	return "logic" + where
}
