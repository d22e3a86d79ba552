package packs

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"azx/backend/internal/logic"
	"azx/backend/internal/validation"
)

var meta = sync.OnceValues(func() (*validation.Schema, error) { return validation.Compile([]byte(metaSchema)) })

func fieldErr(errs validation.Errors, path, code, zh, en string) {
	validation.Add(errs, path, validation.New(code, zh, en))
}

// Check validates a pack document by itself: the meta-schema (schemas/packs/pack.schema.json),
// the well-formedness of every piece of JSON Logic, and what a schema cannot say (unique rule
// codes, placeholders that have a value, sources that are listed, a sensible window). Errors
// are keyed by path in the document (rules.3.when, tables.min_cover_per_person.value, ...);
// nil errors means the returned Doc is sound. Whether its tests pass is Run's question.
func Check(doc map[string]any) (*Doc, validation.Errors) {
	s, err := meta()
	if err != nil {
		return nil, validation.Errors{"document": validation.New("pack_schema_unavailable", "规则包格式无法加载："+err.Error(), "The pack meta-schema cannot be loaded: "+err.Error())}
	}
	errs := validation.Errors{}
	for k, v := range s.ValidateValue(doc, "pack") {
		errs[docPath(k)] = v
	}
	if len(errs) > 0 {
		return nil, errs
	}
	d, err := parse(doc)
	if err != nil {
		return nil, validation.Errors{"document": validation.New("pack_schema", err.Error(), err.Error())}
	}
	d.checkLogic(errs)
	d.checkNames(errs)
	d.checkSources(errs)
	if d.Jurisdiction != National && !validation.ValidRegionCode(d.Jurisdiction) {
		fieldErr(errs, "jurisdiction", "pack_jurisdiction_invalid", "适用地区须为 000000（全国）或 GB/T 2260 行政区划代码",
			"The jurisdiction must be 000000 (national) or a GB/T 2260 region code")
	}
	if to := d.until(); to != "" && to < d.EffectiveFrom {
		fieldErr(errs, "effective_to", "pack_dates_invalid", "失效日期不能早于生效日期", "The pack cannot end before it starts")
	}
	if len(errs) > 0 {
		return d, errs
	}
	return d, nil
}

// docPath turns the validator's "pack.rules.3.when" into "rules.3.when".
func docPath(k string) string {
	if k == "pack" {
		return "document"
	}
	return strings.TrimPrefix(k, "pack.")
}

func (d *Doc) checkLogic(errs validation.Errors) {
	bad := func(path string, l any) {
		if err := logic.Check(l); err != nil {
			fieldErr(errs, path, "pack_logic_invalid", "JSON Logic 有误："+err.Error(), "Malformed JSON Logic: "+err.Error())
		}
	}
	for i, c := range d.Computations {
		bad(fmt.Sprintf("computations.%d.logic", i), c.Logic)
	}
	for i, r := range d.Rules {
		p := fmt.Sprintf("rules.%d", i)
		bad(p+".when", r.When)
		if r.Each != nil {
			bad(p+".each", r.Each)
		}
		for _, set := range []struct {
			name   string
			params map[string]any
		}{{"let", r.Let}, {"params", r.Params}, {"params_en", r.ParamsEn}} {
			for _, k := range sortedKeys(set.params) {
				bad(p+"."+set.name+"."+k, set.params[k])
			}
		}
	}
}

var placeholder = regexp.MustCompile(`\{([A-Za-z0-9_]+)\}`)

// builtins are the placeholders every message may use.
var builtins = map[string]bool{"source": true, "pack": true}

func (d *Doc) checkNames(errs validation.Errors) {
	seen := map[string]int{}
	for i, c := range d.Computations {
		if j, dup := seen[c.Name]; dup {
			fieldErr(errs, fmt.Sprintf("computations.%d.name", i), "pack_computation_duplicate",
				fmt.Sprintf("计算 %s 与第 %d 项重名", c.Name, j+1), fmt.Sprintf("Computation %s repeats item %d", c.Name, j+1))
		}
		seen[c.Name] = i
	}
	codes := map[string]int{}
	for i, r := range d.Rules {
		p := fmt.Sprintf("rules.%d", i)
		if j, dup := codes[r.Code]; dup {
			fieldErr(errs, p+".code", "pack_rule_duplicate",
				fmt.Sprintf("规则代码 %s 与第 %d 条重复", r.Code, j+1), fmt.Sprintf("Rule code %s repeats rule %d", r.Code, j+1))
		}
		codes[r.Code] = i
		for field, text := range map[string]string{"message.zh": r.Message.Zh, "message.en": r.Message.En, "path": r.Path} {
			for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
				if _, ok := r.Params[m[1]]; !ok && !builtins[m[1]] {
					fieldErr(errs, p+"."+field, "pack_placeholder_unknown",
						"占位符 {"+m[1]+"} 没有对应的参数（params）", "Placeholder {"+m[1]+"} has no parameter (params)")
				}
			}
		}
		for k := range r.ParamsEn {
			if _, ok := r.Params[k]; !ok {
				fieldErr(errs, p+".params_en."+k, "pack_placeholder_unknown",
					"英文参数 "+k+" 没有对应的参数（params）", "English parameter "+k+" has no parameter in params")
			}
		}
	}
}

func (d *Doc) checkSources(errs validation.Errors) {
	listed := map[string]bool{}
	for _, s := range d.Sources {
		listed[s.ID] = true
	}
	check := func(path string, s *SourceRef) {
		if s != nil && s.Document != "" && !listed[s.Document] {
			fieldErr(errs, path, "pack_source_unknown", "依据文件 "+s.Document+" 不在本规则包的依据文件（sources）中",
				"Source document "+s.Document+" is not among the pack's sources")
		}
	}
	for _, k := range sortedKeys(d.Tables) {
		t := d.Tables[k]
		check("tables."+k+".source", t.Source)
	}
	for i := range d.Rules {
		check(fmt.Sprintf("rules.%d.source", i), &d.Rules[i].Source)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
