package packs

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Enterprise is what the registry says about the insured (the enterprises row).
type Enterprise struct {
	Name            string `json:"name"`
	Region          string `json:"region_code"`
	Industry        string `json:"industry"`
	Headcount       int64  `json:"headcount"`
	Standardization string `json:"standardization_level"`
	SafetyCredit    string `json:"safety_credit"`
	DualPrevention  string `json:"dual_prevention"`
}

// grade is the registry's value of an enterprise field a coefficient follows ("" unknown).
func (e Enterprise) grade(field string) string {
	switch field {
	case "standardization_level":
		return e.Standardization
	case "safety_credit":
		return e.SafetyCredit
	case "dual_prevention":
		return e.DualPrevention
	}
	return ""
}

// Previous is the policy a renewal names: Found is false when no such policy of the same
// enterprise exists.
type Previous struct {
	Found bool   `json:"found"`
	End   string `json:"end"` // YYYY-MM-DD
}

// Problem is one refused rule: where, which code, and its message in both languages.
type Problem struct {
	Path string `json:"path"` // inside data: "insured_persons", "rating.coefficients.safety_credit"
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// checker collects problems, one per path (the first found, as validation.Add does).
type checker struct {
	p    *Pack
	out  []Problem
	seen map[string]bool
}

// params are a message's placeholders; a key ending in "|en" is the English variant.
type params map[string]string

func (c *checker) add(path, code string, ps params) {
	if c.seen[path] {
		return
	}
	c.seen[path] = true
	m := messages[code]
	src := c.p.Rules[m.Rule]
	switch {
	case code == "prevention_budget_under_ratio":
		src = Source{c.p.PreventionRatio.MinSource, c.p.PreventionRatio.MinSourceEn}
	case code == "prevention_budget_over_cap":
		src = Source{c.p.PreventionRatio.MaxSource, c.p.PreventionRatio.MaxSourceEn}
	}
	if ps == nil {
		ps = params{}
	}
	ps["source"], ps["source|en"] = src.Source, src.SourceEn
	ps["pack"], ps["pack|en"] = c.p.Title, c.p.TitleEn
	c.out = append(c.out, Problem{Path: path, Code: code, Zh: fill(m.Zh, ps, ""), En: fill(m.En, ps, "|en")})
}

func fill(tmpl string, ps params, suffix string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		key := tmpl[i+1 : j]
		v, ok := ps[key+suffix]
		if !ok {
			v = ps[key]
		}
		b.WriteString(v)
		tmpl = tmpl[j+1:]
	}
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return 0, false
}

func at(data any, path ...string) (any, bool) {
	for _, k := range path {
		m, ok := data.(map[string]any)
		if !ok {
			return nil, false
		}
		if data, ok = m[k]; !ok {
			return nil, false
		}
	}
	return data, true
}

func numAt(data any, path ...string) (float64, bool) {
	v, ok := at(data, path...)
	if !ok {
		return 0, false
	}
	return num(v)
}

func strAt(data any, path ...string) string {
	v, _ := at(data, path...)
	s, _ := v.(string)
	return s
}

func day(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// BandValue is the headcount-band coefficient (hundredths) for a number of insured persons.
func (p *Pack) BandValue(persons int64) (int64, bool) {
	f, ok := p.Coefficients["headcount_band"]
	if !ok {
		return 0, false
	}
	for _, b := range f.Bands {
		if b.Max == nil || persons <= int64(*b.Max) {
			h, _ := Hundredths(b.Value)
			return h, true
		}
	}
	return 0, false
}

// Check runs every rule of the pack on a policy record (data) for an enterprise of the
// registry; prev is the renewed policy (nil when the record renews none). It returns the
// problems found, in a stable order; none means the policy may be stored.
func Check(p *Pack, ent Enterprise, data map[string]any, prev *Previous) []Problem {
	c := &checker{p: p, seen: map[string]bool{}}

	// 全员投保: insured persons = headcount, and the headcount not below the registry's
	headcount, hasHead := numAt(data, "headcount")
	insured, hasIns := numAt(data, "insured_persons")
	if hasHead && hasIns && insured != headcount {
		c.add("insured_persons", "cover_headcount_mismatch", params{"insured": fmtInt(insured), "headcount": fmtInt(headcount)})
	}
	if hasHead && ent.Headcount > 0 && int64(headcount) < ent.Headcount {
		c.add("headcount", "not_fully_insured", params{"headcount": fmtInt(headcount), "registry": strconv.FormatInt(ent.Headcount, 10)})
	}

	// cover per person
	cover, hasCover := numAt(data, "cover_per_person")
	if hasCover {
		if min, ok := num(p.CoverMinimum[strAt(data, "legal_basis")]); ok && Fen(cover) < Fen(min) {
			c.add("cover_per_person", "cover_below_minimum", params{"minimum": Yuan(Fen(min))})
		}
	}

	c.rating(ent, data, cover, hasCover, insured, hasIns)

	// 删减保障内容
	if scope, ok := at(data, "coverage_scope"); ok {
		list, _ := scope.([]any)
		var missing, missingEn []string
		for _, item := range p.StatutoryScope {
			if !slices.Contains(list, any(item)) {
				t, ok := p.ScopeTitles[item]
				if !ok {
					t = Title{item, item}
				}
				missing, missingEn = append(missing, t.Title), append(missingEn, t.TitleEn)
			}
		}
		if len(missing) > 0 {
			c.add("coverage_scope", "coverage_cut", params{"missing": strings.Join(missing, "、"), "missing|en": strings.Join(missingEn, ", ")})
		}
	}

	// prevention clause and budget
	if clause, ok := at(data, "prevention_clause"); ok && clause == false {
		c.add("prevention_clause", "no_prevention_clause", nil)
	}
	premium, hasPremium := numAt(data, "premium")
	budget, hasBudget := numAt(data, "prevention_budget")
	if hasPremium && hasBudget && premium > 0 {
		r := p.PreventionRatio
		if r.Min != nil {
			if want := RatioFen(Fen(premium), *r.Min, true); Fen(budget) < want {
				c.add("prevention_budget", "prevention_budget_under_ratio", params{"ratio": Percent(*r.Min), "expected": Yuan(want)})
			}
		}
		if r.Max != nil && (r.MaxAppliesTo != "high_risk" || slices.Contains(p.HighRisk, ent.Industry)) {
			if cap := RatioFen(Fen(premium), *r.Max, false); Fen(budget) > cap {
				c.add("prevention_budget", "prevention_budget_over_cap", params{"ratio": Percent(*r.Max), "expected": Yuan(cap)})
			}
		}
	}

	// 录入不规范: the insured as the registry has it, a sensible period
	if name := strAt(data, "insured", "name"); name != "" && ent.Name != "" && name != ent.Name {
		c.add("insured.name", "irregular_name", params{"expected": ent.Name})
	}
	if region := strAt(data, "insured", "region_code"); region != "" && ent.Region != "" && region != ent.Region {
		c.add("insured.region_code", "irregular_region", params{"expected": ent.Region})
	}
	start, okS := day(strAt(data, "period", "start"))
	end, okE := day(strAt(data, "period", "end"))
	if okS && okE {
		days := int(end.Sub(start).Hours()/24) + 1
		long := slices.Contains(p.LongPeriodIndustries, ent.Industry)
		if !end.After(start) || (!long && p.MaxPeriodDays > 0 && days > p.MaxPeriodDays) {
			c.add("period.end", "period_invalid", params{"days": strconv.Itoa(p.MaxPeriodDays)})
		}
	}

	// renewal: of a policy of the same enterprise, without a gap
	if no := strAt(data, "renewal_of"); no != "" && prev != nil {
		if !prev.Found {
			c.add("renewal_of", "renewal_unknown", params{"policy": no})
		} else if prevEnd, ok := day(prev.End); ok && okS {
			due := prevEnd.AddDate(0, 0, 1)
			if start.After(due) {
				c.add("period.start", "renewal_gap", params{"expected": due.Format("2006-01-02")})
			}
		}
	}
	return c.out
}

// rating checks the premium against the pack: base rate, each coefficient, the product.
func (c *checker) rating(ent Enterprise, data map[string]any, cover float64, hasCover bool, insured float64, hasIns bool) {
	p := c.p
	rating, ok := at(data, "rating")
	if !ok {
		c.add("rating", "rating_missing", nil)
		return
	}
	base, hasBase := numAt(rating, "base_rate")
	if rate, known := p.BaseRates.Rates[ent.Industry]; known && hasBase && hasCover {
		if want := BaseRateFen(rate, cover, p.BaseRates.BasisCover); Fen(base) != want {
			c.add("rating.base_rate", "base_rate_mismatch", params{"expected": Yuan(want), "industry": ent.Industry, "cover": Yuan(Fen(cover))})
		}
	}
	if r, ok := at(data, "restrictions"); ok {
		if list, _ := r.([]any); len(list) > 0 {
			c.add("restrictions", "restrictions_added", nil)
		}
	}
	coefs := make([]int64, 0, len(FactorOrder))
	complete := hasBase
	for _, key := range FactorOrder {
		f, inPack := p.Coefficients[key]
		if !inPack {
			continue
		}
		path := "rating.coefficients." + key
		v, has := numAt(rating, "coefficients", key)
		if !has {
			c.add(path, "rating_missing", nil)
			complete = false
			continue
		}
		h, clean := Hundredths(v)
		coefs = append(coefs, h)
		ps := params{"factor": f.Title, "factor|en": f.TitleEn, "value": strconv.FormatFloat(v, 'f', -1, 64)}
		if len(f.Bands) > 0 {
			if want, ok := p.BandValue(int64(insured)); ok && hasIns && (!clean || h != want) {
				ps["expected"] = Coef(want)
				c.add(path, "coefficient_not_registry", ps)
			}
			continue
		}
		allowed := make([]string, 0, len(f.Options))
		found := false
		var fromRegistry *Option
		for i, o := range f.Options {
			oh, _ := Hundredths(o.Value)
			allowed = append(allowed, Coef(oh))
			if clean && oh == h {
				found = true
			}
			if g := ent.grade(f.FromEnterprise); g != "" && o.Code == g {
				fromRegistry = &f.Options[i]
			}
		}
		if !found {
			ps["allowed"] = strings.Join(allowed, " / ")
			c.add(path, "coefficient_not_allowed", ps)
		} else if fromRegistry != nil {
			if want, _ := Hundredths(fromRegistry.Value); want != h {
				ps["expected"] = Coef(want)
				c.add(path, "coefficient_not_registry", ps)
			}
		}
	}
	if !complete || !hasIns {
		return
	}
	want := PremiumFen(Fen(base), coefs, int64(insured))
	if byRate, ok := numAt(rating, "premium_by_rate"); ok && Fen(byRate) != want {
		c.add("rating.premium_by_rate", "premium_by_rate_mismatch", params{"expected": Yuan(want)})
	}
	if premium, ok := numAt(data, "premium"); ok && Fen(premium) != want {
		c.add("premium", "premium_mismatch", params{"premium": Yuan(Fen(premium)), "expected": Yuan(want)})
	}
}

func fmtInt(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
