// Package packs holds the jurisdiction rule packs (data/*.json): per region, the base-rate
// table, the floating coefficients, the cover minimum and the prevention-budget ratio, with
// the source of each rule. The server checks every policy a user writes against the pack of
// its enterprise's region; <azx-policy-entry> runs the same checks in the browser from the
// same files (schemas/packs/ is a copy, kept identical by a test).
package packs

import (
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

//go:embed data/*.json
var files embed.FS

// Option is one allowed value of a floating coefficient.
type Option struct {
	Code    string  `json:"code"`
	Title   string  `json:"title"`
	TitleEn string  `json:"title_en"`
	Value   float64 `json:"value"`
}

// Band is a headcount band: up to Max persons (nil: no upper bound) the coefficient is Value.
type Band struct {
	Max     *int    `json:"max"`
	Title   string  `json:"title"`
	TitleEn string  `json:"title_en"`
	Value   float64 `json:"value"`
}

// Factor is one floating coefficient: chosen from Options, or given by Bands.
type Factor struct {
	Title          string   `json:"title"`
	TitleEn        string   `json:"title_en"`
	Example        bool     `json:"example"`
	FromEnterprise string   `json:"from_enterprise"`
	Options        []Option `json:"options"`
	Bands          []Band   `json:"bands"`
}

// Title is a name in both languages.
type Title struct {
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
}

// Source names where a rule comes from, in both languages.
type Source struct {
	Source   string `json:"source"`
	SourceEn string `json:"source_en"`
}

// Ratio bounds the prevention budget as a share of the premium.
type Ratio struct {
	Min          *float64 `json:"min"`
	MinSource    string   `json:"min_source"`
	MinSourceEn  string   `json:"min_source_en"`
	Max          *float64 `json:"max"`
	MaxAppliesTo string   `json:"max_applies_to"` // "high_risk" or "" (all industries)
	MaxSource    string   `json:"max_source"`
	MaxSourceEn  string   `json:"max_source_en"`
}

// Pack is one jurisdiction's rules.
type Pack struct {
	ID                   string            `json:"id"`
	Title                string            `json:"title"`
	TitleEn              string            `json:"title_en"`
	Regions              []string          `json:"regions"`
	EffectiveFrom        string            `json:"effective_from"`
	HighRisk             []string          `json:"high_risk_industries"`
	CoverMinimum         map[string]any    `json:"cover_minimum"`
	BaseRates            BaseRates         `json:"base_rates"`
	Coefficients         map[string]Factor `json:"coefficients"`
	PreventionRatio      Ratio             `json:"prevention_ratio"`
	StatutoryScope       []string          `json:"statutory_scope"`
	ScopeTitles          map[string]Title  `json:"scope_titles"`
	MaxPeriodDays        int               `json:"max_period_days"`
	LongPeriodIndustries []string          `json:"long_period_industries"`
	Rules                map[string]Source `json:"rules"`
}

// BaseRates is the base premium per person per year by industry, at BasisCover per person.
type BaseRates struct {
	Example    bool               `json:"example"`
	BasisCover float64            `json:"basis_cover"`
	Rates      map[string]float64 `json:"rates"`
}

// FactorOrder is the order coefficients are listed and multiplied in.
var FactorOrder = []string{"accident_record", "standardization", "safety_credit", "dual_prevention", "headcount_band"}

type message struct {
	Rule string `json:"rule"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

var (
	all      map[string]*Pack
	messages map[string]message
)

func init() {
	var err error
	if all, messages, err = load(); err != nil {
		panic("packs: " + err.Error())
	}
}

func load() (map[string]*Pack, map[string]message, error) {
	entries, err := files.ReadDir("data")
	if err != nil {
		return nil, nil, err
	}
	packs := map[string]*Pack{}
	var msgs struct {
		Messages map[string]message `json:"messages"`
	}
	for _, e := range entries {
		b, err := files.ReadFile("data/" + e.Name())
		if err != nil {
			return nil, nil, err
		}
		switch e.Name() {
		case "messages.json":
			if err := json.Unmarshal(b, &msgs); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", e.Name(), err)
			}
		case "cases.json":
		default:
			p := &Pack{}
			if err := json.Unmarshal(b, p); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", e.Name(), err)
			}
			packs[p.ID] = p
		}
	}
	if packs["national"] == nil {
		return nil, nil, fmt.Errorf("no national pack")
	}
	return packs, msgs.Messages, nil
}

// Get returns a pack by id, or nil.
func Get(id string) *Pack { return all[id] }

// IDs lists the pack ids, sorted.
func IDs() []string {
	out := make([]string, 0, len(all))
	for id := range all {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// DefaultID is the deployment's pack for regions no regional pack claims: AZX_PACK when it
// names a pack, else "national".
func DefaultID() string {
	if id := os.Getenv("AZX_PACK"); all[id] != nil {
		return id
	}
	return "national"
}

// ForRegion picks the pack whose region prefix is the longest match of a GB/T 2260 code
// (320506 → suzhou by "3205", 110105 → beijing by "11"), else the pack named by fallback
// (else national).
func ForRegion(region, fallback string) *Pack {
	var best *Pack
	bestLen := 0
	for _, id := range IDs() {
		p := all[id]
		for _, prefix := range p.Regions {
			if strings.HasPrefix(region, prefix) && len(prefix) > bestLen {
				best, bestLen = p, len(prefix)
			}
		}
	}
	if best != nil {
		return best
	}
	if p := all[fallback]; p != nil {
		return p
	}
	return all["national"]
}
