package logic

import (
	"math"
	"regexp"
	"time"
)

// Operations AZX adds to JSON Logic, generic and nothing regulatory: exact decimal rounding
// (decimal.go), calendar dates, and look-ups that JSON Logic's scoping cannot write (inside map
// or filter, var sees only the item). components/core/logic-operations.ts installs the same
// operations into json-logic-js; the operator corpus (schemas/fixtures/jsonlogic-js-cases.json)
// holds the browser's answers and TestJSONLogicJSCases holds Go to them.
//
//	round          [x, places?, mode?]             x rounded to places decimals (half_up, ceiling, floor)
//	round_product  [factors, places?, mode?, divisors?]  Π factors ÷ Π divisors, exact, then rounded
//	date_add       [date, days]                    "YYYY-MM-DD" plus whole days; null when invalid
//	days_between   [from, to]                      whole days from one date to the other; null when invalid
//	get            [value, path, default?]         var over a computed value
//	find           [list, field, value]            the first item whose field === value, else null
//	difference     [list, other, field?]           items of list (by field) not in other
//	join           [list, separator?]              the items as text, as Array.prototype.join
//	tier           [x, list, field]                the first item whose field is null or ≥ x (bands)
//	pick           [object, keys]                  object's values at keys, in order (null when absent)
var extensions = map[string]operation{
	"round":         opRound,
	"round_product": opRoundProduct,
	"date_add":      opDateAdd,
	"days_between":  opDaysBetween,
	"get":           opGet,
	"find":          opFind,
	"difference":    opDifference,
	"join":          opJoin,
	"tier":          opTier,
	"pick":          opPick,
}

// extensionArity: argument counts Check enforces for the extensions.
var extensionArity = map[string][2]int{
	"round": {1, 3}, "round_product": {1, 4}, "date_add": {2, 2}, "days_between": {2, 2},
	"get": {2, 3}, "find": {3, 3}, "difference": {2, 3}, "join": {1, 2}, "tier": {3, 3}, "pick": {2, 2},
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// dayOf reads a calendar date "YYYY-MM-DD" (years 0001 to 9999) as midnight UTC.
func dayOf(v any) (time.Time, bool) {
	s, ok := v.(string)
	if !ok || !isoDate.MatchString(s) {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.Year() < 1 {
		return time.Time{}, false
	}
	return t, true
}

func opDateAdd(a []any, _ any, _ int) (any, error) {
	t, ok := dayOf(at(a, 0))
	days := numberArg(at(a, 1))
	if !ok || days != math.Trunc(days) || math.Abs(days) > 4e6 {
		return nil, nil
	}
	out := t.AddDate(0, 0, int(days))
	if out.Year() < 1 || out.Year() > 9999 {
		return nil, nil
	}
	return out.Format("2006-01-02"), nil
}

func opDaysBetween(a []any, _ any, _ int) (any, error) {
	from, ok1 := dayOf(at(a, 0))
	to, ok2 := dayOf(at(a, 1))
	if !ok1 || !ok2 {
		return nil, nil
	}
	return math.Round(to.Sub(from).Hours() / 24), nil
}

// lookup is var's walk over a value: an own key of an object, an index or length of an array
// or string, or notFound.
func lookup(v, path, notFound any) any {
	out, _ := opVar([]any{path, notFound}, v, 0)
	return out
}

func opGet(a []any, _ any, _ int) (any, error) {
	return lookup(at(a, 0), at(a, 1), at(a, 2)), nil
}

func opFind(a []any, _ any, _ int) (any, error) {
	list, _ := at(a, 0).([]any)
	for _, item := range list {
		if StrictEqual(lookup(item, at(a, 1), nil), at(a, 2)) {
			return item, nil
		}
	}
	return nil, nil
}

func opDifference(a []any, _ any, _ int) (any, error) {
	list, _ := at(a, 0).([]any)
	other, _ := at(a, 1).([]any)
	out := newArray(0)
	for _, item := range list {
		key := item
		if len(a) > 2 {
			key = lookup(item, a[2], nil)
		}
		found := false
		for _, o := range other {
			if StrictEqual(o, key) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, item)
		}
	}
	return out, nil
}

func opJoin(a []any, _ any, _ int) (any, error) {
	list, ok := at(a, 0).([]any)
	if !ok {
		return nil, nil
	}
	sep := ","
	if len(a) > 1 && a[1] != nil {
		sep = toString(a[1])
	}
	out := ""
	for i, e := range list {
		if i > 0 {
			out += sep
		}
		if e != nil {
			out += toString(e)
		}
	}
	return out, nil
}

func opTier(a []any, _ any, _ int) (any, error) {
	x := toNumber(at(a, 0))
	list, _ := at(a, 1).([]any)
	for _, item := range list {
		bound := lookup(item, at(a, 2), nil)
		if bound == nil || x <= toNumber(bound) {
			return item, nil
		}
	}
	return nil, nil
}

func opPick(a []any, _ any, _ int) (any, error) {
	keys, _ := at(a, 1).([]any)
	out := newArray(len(keys))
	for _, k := range keys {
		out = append(out, lookup(at(a, 0), k, nil))
	}
	return out, nil
}
