package packs

import (
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// PacksDir is schemas/packs of the repository, wherever the test runs from.
func packsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "schemas", "packs")
}

// shipped reads, checks and "publishes" (version 1) every pack file.
func shipped(t testing.TB) []*Doc {
	t.Helper()
	files, err := ReadDir(packsDir())
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Doc
	for _, doc := range files {
		file := doc["_file"]
		delete(doc, "_file")
		d, errs := Check(doc)
		if errs != nil {
			var lines []string
			for k, e := range errs {
				lines = append(lines, k+": "+e.Error())
			}
			sort.Strings(lines)
			t.Fatalf("%s is not a valid pack:\n%s", file, strings.Join(lines, "\n"))
		}
		d.Version, d.Status = 1, "published"
		docs = append(docs, d)
	}
	return docs
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
