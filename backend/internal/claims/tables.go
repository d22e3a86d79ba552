package claims

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// claimTables are the rule packs' tables a claim reads, from the packs in force for its region
// on its accident date: serious_accident ({deaths, injured}: an accident with at least that many
// deaths, or injured persons, is serious and may be paid in advance), claim_stage_days (status →
// days within which a claim in it must move on: the fast-settlement deadlines) and
// statutory_cover (the heads a payment is made under).
type claimTables struct {
	seriousDeaths, seriousInjured float64
	stageDays                     map[string]float64
	heads                         map[string]bool
}

func tablesOf(app core.App, claim *core.Record) *claimTables {
	snap, err := packs.Current(app)
	if err != nil {
		return nil
	}
	day := claim.GetString("accident_date")
	if day == "" {
		day = today()
	}
	tables := snap.Effective(claim.GetString("region_code"), day).Tables
	t := &claimTables{stageDays: map[string]float64{}, heads: map[string]bool{}}
	if s, ok := tables["serious_accident"].Value.(map[string]any); ok {
		t.seriousDeaths, _ = s["deaths"].(float64)
		t.seriousInjured, _ = s["injured"].(float64)
	}
	if s, ok := tables["claim_stage_days"].Value.(map[string]any); ok {
		for k, v := range s {
			if n, ok := v.(float64); ok {
				t.stageDays[k] = n
			}
		}
	}
	if list, ok := tables["statutory_cover"].Value.([]any); ok {
		for _, item := range list {
			if m, ok := item.(map[string]any); ok {
				if code, ok := m["code"].(string); ok {
					t.heads[code] = true
				}
			}
		}
	}
	return t
}

// serious: a table that sets no threshold makes no accident serious.
func (t *claimTables) serious(deaths, injured int) bool {
	return (t.seriousDeaths > 0 && float64(deaths) >= t.seriousDeaths) ||
		(t.seriousInjured > 0 && float64(injured) >= t.seriousInjured)
}

// due is the last day a claim entering status on day may stay in it ("" when the packs set none).
func (t *claimTables) due(status, day string) string {
	n, ok := t.stageDays[status]
	if !ok {
		return ""
	}
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	return d.AddDate(0, 0, int(n)).Format(time.DateOnly)
}
