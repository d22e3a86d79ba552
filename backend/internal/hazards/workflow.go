package hazards

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// workflowJSON is schemas/workflows/hazard.json, copied here by `npm run types` (checked by
// `types.mjs --check`). The ledger interprets the same document (components/hazard-ledger/loop.ts).
//
//go:embed workflow.json
var workflowJSON []byte

// Loop is the hazard closed loop the server enforces.
var Loop = mustParse(workflowJSON)

// Workflow is a parsed workflow document (schemas/workflows/workflow.schema.json).
type Workflow struct {
	Key         string              `json:"key"`
	Initial     string              `json:"initial"`
	States      []State             `json:"states"`
	Transitions map[string][]string `json:"transitions"`
	Actions     []Action            `json:"actions"`
	Deadlines   Days                `json:"deadlines"`
	FollowUp    *FollowUp           `json:"follow_up"`
	Recipients  []Recipient         `json:"recipients"`
}

// Recipient is a person of the unit a written notice may be addressed to (主要负责人, 实际控制人).
type Recipient struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// Recipient finds a recipient by code.
func (w *Workflow) Recipient(code string) (Recipient, bool) {
	for _, r := range w.Recipients {
		if r.Code == code {
			return r, true
		}
	}
	return Recipient{}, false
}

// State is one state of the loop.
type State struct {
	Code    string `json:"code"`
	Zh      string `json:"zh"`
	En      string `json:"en"`
	Overdue bool   `json:"overdue"`
	Closed  bool   `json:"closed"`
}

// Days are a number of days by severity.
type Days struct {
	General int `json:"general"`
	Major   int `json:"major"`
}

// Of is the number of days for a hazard of that severity.
func (d Days) Of(major bool) int {
	if major {
		return d.Major
	}
	return d.General
}

// FollowUp is a return visit due some days after an action (回头看).
type FollowUp struct {
	After  string `json:"after"`
	Action string `json:"action"`
	Days   Days   `json:"days"`
}

// Action is what a hazard event names, as the document writes it; Rule resolves it for a severity.
type Action struct {
	Code     string          `json:"code"`
	Zh       string          `json:"zh"`
	En       string          `json:"en"`
	To       *string         `json:"to"`
	From     json.RawMessage `json:"from"`
	Roles    []string        `json:"roles"`
	Evidence string          `json:"evidence"`
	Note     string          `json:"note"`
	NotBy    []string        `json:"not_by"`
	// Recipients must each be named as notified on the event (notified_to: code → name).
	Recipients []string `json:"recipients"`
	// Major holds what changes for a major hazard; a key present with null ("to": null) counts.
	Major map[string]json.RawMessage `json:"major"`
}

// Rule is an action as it applies to a hazard of one severity.
type Rule struct {
	Code, Zh, En string
	// To is the status it moves the hazard to ("" for none).
	To string
	// From are the statuses it may be taken in.
	From []string
	// Roles may post it through the API (none: the server alone).
	Roles []string
	// Evidence is "none", "asked" (the browser asks; the server accepts without) or "required".
	Evidence string
	// NotBy: not by the organization that took the latest of these actions on the hazard.
	NotBy []string
	// Recipients: the people the event must name as notified (notified_to), by recipient code.
	Recipients []string
}

func mustParse(doc []byte) *Workflow {
	w, err := Parse(doc)
	if err != nil {
		panic("hazards: workflow.json: " + err.Error())
	}
	return w
}

// Parse reads a workflow document. `npm run types` has checked it against its schema and its
// cross-references; Parse checks again what the interpreter relies on.
func Parse(doc []byte) (*Workflow, error) {
	var w Workflow
	if err := json.Unmarshal(doc, &w); err != nil {
		return nil, err
	}
	if !w.HasState(w.Initial) {
		return nil, fmt.Errorf("initial state %q is not a state", w.Initial)
	}
	for _, a := range w.Actions {
		for _, major := range []bool{false, true} {
			r, err := w.resolve(a, major)
			if err != nil {
				return nil, fmt.Errorf("action %s: %w", a.Code, err)
			}
			if r.To != "" && !w.HasState(r.To) {
				return nil, fmt.Errorf("action %s leads to unknown state %q", a.Code, r.To)
			}
			for _, code := range r.Recipients {
				if _, ok := w.Recipient(code); !ok {
					return nil, fmt.Errorf("action %s names unknown recipient %q", a.Code, code)
				}
			}
		}
	}
	return &w, nil
}

// HasState reports whether s is a state of the loop.
func (w *Workflow) HasState(s string) bool {
	return slices.ContainsFunc(w.States, func(x State) bool { return x.Code == s })
}

// CanMove reports whether the loop goes from one state straight to another.
func (w *Workflow) CanMove(from, to string) bool {
	return slices.Contains(w.Transitions[from], to)
}

// StatesWhere are the states with an attribute ("overdue": not yet rectified; "closed").
func (w *Workflow) StatesWhere(attribute string) []string {
	var out []string
	for _, s := range w.States {
		if (attribute == "overdue" && s.Overdue) || (attribute == "closed" && s.Closed) {
			out = append(out, s.Code)
		}
	}
	return out
}

// Rule resolves an action for a hazard of one severity; false for an unknown action.
func (w *Workflow) Rule(action string, major bool) (Rule, bool) {
	for _, a := range w.Actions {
		if a.Code == action {
			r, err := w.resolve(a, major)
			return r, err == nil
		}
	}
	return Rule{}, false
}

// Target is the status an action moves a hazard to ("" for none).
func (w *Workflow) Target(action string, major bool) string {
	r, _ := w.Rule(action, major)
	return r.To
}

// Allows reports whether the action may be taken on a hazard in status from.
func (w *Workflow) Allows(action, from string, major bool) bool {
	r, ok := w.Rule(action, major)
	return ok && slices.Contains(r.From, from)
}

// RolesMovingTo are the roles some action lets move a hazard to status to (either severity).
func (w *Workflow) RolesMovingTo(to string) []string {
	var out []string
	for _, a := range w.Actions {
		for _, major := range []bool{false, true} {
			r, _ := w.resolve(a, major)
			if r.To != to {
				continue
			}
			for _, role := range r.Roles {
				if !slices.Contains(out, role) {
					out = append(out, role)
				}
			}
		}
	}
	return out
}

// Deadline is the rectification deadline of a hazard found at found (a calendar day in China):
// the document's days by severity, or override's where a jurisdiction's rule pack sets them
// (a zero field keeps the document's).
func (w *Workflow) Deadline(found time.Time, major bool, override Days) time.Time {
	days := w.Deadlines
	if override.General > 0 {
		days.General = override.General
	}
	if override.Major > 0 {
		days.Major = override.Major
	}
	d := found.In(cst)
	return time.Date(d.Year(), d.Month(), d.Day()+days.Of(major), 0, 0, 0, 0, cst)
}

// FollowUpState is the state a hazard reaches by the action that schedules its return visit
// (回头看: verified); "" when the document schedules none.
func (w *Workflow) FollowUpState(major bool) string {
	if w.FollowUp == nil {
		return ""
	}
	return w.Target(w.FollowUp.After, major)
}

// FollowUpDue is the day (China) a return visit falls due after the hazard reached the
// follow-up state at `at`: the document's days by severity, or override's where a
// jurisdiction's rule pack sets them (a zero field keeps the document's); false when the
// document schedules none.
func (w *Workflow) FollowUpDue(at time.Time, major bool, override Days) (time.Time, bool) {
	if w.FollowUp == nil {
		return time.Time{}, false
	}
	days := w.FollowUp.Days
	if override.General > 0 {
		days.General = override.General
	}
	if override.Major > 0 {
		days.Major = override.Major
	}
	d := at.In(cst)
	return time.Date(d.Year(), d.Month(), d.Day()+days.Of(major), 0, 0, 0, 0, cst), true
}

func (w *Workflow) resolve(a Action, major bool) (Rule, error) {
	r := Rule{Code: a.Code, Zh: a.Zh, En: a.En, Roles: a.Roles, Evidence: a.Evidence, NotBy: a.NotBy, Recipients: a.Recipients}
	if a.To != nil {
		r.To = *a.To
	}
	if r.Evidence == "" {
		r.Evidence = "none"
	}
	if major {
		if err := applyVariant(&r, a.Major); err != nil {
			return r, err
		}
	}
	from, err := w.from(a, r.To)
	r.From = from
	return r, err
}

func applyVariant(r *Rule, variant map[string]json.RawMessage) error {
	for key, raw := range variant {
		var err error
		switch key {
		case "to":
			var to *string
			err = json.Unmarshal(raw, &to)
			r.To = ""
			if to != nil {
				r.To = *to
			}
		case "roles": // fresh slices: decoding into r's would write over the document's
			var roles []string
			err = json.Unmarshal(raw, &roles)
			r.Roles = roles
		case "evidence":
			err = json.Unmarshal(raw, &r.Evidence)
		case "not_by":
			var notBy []string
			err = json.Unmarshal(raw, &notBy)
			r.NotBy = notBy
		case "recipients":
			var recipients []string
			err = json.Unmarshal(raw, &recipients)
			r.Recipients = recipients
		default:
			err = fmt.Errorf("unknown key %q in major", key)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// from resolves where an action may be taken: its list, "any", the states with an attribute,
// or (no "from") the states with a transition to the action's target for this severity.
func (w *Workflow) from(a Action, to string) ([]string, error) {
	if len(a.From) == 0 {
		var out []string
		for _, s := range w.States {
			if to != "" && w.CanMove(s.Code, to) {
				out = append(out, s.Code)
			}
		}
		return out, nil
	}
	var list []string
	if json.Unmarshal(a.From, &list) == nil {
		return list, nil
	}
	var any string
	if json.Unmarshal(a.From, &any) == nil && any == "any" {
		out := make([]string, len(w.States))
		for i, s := range w.States {
			out[i] = s.Code
		}
		return out, nil
	}
	var where struct {
		Where string `json:"where"`
	}
	if err := json.Unmarshal(a.From, &where); err != nil || where.Where == "" {
		return nil, fmt.Errorf("from: %s", a.From)
	}
	return w.StatesWhere(where.Where), nil
}
