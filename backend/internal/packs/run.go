package packs

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"azx/backend/internal/logic"
)

// TestResult is the outcome of one test case of a pack.
type TestResult struct {
	Name    string   `json:"name"`
	Region  string   `json:"region"`
	Date    string   `json:"date"`
	Passed  bool     `json:"passed"`
	Verdict Verdict  `json:"verdict"`
	Diffs   []string `json:"diffs,omitempty"`
}

// With is published with d standing in for every version of its key (d as if published), so
// a draft's tests see the pack as it would apply.
func With(published []*Doc, d *Doc) []*Doc {
	out := make([]*Doc, 0, len(published)+1)
	for _, p := range published {
		if p.Key != d.Key {
			out = append(out, p)
		}
	}
	return append(out, d)
}

// RunTests judges each test case of d by the packs that would apply with d published (its own
// region and date, else the enterprise's region and the record's period start).
func RunTests(d *Doc, published []*Doc) []TestResult {
	return runOn(NewSnapshot(With(published, d)), d, func(string) bool { return true })
}

// Dependent is a published pack whose test cases a new version of another pack would fail.
type Dependent struct {
	Key     string       `json:"key"`
	Version int          `json:"version"`
	Failed  []TestResult `json:"failed"`
}

// DependentTests runs the test cases of the other published packs that d's layer reaches (those
// judged in a region d applies to) with d published, and gives the packs some of whose cases
// would fail: what publishing d would change under them. Publishing does not wait for them (a
// parent's new version may rightly change what a child's case expects); an editor shows them.
func DependentTests(d *Doc, published []*Doc) (deps []Dependent, ran int) {
	snap := NewSnapshot(With(published, d))
	reaches := func(region string) bool { return slices.Contains(levels(region), d.Jurisdiction) }
	deps = []Dependent{}
	for _, p := range published {
		if p.Key == d.Key {
			continue
		}
		results := runOn(snap, p, reaches)
		ran += len(results)
		dep := Dependent{Key: p.Key, Version: p.Version}
		for _, r := range results {
			if !r.Passed {
				dep.Failed = append(dep.Failed, r)
			}
		}
		if len(dep.Failed) > 0 {
			deps = append(deps, dep)
		}
	}
	return deps, ran
}

// runOn judges the test cases of d that are judged in a region keep accepts, by snap.
func runOn(snap *Snapshot, d *Doc, keep func(region string) bool) []TestResult {
	out := make([]TestResult, 0, len(d.Tests))
	for _, t := range d.Tests {
		region, date := t.Where(d)
		if !keep(region) {
			continue
		}
		e := snap.Effective(region, date)
		v := e.Judge("policy", Context{Record: t.Record, Enterprise: t.Enterprise, Previous: t.Previous, Date: date, Today: dayOrNil(t.Today)})
		res := TestResult{Name: t.Name, Region: region, Date: date, Verdict: v}
		res.Diffs = append(res.Diffs, compare("refuse", byPath(v.Refusals), t.Expect.Refuse)...)
		res.Diffs = append(res.Diffs, compare("warn", byPath(v.Warnings), t.Expect.Warn)...)
		for _, k := range sortedKeys(t.Expect.Computed) {
			want := t.Expect.Computed[k]
			if got := v.Computed[k]; !reflect.DeepEqual(logic.Normalize(got), want) {
				res.Diffs = append(res.Diffs, fmt.Sprintf("computed.%s = %s, expected %s", k, show(got), show(want)))
			}
		}
		res.Passed = len(res.Diffs) == 0
		out = append(out, res)
	}
	return out
}

// Where is the region and date a test case is judged on.
func (t *Test) Where(d *Doc) (string, string) {
	region := t.Region
	if region == "" {
		region, _ = t.Enterprise["region_code"].(string)
	}
	if region == "" {
		region = d.Jurisdiction
	}
	date := t.Date
	if date == "" {
		date = RelevantDate(t.Record)
	}
	if date == "" {
		date = d.EffectiveFrom
	}
	return region, date
}

// RelevantDate is the day a policy is judged on: its period start ("" when it has none).
func RelevantDate(record map[string]any) string {
	period, _ := record["period"].(map[string]any)
	start, _ := period["start"].(string)
	return start
}

func byPath(ps []Problem) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		out[p.Path] = p.Code
	}
	return out
}

func compare(what string, got, want map[string]string) []string {
	var diffs []string
	for _, k := range sortedKeys(want) {
		if got[k] != want[k] {
			g := got[k]
			if g == "" {
				g = "nothing"
			}
			diffs = append(diffs, fmt.Sprintf("%s %s: %s, expected %s", what, k, g, want[k]))
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s %s: %s, not expected", what, k, got[k]))
		}
	}
	return diffs
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Failures sums up the failed test cases, one line each.
func Failures(results []TestResult) string {
	var lines []string
	for _, r := range results {
		if !r.Passed {
			lines = append(lines, r.Name+": "+strings.Join(r.Diffs, "; "))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
