package packs

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type parityCase struct {
	Name       string            `json:"name"`
	Pack       string            `json:"pack"`
	Enterprise Enterprise        `json:"enterprise"`
	Record     map[string]any    `json:"record"`
	Previous   *Previous         `json:"previous"`
	Errors     map[string]string `json:"errors"`
	// Messages are the exact texts (zh, en) by path, which the browser must reproduce.
	Messages map[string]struct {
		Zh string `json:"zh"`
		En string `json:"en"`
	} `json:"messages"`
}

type corpus struct {
	Regions map[string]string `json:"regions"`
	Cases   []parityCase      `json:"cases"`
}

func readCorpus(t *testing.T) corpus {
	t.Helper()
	b, err := files.ReadFile("data/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCases(t *testing.T) {
	for _, c := range readCorpus(t).Cases {
		t.Run(c.Name, func(t *testing.T) {
			p := Get(c.Pack)
			if p == nil {
				t.Fatalf("no pack %q", c.Pack)
			}
			got := map[string]string{}
			for _, pr := range Check(p, c.Enterprise, c.Record, c.Previous) {
				got[pr.Path] = pr.Code
				if m, ok := c.Messages[pr.Path]; !ok || m.Zh != pr.Zh || m.En != pr.En {
					t.Errorf("%s: message %q / %q, corpus has %q / %q", pr.Path, pr.Zh, pr.En, m.Zh, m.En)
				}
				if !strings.Contains(pr.Zh, "依据") || !strings.Contains(pr.En, "source:") {
					t.Errorf("%s: the message does not name its source: %q / %q", pr.Path, pr.Zh, pr.En)
				}
			}
			want := c.Errors
			if want == nil {
				want = map[string]string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems %v, want %v", got, want)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	for region, want := range readCorpus(t).Regions {
		if got := ForRegion(region, "national").ID; got != want {
			t.Errorf("region %s: pack %s, want %s", region, got, want)
		}
	}
	if got := ForRegion("330602", "suzhou").ID; got != "suzhou" {
		t.Errorf("a deployment default applies outside the regional packs: got %s", got)
	}
}

// tsModule is components/policy-entry/pack-data.ts: the pack files as one TypeScript module
// (the browser bundles it; JSON imports are not available in every build of the project).
func tsModule() []byte {
	entries, _ := files.ReadDir("data")
	var b bytes.Buffer
	b.WriteString("// Generated from backend/internal/packs/data/*.json: do not edit. After changing a pack run\n")
	b.WriteString("// `cd backend && AZX_WRITE_PACKS=1 go test ./internal/packs/` (it also copies them to schemas/packs/).\n")
	b.WriteString("export const PACK_FILES: Readonly<Record<string, unknown>> = {\n")
	for _, e := range entries {
		body, _ := files.ReadFile("data/" + e.Name())
		b.WriteString("  '" + strings.TrimSuffix(e.Name(), ".json") + "': ")
		b.Write(bytes.TrimSpace(body))
		b.WriteString(",\n")
	}
	b.WriteString("};\n")
	return b.Bytes()
}

// writeCopies writes the copies the browser reads (schemas/packs/, pack-data.ts) when
// AZX_WRITE_PACKS=1; the tests below then compare them as usual.
func writeCopies(t *testing.T) {
	if os.Getenv("AZX_WRITE_PACKS") == "" {
		return
	}
	entries, _ := files.ReadDir("data")
	for _, e := range entries {
		body, _ := files.ReadFile("data/" + e.Name())
		if err := os.WriteFile(filepath.Join(root, "schemas", "packs", e.Name()), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "components", "policy-entry", "pack-data.ts"), tsModule(), 0o644); err != nil {
		t.Fatal(err)
	}
}

var root = filepath.Join("..", "..", "..")

func TestTypeScriptCopyIsIdentical(t *testing.T) {
	writeCopies(t)
	got, err := os.ReadFile(filepath.Join(root, "components", "policy-entry", "pack-data.ts"))
	if err != nil || !bytes.Equal(got, tsModule()) {
		t.Errorf("components/policy-entry/pack-data.ts is not the packs of data/ (%v): run AZX_WRITE_PACKS=1 go test ./internal/packs/", err)
	}
}

// The browser reads schemas/packs/*.json (stories, parity test); the server embeds data/*.json.
// They must be the same files, or the two sides would judge a policy differently.
func TestSchemasCopyIsIdentical(t *testing.T) {
	writeCopies(t)
	entries, err := files.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "schemas", "packs")
	for _, e := range entries {
		embedded, _ := files.ReadFile("data/" + e.Name())
		copy, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Errorf("schemas/packs/%s: %v (copy backend/internal/packs/data/*.json there)", e.Name(), err)
			continue
		}
		if !bytes.Equal(embedded, copy) {
			t.Errorf("schemas/packs/%s differs from backend/internal/packs/data/%s", e.Name(), e.Name())
		}
	}
	copies, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(copies) != len(entries) {
		t.Errorf("schemas/packs has %d files, backend/internal/packs/data %d", len(copies), len(entries))
	}
}

func TestMessagesNameTheirRule(t *testing.T) {
	for _, p := range all {
		for code, m := range messages {
			if _, ok := p.Rules[m.Rule]; !ok && !strings.HasPrefix(code, "prevention_budget") {
				t.Errorf("pack %s has no source for rule %s (message %s)", p.ID, m.Rule, code)
			}
		}
	}
}

func TestMoney(t *testing.T) {
	if got := PremiumFen(40000, []int64{90, 90, 100, 100, 100}, 50); got != 1620000 {
		t.Errorf("premium %d fen", got)
	}
	if got := BaseRateFen(400, 350000, 500000); got != 28000 {
		t.Errorf("base rate %d fen", got)
	}
	if Yuan(1620050) != "16200.50" || Yuan(1620000) != "16200" || Percent(0.2) != "20%" || Coef(95) != "0.95" {
		t.Error("formatting")
	}
}
