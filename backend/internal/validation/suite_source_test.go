package validation

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The official JSON-Schema-Test-Suite travels inside this module's zip (testdata/…). We read it
// from the Go module cache instead of copying third-party data into the repository; the module
// is never added to our go.mod.
const (
	suiteModule = "github.com/kaptinlin/jsonschema"
	suiteVer    = "v0.9.10"
	suiteTests  = "testdata/JSON-Schema-Test-Suite/tests/draft2020-12"
)

// openSuite returns the draft 2020-12 test directory of the suite. It fails the test (never
// skips) when the go command or the module proxy cannot deliver the module.
func openSuite(t *testing.T) fs.FS {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("JSON-Schema-Test-Suite unavailable: the go command is not on PATH (%v)", err)
	}
	// A throwaway module, so `go mod download` never touches the backend's go.mod/go.sum.
	probe := t.TempDir()
	if err := os.WriteFile(filepath.Join(probe, "go.mod"), []byte("module probe\n\ngo 1.25\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goBin, "mod", "download", "-json", suiteModule+"@"+suiteVer)
	cmd.Dir = probe
	// GOTOOLCHAIN=local: the module declares a newer go version; that must not trigger a
	// toolchain download (we only read its files).
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, runErr := cmd.Output() // exits 1 on the go-version notice even though the zip is there
	var info struct{ Dir, Zip, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		t.Fatalf("JSON-Schema-Test-Suite unavailable: `go mod download %s@%s` failed (%v): %s %s",
			suiteModule, suiteVer, runErr, stderr.String(), out)
	}
	if info.Dir != "" {
		if st, err := os.Stat(filepath.Join(info.Dir, suiteTests)); err == nil && st.IsDir() {
			return os.DirFS(filepath.Join(info.Dir, suiteTests))
		}
	}
	// Go refuses to report Dir for a module whose go.mod needs a newer toolchain, but the
	// downloaded zip is checksum-verified and complete: read the suite straight from it.
	if info.Zip == "" {
		t.Fatalf("JSON-Schema-Test-Suite unavailable: go mod download gave no module files (%s) %s", info.Error, stderr.String())
	}
	zr, err := zip.OpenReader(info.Zip)
	if err != nil {
		t.Fatalf("JSON-Schema-Test-Suite unavailable: cannot open %s: %v", info.Zip, err)
	}
	t.Cleanup(func() { zr.Close() })
	sub, err := fs.Sub(zr, suiteModule+"@"+suiteVer+"/"+suiteTests)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.Stat(sub, "type.json"); err != nil {
		t.Fatalf("JSON-Schema-Test-Suite unavailable: %s has no %s/type.json", info.Zip, suiteTests)
	}
	return sub
}

// definitionKeywords lists the schema keywords our form definitions actually use, and the
// format names they assert.
func definitionKeywords(t *testing.T) (keywords, formats []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "schemas", "definitions", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no definitions found under schemas/definitions (%v)", err)
	}
	kw, fm := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var def struct{ Schema any }
		if err := json.Unmarshal(raw, &def); err != nil || def.Schema == nil {
			t.Fatalf("%s: not a definition file with a schema (%v)", f, err)
		}
		collectKeywords(def.Schema, kw, fm)
	}
	return sortedKeys(kw), sortedKeys(fm)
}

// collectKeywords walks subschema positions only, so property names are not taken for keywords.
func collectKeywords(node any, kw, fm map[string]bool) {
	m, ok := node.(map[string]any)
	if !ok {
		return
	}
	for k, v := range m {
		kw[k] = true
		switch k {
		case "format":
			if s, ok := v.(string); ok {
				fm[s] = true
			}
		case "properties", "patternProperties", "$defs", "dependentSchemas":
			if sub, ok := v.(map[string]any); ok {
				for _, s := range sub {
					collectKeywords(s, kw, fm)
				}
			}
		case "allOf", "anyOf", "oneOf", "prefixItems":
			if arr, ok := v.([]any); ok {
				for _, s := range arr {
					collectKeywords(s, kw, fm)
				}
			}
		case "items", "additionalProperties", "not", "if", "then", "else", "contains",
			"propertyNames", "unevaluatedItems", "unevaluatedProperties":
			collectKeywords(v, kw, fm)
		}
	}
}

// suiteFiles maps keywords and format names to the suite files that test them. A keyword
// with no file of its own (title, x-*, $schema…) is an annotation and has nothing to run.
func suiteFiles(fsys fs.FS, keywords, formats []string) []string {
	alias := map[string]string{"if": "if-then-else", "then": "if-then-else", "else": "if-then-else",
		"$ref": "ref", "$defs": "defs"}
	set := map[string]bool{}
	for _, k := range keywords {
		name := k
		if a, ok := alias[k]; ok {
			name = a
		}
		if _, err := fs.Stat(fsys, name+".json"); err == nil {
			set[name+".json"] = true
		}
	}
	for _, f := range formats {
		p := "optional/format/" + f + ".json"
		if _, err := fs.Stat(fsys, p); err == nil {
			set[p] = true
		}
	}
	return sortedKeys(set)
}

// needsRemote reports whether a suite schema refers to a document it does not contain: the
// suite serves those from its remotes/ directory on localhost:1234, and the server has no
// remote loader on purpose (definitions must be self-contained). The draft 2020-12
// meta-schemas are built into the compiler and count as local.
func needsRemote(schema any) bool {
	root, _ := url.Parse("https://azx.invalid/definition.json") // the base CompileDoc uses
	declared := map[string]bool{}
	var refs []string
	var walk func(node any, base *url.URL, root bool)
	walk = func(node any, base *url.URL, isRoot bool) {
		switch n := node.(type) {
		case []any:
			for _, x := range n {
				walk(x, base, false)
			}
		case map[string]any:
			if id, ok := n["$id"].(string); ok {
				if u, err := base.Parse(id); err == nil {
					base = u
					declared[noFragment(u)] = true
				}
			}
			if isRoot {
				declared[noFragment(base)] = true
			}
			for k, v := range n {
				switch k {
				case "const", "enum", "default", "examples": // data, not subschemas
					continue
				case "$ref", "$dynamicRef":
					if s, ok := v.(string); ok {
						if u, err := base.Parse(s); err == nil {
							refs = append(refs, noFragment(u))
						}
					}
				default:
					walk(v, base, false)
				}
			}
		}
	}
	walk(schema, root, true)
	for _, r := range refs {
		if !declared[r] && !strings.HasPrefix(r, "https://json-schema.org/draft/2020-12/") {
			return true
		}
	}
	return false
}

func noFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
