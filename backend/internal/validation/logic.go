package validation

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"azx/backend/internal/logic"
)

// The JSON Logic annotations of a definition (DESIGN.md, "The spine"):
//   - x-rules on an object: [{rule, message: {"zh-CN", en}, path?}], each rule must be truthy;
//   - x-compute on a property: its value is the logic's result, recomputed by the server;
//   - x-visible on a property: when falsy the field is hidden, neither validated nor stored.
// Variables are dotted paths from the record root. Only properties reached from the root
// through `properties` may carry them (not array items, not $defs): there the root-relative
// paths are unambiguous. components/core/logic.ts applies the same steps in the browser.

// Codes of the logic errors.
const (
	CodeRuleFailed      = "rule_failed"
	CodeComputeMismatch = "compute_mismatch"
	CodeHiddenField     = "hidden_field"
)

type ruleSpec struct {
	rule   any
	zh, en string
	path   []string // nil: the record (or the object carrying the rule)
}

type fieldLogic struct {
	loc   []string
	logic any
}

type logicSpec struct {
	computes []fieldLogic
	visibles []fieldLogic
	rules    []struct {
		owner []string // the object carrying x-rules; its rules apply when it is present
		ruleSpec
	}
}

func (l *logicSpec) empty() bool {
	return l == nil || len(l.computes)+len(l.visibles)+len(l.rules) == 0
}

// CheckLogic refuses malformed x-rules, x-compute and x-visible anywhere in a schema document,
// with a message naming the place.
func CheckLogic(doc any) error {
	_, err := collectLogic(doc)
	return err
}

func collectLogic(doc any) (*logicSpec, error) {
	spec := &logicSpec{}
	supported := map[string]bool{}
	if err := walkProperties(doc, nil, "", spec, supported); err != nil {
		return nil, err
	}
	// anything annotated elsewhere would silently do nothing: refuse it
	var stray []string
	findAnnotations(doc, "", func(ptr string) {
		if !supported[ptr] {
			stray = append(stray, ptr)
		}
	})
	if len(stray) > 0 {
		sort.Strings(stray)
		return nil, fmt.Errorf("%s: x-rules, x-compute and x-visible are supported only on the root object and on properties reached from it through \"properties\"", strings.Join(stray, ", "))
	}
	return spec, nil
}

// walkProperties collects the annotations along properties; ptr is the schema location
// ("/properties/a") and marks them supported, loc the record path ([a]).
func walkProperties(node any, loc []string, ptr string, spec *logicSpec, supported map[string]bool) error {
	m, ok := node.(map[string]any)
	if !ok {
		return nil
	}
	where := ptr
	if where == "" {
		where = "/"
	}
	if raw, has := m["x-rules"]; has {
		supported[where+"#x-rules"] = true
		list, ok := raw.([]any)
		if !ok {
			return fmt.Errorf("%s: x-rules must be a list of {rule, message, path?}", where)
		}
		for i, item := range list {
			r, err := parseRule(item)
			if err != nil {
				return fmt.Errorf("%s: x-rules[%d]: %v", where, i, err)
			}
			spec.rules = append(spec.rules, struct {
				owner []string
				ruleSpec
			}{owner: clone(loc), ruleSpec: r})
		}
	}
	for _, kw := range []string{"x-compute", "x-visible"} {
		raw, has := m[kw]
		if !has {
			continue
		}
		supported[where+"#"+kw] = true
		if len(loc) == 0 {
			return fmt.Errorf("%s: %s belongs on a property, not on the record itself", where, kw)
		}
		if err := logic.Check(raw); err != nil {
			return fmt.Errorf("%s: %s: %v", where, kw, err)
		}
		fl := fieldLogic{loc: clone(loc), logic: logic.Normalize(raw)}
		if kw == "x-compute" {
			spec.computes = append(spec.computes, fl)
		} else {
			spec.visibles = append(spec.visibles, fl)
		}
	}
	props, _ := m["properties"].(map[string]any)
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := walkProperties(props[k], append(clone(loc), k), ptr+"/properties/"+k, spec, supported); err != nil {
			return err
		}
	}
	return nil
}

func parseRule(item any) (ruleSpec, error) {
	obj, ok := item.(map[string]any)
	if !ok {
		return ruleSpec{}, errors.New("each rule must be an object {rule, message, path?}")
	}
	rule, has := obj["rule"]
	if !has {
		return ruleSpec{}, errors.New("\"rule\" is missing")
	}
	if err := logic.Check(rule); err != nil {
		return ruleSpec{}, err
	}
	msg, _ := obj["message"].(map[string]any)
	zh, _ := msg["zh-CN"].(string)
	en, _ := msg["en"].(string)
	if strings.TrimSpace(zh) == "" || strings.TrimSpace(en) == "" {
		return ruleSpec{}, errors.New("\"message\" must give both \"zh-CN\" and \"en\" text")
	}
	r := ruleSpec{rule: logic.Normalize(rule), zh: zh, en: en}
	for k := range obj {
		if k != "rule" && k != "message" && k != "path" {
			return ruleSpec{}, fmt.Errorf("unknown member %q (a rule has rule, message and path)", k)
		}
	}
	if p, has := obj["path"]; has {
		s, ok := p.(string)
		if !ok || s == "" || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
			return ruleSpec{}, errors.New("\"path\" must be a dotted field path such as \"prevention_budget\"")
		}
		r.path = strings.Split(s, ".")
	}
	return r, nil
}

// findAnnotations reports every x-rules / x-compute / x-visible in subschema positions.
func findAnnotations(node any, ptr string, found func(string)) {
	switch n := node.(type) {
	case []any:
		for i, e := range n {
			findAnnotations(e, ptr+"/"+strconv.Itoa(i), found)
		}
	case map[string]any:
		where := ptr
		if where == "" {
			where = "/"
		}
		for k, v := range n {
			switch k {
			case "x-rules", "x-compute", "x-visible":
				found(where + "#" + k)
				continue
			case "const", "enum", "default", "examples":
				continue // data, not subschemas
			}
			findAnnotations(v, ptr+"/"+k, found)
		}
	}
}

func clone(loc []string) []string { return append([]string(nil), loc...) }

// ---- applying the logic to a record --------------------------------------------------

// prepare runs the logic steps over a record (decoded by ParseJSON) and returns the value
// to validate and store (hidden fields removed, computed fields filled), the paths hidden, and
// the logic errors that do not depend on the schema (hidden_field, compute_mismatch).
// filled is true when a computed field the client left out now has a value. inactive (may be
// nil) names the fields of branches that do not apply, judged after the computes; they are
// hidden like a falsy x-visible.
func (l *logicSpec) prepare(record any, label func([]string) (string, string), prefix string, inactive func(map[string]any) [][]string) (value any, hidden [][]string, errs Errors, filled bool) {
	errs = Errors{}
	root, ok := record.(map[string]any)
	if !ok || (l.empty() && inactive == nil) {
		return record, nil, errs, false
	}
	v := deepCopy(root)
	l.fillComputes(v, nil)
	if inactive != nil {
		hidden = inactive(v)
	}
	for _, f := range l.visibles {
		if !parentPresent(v, f.loc) {
			continue
		}
		show, err := logic.Apply(f.logic, v)
		if err == nil && logic.Truthy(show) {
			continue
		}
		hidden = append(hidden, f.loc)
	}
	for _, h := range hidden {
		if _, present := ValueAt(root, h); present {
			zh, en := label(h)
			Add(errs, fieldPath(prefix, h), New(CodeHiddenField,
				"“"+zh+"”在当前填写情况下不适用，不能填写", en+" does not apply here and must be left empty"))
		}
		removeAt(v, h)
	}
	l.fillComputes(v, hidden)
	for _, c := range l.computes {
		if isHidden(c.loc, hidden) {
			continue
		}
		sent, present := ValueAt(root, c.loc)
		if !present || sent == nil {
			if _, now := ValueAt(v, c.loc); now {
				filled = true
			}
			continue
		}
		want, _ := ValueAt(v, c.loc)
		if !sameComputed(sent, want) {
			zh, en := label(c.loc)
			shown := "空"
			shownEn := "empty"
			if want != nil {
				shown = displayJSON(want)
				shownEn = shown
			}
			Add(errs, fieldPath(prefix, c.loc), New(CodeComputeMismatch,
				"“"+zh+"”由系统计算，应为 "+shown+"，不能手工填写",
				en+" is computed and must be "+shownEn+"; it cannot be entered by hand"))
		}
	}
	return v, hidden, errs, filled
}

// fillComputes sets every computed field from the current value, repeating so a computed field
// that uses another sees its final value (the order of properties does not matter).
func (l *logicSpec) fillComputes(v map[string]any, hidden [][]string) {
	for pass := 0; pass <= len(l.computes); pass++ {
		changed := false
		for _, c := range l.computes {
			if !parentPresent(v, c.loc) || isHidden(c.loc, hidden) {
				continue
			}
			out, err := logic.Apply(c.logic, v)
			var next any
			if err == nil {
				next = computedValue(out)
			}
			cur, present := ValueAt(v, c.loc)
			if next == nil {
				if present {
					removeAt(v, c.loc)
					changed = true
				}
				continue
			}
			if !present || !reflect.DeepEqual(logic.Normalize(cur), next) {
				setAt(v, c.loc, next)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// computedValue is what a computed field stores: numbers rounded to 2 decimals (as
// JavaScript's Math.round does it), no value for NaN or ±Infinity (JSON has none).
func computedValue(out any) any {
	if f, ok := out.(float64); ok {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return round2(f)
	}
	return out
}

func round2(f float64) float64 {
	r := math.Floor(f*100+0.5) / 100
	if r == 0 {
		return 0
	}
	return r
}

// sameComputed compares what a client sent with the server's value: numbers after rounding to
// 2 decimals, anything else exactly.
func sameComputed(sent, want any) bool {
	s, want := logic.Normalize(sent), logic.Normalize(want)
	if sf, ok := s.(float64); ok {
		wf, ok := want.(float64)
		return ok && round2(sf) == round2(wf)
	}
	return reflect.DeepEqual(s, want)
}

func displayJSON(v any) string {
	v = logic.Normalize(v)
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func (l *logicSpec) checkRules(v any, hidden [][]string, prefix string, errs Errors) {
	for _, r := range l.rules {
		if isHidden(r.owner, hidden) {
			continue
		}
		if len(r.owner) > 0 {
			if owner, present := ValueAt(v, r.owner); !present || owner == nil {
				continue
			}
		}
		ok, err := logic.Apply(r.rule, v)
		if err == nil && logic.Truthy(ok) {
			continue
		}
		path := prefix
		if r.path != nil {
			path = fieldPath(prefix, r.path)
		} else if len(r.owner) > 0 {
			path = fieldPath(prefix, r.owner)
		}
		Add(errs, path, New(CodeRuleFailed, r.zh, r.en))
	}
}

func isHidden(loc []string, hidden [][]string) bool {
	for _, h := range hidden {
		if len(loc) >= len(h) && reflect.DeepEqual(loc[:len(h)], h) {
			return true
		}
	}
	return false
}

// under reports whether an error path (data.a.b) lies at or below a hidden location.
func under(path, prefix string, hidden [][]string) bool {
	for _, h := range hidden {
		p := fieldPath(prefix, h)
		if path == p || strings.HasPrefix(path, p+".") {
			return true
		}
	}
	return false
}

func parentPresent(v map[string]any, loc []string) bool {
	if len(loc) <= 1 {
		return true
	}
	p, ok := ValueAt(v, loc[:len(loc)-1])
	_, isObj := p.(map[string]any)
	return ok && isObj
}

func setAt(v map[string]any, loc []string, val any) {
	cur := v
	for _, k := range loc[:len(loc)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return
		}
		cur = next
	}
	cur[loc[len(loc)-1]] = val
}

func removeAt(v map[string]any, loc []string) {
	cur := v
	for _, k := range loc[:len(loc)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			return
		}
		cur = next
	}
	delete(cur, loc[len(loc)-1])
}

func deepCopy(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			out[k] = deepCopy(sub)
		} else {
			out[k] = v // arrays and scalars are never modified in place
		}
	}
	return out
}
