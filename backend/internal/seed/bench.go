package seed

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// benchChunk is the number of policies per transaction: large enough to amortize commits,
// small enough to keep the write lock short for a server running alongside.
const benchChunk = 5000

type benchEnterprise struct {
	ID        string `db:"id"`
	Region    string `db:"region_code"`
	USCC      string `db:"uscc"`
	Name      string `db:"name"`
	Headcount int    `db:"headcount"`
	Industry  string `db:"industry"`
}

// AddBenchPolicies adds n synthetic policies (numbers BENCH-0000001 onwards, continuing after
// those already present) spread over the seeded enterprises and insurers, through app.Save.
func AddBenchPolicies(app core.App, n int, seed uint64) (int, error) {
	var ents []benchEnterprise
	if err := app.DB().Select("id", "region_code", "uscc", "COALESCE(NULLIF([[name]], ''), json_extract([[data]], '$.name')) AS name", "headcount", "industry").From("enterprises").OrderBy("id").All(&ents); err != nil {
		return 0, err
	}
	var insurers, providers []string
	if err := app.DB().Select("id").From("organizations").Where(dbx.HashExp{"kind": "insurer"}).OrderBy("id").Column(&insurers); err != nil {
		return 0, err
	}
	if err := app.DB().Select("id").From("organizations").Where(dbx.HashExp{"kind": "provider"}).OrderBy("id").Column(&providers); err != nil {
		return 0, err
	}
	if len(ents) == 0 || len(insurers) == 0 {
		return 0, errors.New("no enterprises or insurers: seed the demo data first")
	}
	versions, err := LatestVersions(app)
	if err != nil {
		return 0, err
	}
	var existing int
	_ = app.DB().Select("COUNT(*)").From("policies").Where(dbx.Like("policy_no", "BENCH-").Match(false, true)).Row(&existing)

	w, err := newWriter(app, versions)
	if err != nil {
		return 0, err
	}
	snap, err := packs.Current(app)
	if err != nil {
		return 0, err
	}
	terms := newTerms(snap)
	rng := rand.New(rand.NewPCG(seed+uint64(existing), 0xbe4c))
	done := 0
	for done < n {
		// drawn in order first (the same seed gives the same policies), then saved by the
		// workers, each enterprise's policies by one of them (its providers column grows in order)
		rows := make([]benchRow, min(benchChunk, n-done))
		for i := range rows {
			seq := existing + done + i + 1
			r := benchRow{seq: seq, ent: rng.IntN(len(ents)), provider: -1}
			r.data = benchPolicy(rng, seq, ents[r.ent], terms)
			r.insurer = rng.IntN(len(insurers))
			if rng.IntN(10) < 7 && len(providers) > 0 {
				r.provider = rng.IntN(len(providers))
			}
			rows[i] = r
		}
		saved, err := w.chunks(len(rows), len(rows), func(i int) int { return rows[i].ent }, func(w *writer, i int) (int, error) {
			b := rows[i]
			r := w.business("policies", fmt.Sprintf("bench%010d", b.seq), "policy", b.data)
			r.Set("enterprise", ents[b.ent].ID)
			r.Set("insurer", insurers[b.insurer])
			if b.provider >= 0 {
				r.Set("provider", providers[b.provider])
			}
			return 1, save(w.app, r, fmt.Sprintf("BENCH-%07d", b.seq))
		})
		if err != nil {
			return done, err
		}
		done += saved
	}
	return done, nil
}

// benchRow is one synthetic policy as drawn: indices into the enterprises, insurers, providers.
type benchRow struct {
	seq, ent, insurer, provider int
	data                        map[string]any
}

// benchPolicy is a synthetic policy made under the packs of its enterprise's region on its start
// (legal basis, a cover at least the minimum, a budget as insurers set it); its premium is drawn,
// not rated: the benchmark's load, written as the system, is not judged.
func benchPolicy(rng *rand.Rand, seq int, e benchEnterprise, terms *termsOfPacks) map[string]any {
	start := day(RefDate, -rng.IntN(3*365))
	end := start.AddDate(1, 0, -1)
	status := "expired"
	if !end.Before(RefDate) {
		status = "active"
	}
	t := terms.at(e.Region, start)
	headcount := max(e.Headcount, 1)
	premium := int64(headcount) * int64(15000+rng.IntN(40000))
	return map[string]any{
		"policy_no": fmt.Sprintf("BENCH-%07d", seq), "legal_basis": t.LegalBasis, "status": status,
		"insured":   map[string]any{"uscc": e.USCC, "name": e.Name},
		"period":    map[string]any{"start": date(start), "end": date(end)},
		"headcount": headcount, "insured_persons": headcount,
		"cover_per_person": yuan(t.MinCover * pick(rng, coverSteps) / 8), "premium": yuan(premium),
		"prevention_clause": true, "prevention_budget": yuan(budget(rng, t, e.Industry, premium)),
	}
}
