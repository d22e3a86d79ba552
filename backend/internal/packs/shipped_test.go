package packs

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// packsDir is schemas/packs of the repository (go test runs in the package's folder).
func packsDir() string { return filepath.Join("..", "..", "..", "schemas", "packs") }

// shipped reads, checks and "publishes" (version 1) every pack file.
func shipped(t testing.TB) []*Doc {
	t.Helper()
	snap, err := Shipped(packsDir())
	if err != nil {
		t.Fatal(err)
	}
	return snap.Docs()
}

// The shipped packs are valid, their tests pass (run as the server runs them, each pack with
// all the others published), and together their tests exercise every rule: each rule's code
// is expected, refused or warned, by at least one case.
func TestShippedPacks(t *testing.T) {
	docs := shipped(t)
	exercised := map[string]bool{}
	for _, d := range docs {
		for _, r := range RunTests(d, docs) {
			if !r.Passed {
				t.Errorf("%s: %s (%s on %s): %s", d.Key, r.Name, r.Region, r.Date, strings.Join(r.Diffs, "; "))
			}
		}
		for _, tc := range d.Tests {
			for _, c := range tc.Expect.Refuse {
				exercised[c] = true
			}
			for _, c := range tc.Expect.Warn {
				exercised[c] = true
			}
		}
	}
	for _, d := range docs {
		for _, r := range d.Rules {
			if !exercised[r.Code] {
				t.Errorf("%s: no test case expects rule %s to fire", d.Key, r.Code)
			}
		}
	}
}

// offlineRegions are the regions whose effective packs the browser's offline fixtures hold
// (test/browser/policy-entry/fixture.ts, the stories): the server's answers, kept equal here.
var offlineRegions = []string{"320507", "320583", "110105", "330602"}

const offlineDay = "2026-01-01"

func TestOfflineEffectivePacks(t *testing.T) {
	snap := NewSnapshot(shipped(t))
	var packs []*Effective
	for _, region := range offlineRegions {
		packs = append(packs, snap.Effective(region, offlineDay))
	}
	// one pack a line: small, and a change shows as the packs it touches
	raw := []byte("[\n")
	for i, e := range packs {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		raw = append(raw, b...)
		if i < len(packs)-1 {
			raw = append(raw, ',')
		}
		raw = append(raw, '\n')
	}
	raw = append(raw, "]\n"...)
	file := filepath.Join(packsDir(), "..", "..", "test", "fixtures", "effective-packs.json")
	if os.Getenv("AZX_WRITE_FIXTURES") == "1" {
		if err := os.WriteFile(file, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	current, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(current, raw) {
		t.Fatalf("test/fixtures/effective-packs.json is not what the server answers for %v on %s: run `cd backend && AZX_WRITE_FIXTURES=1 go test ./internal/packs/ -run TestOfflineEffectivePacks`", offlineRegions, offlineDay)
	}
}

// A new national version that raises the minimum cover would make the cases of the packs under
// it fail (they insure 500,000 a person): the dry run names those packs; an unchanged version
// names none, though it ran their cases. A provincial change reaches only the cases judged in its
// province (the national packs' cases are judged in Zhejiang, so they count), never Jiangsu's.
func TestDependentTests(t *testing.T) {
	docs := shipped(t)
	byKey := map[string]*Doc{}
	for _, d := range docs {
		byKey[d.Key] = d
	}
	if deps, ran := DependentTests(byKey["cn-2025"], docs); len(deps) != 0 || ran == 0 {
		t.Fatalf("unchanged: %d cases ran, dependents %+v", ran, deps)
	}
	raised := *byKey["cn-2025"]
	raised.Tables = maps.Clone(raised.Tables)
	minimum := raised.Tables["min_cover_per_person"]
	minimum.Value = 600000.0
	raised.Tables["min_cover_per_person"] = minimum
	deps, _ := DependentTests(&raised, docs)
	failing := map[string]bool{}
	for _, dep := range deps {
		failing[dep.Key] = true
		if len(dep.Failed) == 0 || dep.Failed[0].Passed {
			t.Fatalf("%s listed without a failed case: %+v", dep.Key, dep)
		}
	}
	for _, key := range []string{"zj-shaoxing", "js-suzhou", "cn-common"} {
		if !failing[key] {
			t.Errorf("raising the national minimum does not fail %s's cases: %v", key, failing)
		}
	}
	if failing["cn-2025"] {
		t.Error("a pack is not its own dependent")
	}
	zj := *byKey["zj"]
	zj.Tables = maps.Clone(zj.Tables)
	zj.Tables["min_cover_per_person"] = minimum
	deps, _ = DependentTests(&zj, docs)
	for _, dep := range deps {
		for _, r := range dep.Failed {
			if !strings.HasPrefix(r.Region, "33") {
				t.Errorf("a Zhejiang change fails %s's case %s, judged in %s", dep.Key, r.Name, r.Region)
			}
		}
	}
	if len(deps) == 0 {
		t.Error("raising Zhejiang's minimum fails no Zhejiang case")
	}
}

// A refusal that cites its source must have one: "（依据：）" with nothing after it tells the
// insurer nothing. Every rule whose message names {source}, in every region and on both sides of
// the 2025 change, resolves to a document in both languages.
func TestEveryCitedSourceResolves(t *testing.T) {
	snap := NewSnapshot(shipped(t))
	for _, region := range append(offlineRegions, "330100", "330900", "440100") {
		for _, day := range []string{"2024-06-01", offlineDay} {
			eff := snap.Effective(region, day)
			for _, r := range eff.Rules {
				if !strings.Contains(r.Message.Zh+r.Message.En, "{source}") {
					continue
				}
				// a rule sourced from a table that is off here (no value, or false) guards on it and cannot refuse
				if tb, ok := eff.Tables[r.Source.Table]; r.Source.Table != "" && (!ok || tb.Value == nil || tb.Value == false) {
					continue
				}
				if r.SourceText.Zh == "" || r.SourceText.En == "" {
					t.Errorf("%s on %s: rule %s (%s) cites {source} but its source resolves to %q / %q", region, day, r.Code, r.Layer, r.SourceText.Zh, r.SourceText.En)
				}
			}
		}
	}
}
