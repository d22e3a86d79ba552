package packs

import (
	"bytes"
	"encoding/json"
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
