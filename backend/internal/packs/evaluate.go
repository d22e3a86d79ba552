package packs

import (
	"strings"

	"azx/backend/internal/logic"
)

// Context is what a pack's JSON Logic reads besides the tables: the record (a policy's data),
// its enterprise (the registry row's data), the previous policy (the one it renews: null when it
// renews none, {"found": false} when it names one the enterprise does not have, else that
// policy's data with "found": true), the record's own date (a policy's period start) and today:
// the China day the server received the record (its upload day), or the caller's day; nil when
// unknown (a pack's test case without one), so a rule on it does not fire.
type Context struct {
	Record     map[string]any
	Enterprise map[string]any
	Previous   any
	Date       string
	Today      any
}

// Problem is a broken rule: where, which, how serious, and its message in both languages.
type Problem struct {
	Path     string `json:"path"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Layer    string `json:"layer"`
	Zh       string `json:"message_zh"`
	En       string `json:"message_en"`
	// Source is the rule's source as text; an imported record's flag carries it (not on the wire
	// of judge, which the browser's verdict matches)
	Source Text `json:"-"`
}

// Verdict is a record judged by an effective pack.
type Verdict struct {
	Computed map[string]any `json:"computed"`
	Refusals []Problem      `json:"refusals"`
	Warnings []Problem      `json:"warnings"`
}

// Severities of a rule.
const (
	Refuse = "refuse"
	Warn   = "warn"
)

// Judge runs the computations and the rules for one kind of record (applies_to: "policy") over
// ctx. Refusals come from the packs in force; a rule of a draft for comment (or a table it
// changes) that would refuse more only warns. One problem per path, the first in rule order,
// as a field shows one error. components/core/rule-set.ts does the same in the browser.
func (e *Effective) Judge(kind string, ctx Context) Verdict {
	v := e.RuleSet.judge(kind, ctx)
	if e.Proposed == nil {
		return v
	}
	p := e.Proposed.RuleSet.judge(kind, ctx)
	refused := map[string]bool{}
	for _, r := range v.Refusals {
		refused[r.Path] = true
	}
	warned := map[string]bool{}
	for _, w := range v.Warnings {
		warned[w.Path] = true
	}
	for _, list := range [][]Problem{p.Refusals, p.Warnings} {
		for _, pr := range list {
			if refused[pr.Path] || warned[pr.Path] {
				continue
			}
			pr.Severity = Warn
			warned[pr.Path] = true
			v.Warnings = append(v.Warnings, pr)
		}
	}
	return v
}

func (rs *RuleSet) judge(kind string, ctx Context) Verdict {
	data := map[string]any{
		"record": ctx.Record, "enterprise": ctx.Enterprise, "previous": ctx.Previous, "date": ctx.Date, "today": ctx.Today,
		"tables": rs.context,
	}
	computed := rs.compute(data)
	v := Verdict{Computed: computed, Refusals: []Problem{}, Warnings: []Problem{}}
	taken := map[string]bool{}
	warned := map[string]bool{}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		if r.AppliesTo != kind {
			continue
		}
		scopes := []map[string]any{data}
		if r.run.each != nil {
			scopes = scopes[:0]
			items, _ := logic.ApplyNormalized(r.run.each, data)
			list, _ := items.([]any)
			for _, item := range list {
				scopes = append(scopes, withItem(data, item))
			}
		}
		for _, scope := range scopes {
			if len(r.run.let) > 0 {
				scope = r.with(scope)
			}
			out, err := logic.ApplyNormalized(r.run.when, scope)
			if err == nil && !logic.Truthy(out) {
				continue
			}
			// a rule that cannot be evaluated counts as broken: the pack's tests should have said so
			pr := r.problem(scope)
			if r.Severity == Refuse {
				if !taken[pr.Path] {
					taken[pr.Path] = true
					v.Refusals = append(v.Refusals, pr)
				}
			} else if !warned[pr.Path] {
				warned[pr.Path] = true
				v.Warnings = append(v.Warnings, pr)
			}
		}
	}
	if len(v.Refusals) > 0 {
		kept := v.Warnings[:0]
		for _, w := range v.Warnings {
			if !taken[w.Path] {
				kept = append(kept, w)
			}
		}
		v.Warnings = kept
	}
	return v
}

// Compute runs the computations alone over ctx (no rule): what a server-derived fact reads,
// such as an enterprise's risk grade. A computation that fails is null.
func (e *Effective) Compute(ctx Context) map[string]any {
	return e.RuleSet.compute(map[string]any{
		"record": ctx.Record, "enterprise": ctx.Enterprise, "previous": ctx.Previous, "date": ctx.Date,
		"tables": e.RuleSet.context,
	})
}

func (rs *RuleSet) compute(data map[string]any) map[string]any {
	computed := make(map[string]any, len(rs.Computations))
	data["computed"] = computed
	for i, c := range rs.Computations {
		out, err := logic.ApplyNormalized(rs.computations[i], data)
		if err != nil {
			out = nil
		}
		computed[c.Name] = out
	}
	return computed
}

func withItem(data map[string]any, item any) map[string]any {
	return extend(data, "item", item)
}

// with adds the rule's let values, each evaluated in scope (they do not see each other).
func (r *EffectiveRule) with(scope map[string]any) map[string]any {
	values := make(map[string]any, len(r.run.let))
	for k, l := range r.run.let {
		out, err := logic.ApplyNormalized(l, scope)
		if err != nil {
			out = nil
		}
		values[k] = out
	}
	return extend(scope, "let", values)
}

func extend(data map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(data)+1)
	for k, x := range data {
		out[k] = x
	}
	out[key] = v
	return out
}

// problem fills the rule's path and message from its parameters in scope.
func (r *EffectiveRule) problem(scope map[string]any) Problem {
	zh := map[string]string{"source": r.SourceText.Zh, "pack": r.LayerTitle.Zh}
	en := map[string]string{"source": r.SourceText.En, "pack": r.LayerTitle.En}
	for k, l := range r.run.params {
		zh[k] = text(l, scope)
		en[k] = zh[k]
	}
	for k, l := range r.run.paramsEn {
		en[k] = text(l, scope)
	}
	return Problem{Path: fill(r.Path, zh), Code: r.Code, Severity: r.Severity, Layer: r.Layer,
		Zh: fill(r.Message.Zh, zh), En: fill(r.Message.En, en), Source: r.SourceText}
}

// text is a parameter's value as the message shows it: JavaScript's String(v), nothing for null.
func text(l any, scope map[string]any) string {
	out, err := logic.ApplyNormalized(l, scope)
	if err != nil || out == nil {
		return ""
	}
	return logic.String(out)
}

// fill replaces {name} by its value (unknown names by nothing).
func fill(tmpl string, values map[string]string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string { return values[m[1:len(m)-1]] })
}
