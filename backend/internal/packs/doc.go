// Package packs holds the jurisdictions' rules as records (rule_packs): versioned, dated packs
// of tables, JSON Logic computations and rules, layered national → province → city → county and
// chosen by a record's region and its own date. The server judges every policy a user writes by
// the packs in force on its period start, and gives the browser the same merged pack to judge it
// with the same JSON Logic. The format is documented in schemas/packs/README.md.
package packs

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/logic"
	"azx/backend/internal/vocab"
)

// Collection is the name of the packs collection.
const Collection = "rule_packs"

// National is the jurisdiction code of the whole country.
const National = "000000"

// Legal statuses (schemas/vocabularies/pack-legal-status.json).
const (
	InForce         = vocab.PackLegalStatusInForce
	DraftForComment = vocab.PackLegalStatusDraftForComment
)

// Text is a sentence in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// SourceRef says where a table or rule comes from: a document of the pack's sources and its
// article, or (for a rule) the table whose source it shares.
type SourceRef struct {
	Document  string `json:"document,omitempty"`
	Article   string `json:"article,omitempty"`
	ArticleEn string `json:"article_en,omitempty"`
	Table     string `json:"table,omitempty"`
}

// Document is one source document.
type Document struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
	ShortEn string `json:"short_en,omitempty"`
	Issuer  string `json:"issuer,omitempty"`
	Issued  string `json:"issued,omitempty"`
	Note    *Text  `json:"note,omitempty"`
}

// Table is a named value of a pack with its source.
type Table struct {
	Title   Text       `json:"title"`
	Value   any        `json:"value"`
	Source  *SourceRef `json:"source,omitempty"`
	Example bool       `json:"example,omitempty"`
	Note    *Text      `json:"note,omitempty"`
}

// Computation is a named JSON Logic value, available to later computations and to rules as
// computed.<name>.
type Computation struct {
	Name  string `json:"name"`
	Title *Text  `json:"title,omitempty"`
	Logic any    `json:"logic"`
}

// Rule is one check: when its JSON Logic is truthy the record breaks it.
type Rule struct {
	Code      string         `json:"code"`
	AppliesTo string         `json:"applies_to"`
	Severity  string         `json:"severity"`
	Title     *Text          `json:"title,omitempty"`
	Each      any            `json:"each,omitempty"`
	Let       map[string]any `json:"let,omitempty"`
	When      any            `json:"when"`
	Path      string         `json:"path"`
	Params    map[string]any `json:"params,omitempty"`
	ParamsEn  map[string]any `json:"params_en,omitempty"`
	Message   Text           `json:"message"`
	Source    SourceRef      `json:"source"`
}

// Expect is what a test case must give: path → code of the refusals and of the warnings (both
// exactly), and computed values.
type Expect struct {
	Refuse   map[string]string `json:"refuse,omitempty"`
	Warn     map[string]string `json:"warn,omitempty"`
	Computed map[string]any    `json:"computed,omitempty"`
}

// Test is a case a pack must pass: a record of an enterprise judged on a date in a region.
type Test struct {
	Name       string         `json:"name"`
	Region     string         `json:"region,omitempty"`
	Date       string         `json:"date,omitempty"`
	Enterprise map[string]any `json:"enterprise"`
	Record     map[string]any `json:"record"`
	Previous   any            `json:"previous,omitempty"`
	Today      string         `json:"today,omitempty"`
	Expect     Expect         `json:"expect"`
}

// Doc is a pack: a file of schemas/packs or a rule_packs row. Its header (key, version, titles,
// jurisdiction, legal status, dates, extends) is what an effective pack lists as its Layer.
type Doc struct {
	Layer
	Status       string           `json:"status,omitempty"`
	Note         *Text            `json:"note,omitempty"`
	Sources      []Document       `json:"sources"`
	Tables       map[string]Table `json:"tables"`
	Computations []Computation    `json:"computations"`
	Rules        []Rule           `json:"rules"`
	Tests        []Test           `json:"tests"`
}

// contentFields are the columns of a rule_packs row that hold the document (besides key,
// version and status): what a published version may never change.
var contentFields = []string{"title", "title_en", "jurisdiction", "legal_status", "effective_from", "effective_to",
	"extends", "note", "sources", "tables", "computations", "rules", "tests"}

var jsonFields = map[string]bool{"note": true, "sources": true, "tables": true, "computations": true, "rules": true, "tests": true}

// rawOf is the JSON of a json column (nil when empty).
func rawOf(v any) []byte {
	var b []byte
	switch x := v.(type) {
	case nil:
		return nil
	case []byte:
		b = x
	case string:
		b = []byte(x)
	default:
		b, _ = json.Marshal(x)
	}
	if t := bytes.TrimSpace(b); len(t) == 0 || string(t) == "null" {
		return nil
	}
	return b
}

// DocumentOf is a row as the JSON document the meta-schema checks: key, version, status and
// the content columns; empty optional columns are left out.
func DocumentOf(r *core.Record) map[string]any {
	out := map[string]any{"key": r.GetString("key"), "version": float64(r.GetInt("version")), "status": r.GetString("status")}
	for _, f := range contentFields {
		if jsonFields[f] {
			if raw := rawOf(r.Get(f)); raw != nil {
				out[f] = decodeJSON(raw)
			}
			continue
		}
		switch s := r.GetString(f); {
		case s != "":
			out[f] = s
		case f == "effective_to" || f == "extends":
			out[f] = nil
		}
	}
	return out
}

// decodeJSON decodes with numbers kept exact (json.Number) for the meta-schema; undecodable
// input is returned as a string so the schema reports it as the wrong type (nil stays nil).
func decodeJSON(raw []byte) any {
	if len(raw) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return string(raw)
	}
	return v
}

// parse turns a checked document into a Doc, its JSON Logic normalised once for evaluation.
func parse(doc map[string]any) (*Doc, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var d Doc
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("pack %v: %w", doc["key"], err)
	}
	d.normalize()
	return &d, nil
}

// normalize turns decoded JSON into the values the evaluator works on (numbers as float64).
func (d *Doc) normalize() {
	for k, t := range d.Tables {
		t.Value = logic.Normalize(t.Value)
		d.Tables[k] = t
	}
	for i := range d.Computations {
		d.Computations[i].Logic = logic.Normalize(d.Computations[i].Logic)
	}
	for i := range d.Rules {
		r := &d.Rules[i]
		r.When, r.Each = logic.Normalize(r.When), logic.Normalize(r.Each)
		for k, v := range r.Let {
			r.Let[k] = logic.Normalize(v)
		}
		for k, v := range r.Params {
			r.Params[k] = logic.Normalize(v)
		}
		for k, v := range r.ParamsEn {
			r.ParamsEn[k] = logic.Normalize(v)
		}
	}
	for i := range d.Tests {
		t := &d.Tests[i]
		t.Record, _ = logic.Normalize(t.Record).(map[string]any)
		t.Enterprise, _ = logic.Normalize(t.Enterprise).(map[string]any)
		t.Previous = logic.Normalize(t.Previous)
		for k, v := range t.Expect.Computed {
			t.Expect.Computed[k] = logic.Normalize(v)
		}
	}
}

// until is the last day a pack applies ("" when open-ended).
func (d *Doc) until() string {
	if d.EffectiveTo == nil {
		return ""
	}
	return *d.EffectiveTo
}

// appliesOn says whether the pack's window contains a day (YYYY-MM-DD).
func (d *Doc) appliesOn(day string) bool {
	return d.EffectiveFrom <= day && (d.EffectiveTo == nil || day <= *d.EffectiveTo)
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("null")
	}
	return b
}
