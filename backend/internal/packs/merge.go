package packs

import (
	"sort"
	"strings"

	"azx/backend/internal/logic"
	"azx/backend/internal/validation"
)

// Layer names one pack of an effective pack (a Doc's header).
type Layer struct {
	Key           string  `json:"key"`
	Version       int     `json:"version"`
	Title         string  `json:"title"`
	TitleEn       string  `json:"title_en"`
	Jurisdiction  string  `json:"jurisdiction"`
	LegalStatus   string  `json:"legal_status"`
	EffectiveFrom string  `json:"effective_from"`
	EffectiveTo   *string `json:"effective_to"`
	Extends       *string `json:"extends"`
}

// EffectiveRule is a rule of a merged pack with what its message needs: the pack that wrote it
// and its source as text.
type EffectiveRule struct {
	Rule
	Layer      string `json:"layer"`
	LayerTitle Text   `json:"layer_title"`
	SourceText Text   `json:"source_text"`
	// the rule's logic compiled once (logic.Compile), as judging reads it
	run ruleLogic
}

type ruleLogic struct {
	when, each            any
	let, params, paramsEn map[string]any
}

// RuleSet is layers merged: a later (narrower, newer) layer replaces a table, a computation or
// a rule of the same name or code, or adds its own.
type RuleSet struct {
	Tables       map[string]Table `json:"tables"`
	Computations []Computation    `json:"computations"`
	Rules        []EffectiveRule  `json:"rules"`
	Sources      []Document       `json:"sources"`
	// tables as the evaluator reads them (name → {title, value, source, ...}), built once
	context map[string]any
	// each computation's logic compiled once, in the order of Computations
	computations []any
}

// Effective is what applies to one region on one day: the packs in force there then (national,
// province, city, county; within a level by effective date, then key), merged. Proposed is the
// same with the packs that are only drafts for comment: what they add only warns.
type Effective struct {
	Region string `json:"region"`
	Date   string `json:"date"`
	// the days around Date on which the same packs apply (ValidTo nil: open-ended)
	ValidFrom string  `json:"valid_from"`
	ValidTo   *string `json:"valid_to"`
	Layers    []Layer `json:"layers"`
	RuleSet
	Proposed *Proposed `json:"proposed"`
}

// Proposed is the effective pack if the drafts for comment were in force.
type Proposed struct {
	Layers []Layer `json:"layers"`
	RuleSet
}

// levels are the jurisdictions a region's packs come from, widest first.
func levels(region string) []string {
	out := []string{National}
	if !validation.ValidRegionCode(region) {
		return out
	}
	for _, c := range []string{validation.ProvinceCode(region), validation.CityCode(region), region} {
		if c != out[len(out)-1] {
			out = append(out, c)
		}
	}
	return out
}

// layerOrder sorts packs: by level (the order of levels), then effective date, then key.
func layerOrder(docs []*Doc, chain []string) {
	rank := map[string]int{}
	for i, c := range chain {
		rank[c] = i
	}
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if rank[a.Jurisdiction] != rank[b.Jurisdiction] {
			return rank[a.Jurisdiction] < rank[b.Jurisdiction]
		}
		if a.EffectiveFrom != b.EffectiveFrom {
			return a.EffectiveFrom < b.EffectiveFrom
		}
		return a.Key < b.Key
	})
}

// put replaces the item named name in list (at[name] is where it stands) or appends it: a later
// layer's item takes the place of an earlier one's, in the earlier one's order.
func put[T any](list []T, at map[string]int, name string, v T) []T {
	if i, ok := at[name]; ok {
		list[i] = v
		return list
	}
	at[name] = len(list)
	return append(list, v)
}

// merge layers docs in order.
func merge(docs []*Doc) RuleSet {
	rs := RuleSet{Tables: map[string]Table{}, Computations: []Computation{}, Rules: []EffectiveRule{}, Sources: []Document{}}
	srcAt := map[string]int{}
	compAt := map[string]int{}
	ruleAt := map[string]int{}
	for _, d := range docs {
		for _, s := range d.Sources {
			rs.Sources = put(rs.Sources, srcAt, s.ID, s)
		}
		for k, t := range d.Tables {
			// a copy of the table in force, unchanged, keeps its source (CheckChangedTables)
			if prev, ok := rs.Tables[k]; ok && t.Source == nil && sameValue(prev.Value, t.Value) {
				t.Source = prev.Source
			}
			rs.Tables[k] = t
		}
		for _, c := range d.Computations {
			rs.Computations = put(rs.Computations, compAt, c.Name, c)
		}
		for _, r := range d.Rules {
			rs.Rules = put(rs.Rules, ruleAt, r.Code, EffectiveRule{Rule: r, Layer: d.Key, LayerTitle: Text{d.Title, d.TitleEn}})
		}
	}
	docs2 := map[string]Document{}
	for _, s := range rs.Sources {
		docs2[s.ID] = s
	}
	for i := range rs.Rules {
		ref := &rs.Rules[i].Source
		if ref.Table != "" {
			t, ok := rs.Tables[ref.Table]
			if ok && t.Source != nil {
				ref = t.Source
			} else if ok && t.Example {
				// a value no notice sets (the pack says so): the refusal says that, not "依据：" and nothing
				rs.Rules[i].SourceText = exampleSource
				continue
			}
		}
		rs.Rules[i].SourceText = sourceText(*ref, docs2)
	}
	rs.context = tablesContext(rs.Tables)
	rs.compile()
	return rs
}

// compile readies the computations' and rules' logic for judging record after record.
func (rs *RuleSet) compile() {
	rs.computations = make([]any, len(rs.Computations))
	for i, c := range rs.Computations {
		rs.computations[i] = logic.Compile(c.Logic)
	}
	each := func(m map[string]any) map[string]any {
		if m == nil {
			return nil
		}
		out := make(map[string]any, len(m))
		for k, l := range m {
			out[k] = logic.Compile(l)
		}
		return out
	}
	for i := range rs.Rules {
		r := &rs.Rules[i]
		r.run = ruleLogic{when: logic.Compile(r.When), each: logic.Compile(r.Each),
			let: each(r.Let), params: each(r.Params), paramsEn: each(r.ParamsEn)}
	}
}

// exampleSource cites a table the pack marks as an example that no notice sets.
var exampleSource = Text{"示例规则，无通知规定", "an example rule; no notice sets it"}

// sourceText: 应急〔2025〕27号 第十五条 / 2025 national measures (应急〔2025〕27号) Art. 15.
func sourceText(ref SourceRef, docs map[string]Document) Text {
	if ref.Document == "" {
		return Text{}
	}
	zh, en := ref.Document, ref.Document
	if d, ok := docs[ref.Document]; ok {
		name := d.ShortEn
		if name == "" {
			name = d.TitleEn
		}
		en = name + " (" + d.ID + ")"
	}
	if ref.Article != "" {
		zh += " " + ref.Article
	}
	if ref.ArticleEn != "" {
		en += " " + ref.ArticleEn
	} else if ref.Article != "" {
		en += " " + ref.Article
	}
	return Text{strings.TrimSpace(zh), strings.TrimSpace(en)}
}

// tablesContext is the tables as JSON Logic reads them: tables.<name>.value and the rest.
func tablesContext(tables map[string]Table) map[string]any {
	out := make(map[string]any, len(tables))
	for k, t := range tables {
		out[k] = logic.Normalize(t)
	}
	return out
}
