package packs

import (
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/lifecycle"
)

// Snapshot is the published packs at one moment, and the effective packs resolved from them
// (per region, per run of days on which the same packs apply: resolved once, not per record).
type Snapshot struct {
	docs []*Doc
	// Version counts the snapshots this process has loaded: a reader that derived something from
	// the packs (coverage's thresholds per policy) re-derives when it changes.
	Version uint64

	mu      sync.Mutex
	regions map[string]*regionPacks
}

// regionPacks: the days where the packs of a region's levels change, and what applies between.
type regionPacks struct {
	bounds []string // sorted first days of each run
	byRun  map[int]*Effective
}

// NewSnapshot builds a snapshot over docs (published packs).
func NewSnapshot(docs []*Doc) *Snapshot {
	return &Snapshot{docs: docs, regions: map[string]*regionPacks{}}
}

// Docs are the packs of the snapshot.
func (s *Snapshot) Docs() []*Doc { return s.docs }

// Effective is what applies to a region (GB/T 2260 code) on a day (YYYY-MM-DD).
func (s *Snapshot) Effective(region, day string) *Effective {
	if len(day) > 10 {
		day = day[:10]
	}
	s.mu.Lock()
	rp := s.regions[region]
	if rp == nil {
		rp = s.runs(region)
		s.regions[region] = rp
	}
	run := sort.SearchStrings(rp.bounds, day+"\x00") - 1 // the last bound ≤ day
	e := rp.byRun[run]
	s.mu.Unlock()
	if e != nil {
		return e
	}
	e = s.resolve(region, day)
	if run >= 0 {
		e.ValidFrom = rp.bounds[run]
	}
	if run+1 < len(rp.bounds) {
		to := dayBefore(rp.bounds[run+1])
		e.ValidTo = &to
	}
	s.mu.Lock()
	rp.byRun[run] = e
	s.mu.Unlock()
	return e
}

// runs finds the days where the packs of a region's levels begin or stop applying.
func (s *Snapshot) runs(region string) *regionPacks {
	seen := map[string]bool{}
	chain := map[string]bool{}
	for _, c := range levels(region) {
		chain[c] = true
	}
	for _, d := range s.docs {
		if !chain[d.Jurisdiction] {
			continue
		}
		seen[d.EffectiveFrom] = true
		if to := d.until(); to != "" {
			seen[dayAfter(to)] = true
		}
	}
	rp := &regionPacks{byRun: map[int]*Effective{}}
	for b := range seen {
		rp.bounds = append(rp.bounds, b)
	}
	sort.Strings(rp.bounds)
	return rp
}

// resolve merges the packs in force for region on day.
func (s *Snapshot) resolve(region, day string) *Effective {
	chain := levels(region)
	inChain := map[string]bool{}
	for _, c := range chain {
		inChain[c] = true
	}
	newest := map[string]*Doc{} // per key, the highest version that applies that day
	for _, d := range s.docs {
		if !inChain[d.Jurisdiction] || !d.appliesOn(day) {
			continue
		}
		if cur := newest[d.Key]; cur == nil || d.Version > cur.Version {
			newest[d.Key] = d
		}
	}
	var all []*Doc
	for _, d := range newest {
		all = append(all, d)
	}
	layerOrder(all, chain)
	var binding []*Doc
	drafts := false
	for _, d := range all {
		if d.LegalStatus == InForce {
			binding = append(binding, d)
		} else {
			drafts = true
		}
	}
	e := &Effective{Region: region, Date: day, Layers: layersOf(binding), RuleSet: merge(binding)}
	if drafts {
		e.Proposed = &Proposed{Layers: layersOf(all), RuleSet: merge(all)}
	}
	return e
}

func layersOf(docs []*Doc) []Layer {
	out := make([]Layer, 0, len(docs))
	for _, d := range docs {
		out = append(out, d.Layer)
	}
	return out
}

func dayAfter(day string) string  { return shift(day, 1) }
func dayBefore(day string) string { return shift(day, -1) }

func shift(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// Load reads the published packs of app (a transaction's app sees its own writes).
func Load(app core.App) ([]*Doc, error) {
	rows, err := app.FindRecordsByFilter(Collection, "status = {:s}", "key,version", 0, 0, dbx.Params{"s": lifecycle.Published})
	if err != nil {
		return nil, err
	}
	out := make([]*Doc, 0, len(rows))
	for _, r := range rows {
		d, err := parse(DocumentOf(r))
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// the snapshot of each data folder: dropped when a rule_packs row changes in this process,
// re-read after recheckAfter when another process (a CLI command) may have changed the rows
const recheckAfter = 30 * time.Second

type cachedSnapshot struct {
	snap      *Snapshot
	stamp     string
	checkedAt time.Time
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*cachedSnapshot{}
	loads   atomic.Uint64
)

// Invalidate drops the snapshots (a rule_packs row changed).
func Invalidate() {
	cacheMu.Lock()
	for _, c := range cache {
		c.snap = nil
	}
	cacheMu.Unlock()
}

// rowsStamp fingerprints the table cheaply, to notice another process's writes.
func rowsStamp(app core.App) string {
	var row struct {
		N       int    `db:"n"`
		Updated string `db:"u"`
	}
	_ = app.DB().NewQuery("SELECT COUNT(*) AS n, COALESCE(MAX(updated), '') AS u FROM " + Collection).One(&row)
	return row.Updated + "|" + strconv.Itoa(row.N)
}

// Current is the snapshot of the published packs of app's data, loaded on first use.
func Current(app core.App) (*Snapshot, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	c := cache[app.DataDir()]
	if c == nil {
		c = &cachedSnapshot{}
		cache[app.DataDir()] = c
	}
	if c.snap != nil && time.Since(c.checkedAt) < recheckAfter {
		return c.snap, nil
	}
	st := rowsStamp(app)
	if c.snap != nil && st == c.stamp {
		c.checkedAt = time.Now()
		return c.snap, nil
	}
	docs, err := Load(app)
	if err != nil {
		return nil, err
	}
	c.snap = NewSnapshot(docs)
	c.snap.Version = loads.Add(1)
	c.stamp, c.checkedAt = st, time.Now()
	return c.snap, nil
}
