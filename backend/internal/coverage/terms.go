package coverage

import (
	"math"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// terms are the thresholds the rule packs in force give one policy: those of its enterprise's
// region on its own period start, as the packs judged it when it was written (never today's).
// A figure reads them per policy; they are resolved once per region and run of days (the packs'
// Snapshot), not per row, and kept on the policy's fact.
type terms struct {
	minCover  float64        // least cover per person (min_cover_per_person); NaN: none
	floorPct  float64        // least prevention budget, percent of premium (prevention_budget_floor); NaN: none
	uploadSec int64          // upload deadline after the period start, in seconds (upload_deadline); -1: none
	delivery  packs.Delivery // the service plan by grade and how delivery is measured (delivery.go)
}

var noTerms = terms{minCover: math.NaN(), floorPct: math.NaN(), uploadSec: -1}

// Terms reads the thresholds of an effective pack.
func termsOf(e *packs.Effective) terms {
	t := noTerms
	if v, ok := e.Tables["min_cover_per_person"].Value.(float64); ok {
		t.minCover = v
	}
	if v, ok := e.Tables["prevention_budget_floor"].Value.(float64); ok {
		// in whole hundredths of a percent, so a share × 100 compares exactly (no 20.000000000000004)
		t.floorPct = math.Round(v*10000) / 100
	}
	if d, ok := e.Tables["upload_deadline"].Value.(map[string]any); ok {
		if days, ok := d["days"].(float64); ok && d["after"] == "period_start" {
			t.uploadSec = int64(days) * 86400
		}
	}
	t.delivery = packs.DeliveryOf(e)
	return t
}

type termsKey struct {
	region sym
	day    int64 // days since 1970-01-01 (UTC) of the period start
}

// termsCache resolves terms per region and day from one packs snapshot.
type termsCache struct {
	snap    *packs.Snapshot
	version uint64
	byKey   map[termsKey]terms
}

// dayOfMs is the calendar day of a stored date (midnight UTC for a date-only column).
func dayOfMs(ms int64) int64 {
	if ms == noDate || ms == badDate {
		return math.MinInt64
	}
	return int64(math.Floor(float64(ms) / 86400000))
}

func (x *factIndex) termsFor(p *polFact) terms {
	c := x.terms
	if c == nil || c.snap == nil {
		return noTerms
	}
	k := termsKey{p.place.region, dayOfMs(p.start)}
	if t, ok := c.byKey[k]; ok {
		return t
	}
	t := noTerms
	if k.day != math.MinInt64 {
		day := time.UnixMilli(k.day * 86400000).UTC().Format("2006-01-02")
		t = termsOf(c.snap.Effective(x.codes.strs[k.region], day))
	}
	c.byKey[k] = t
	return t
}

// reterm gives every policy the terms of the packs of snap (after a load, or when the packs
// changed); the caller holds the write lock.
func (x *factIndex) reterm(snap *packs.Snapshot) {
	x.terms = &termsCache{snap: snap, version: snap.Version, byKey: map[termsKey]terms{}}
	for i := range x.pols {
		if x.pols[i].live {
			x.pols[i].terms = x.termsFor(&x.pols[i])
		}
	}
}

// packsChanged re-terms the policies when the packs changed since (a pack was published or
// retired): the figures follow the packs without reloading the index.
func (x *factIndex) packsChanged(app core.App) error {
	snap, err := packs.Current(app)
	if err != nil {
		return err
	}
	x.mu.RLock()
	stale := x.loaded && (x.terms == nil || x.terms.version != snap.Version)
	x.mu.RUnlock()
	if !stale {
		return nil
	}
	x.mu.Lock()
	if x.loaded && (x.terms == nil || x.terms.version != snap.Version) {
		x.reterm(snap)
		dataVersion.Add(1)
	}
	x.mu.Unlock()
	return nil
}
