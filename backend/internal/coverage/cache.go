package coverage

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/reference"
)

// Figures change only when a record they are computed from changes. A regulator's dashboard
// asks for the same region again and again, so answers are kept until the next write to any of
// these collections (a whole-store version: simple, and never stale). The first request after a
// write computes afresh (scripts/bench-coverage.mjs reports that cold time separately).
// The reference data is watched too: a renamed region changes the names in the answers.
var watched = []string{"enterprises", "policies", "service_reports", "hazards", "claims", "organizations", "inspection_rounds", "findings",
	reference.Regions, reference.Industries}

const maxCached = 256

type answerCache struct {
	mu      sync.Mutex
	version uint64
	entries map[string]any
}

var (
	dataVersion atomic.Uint64
	answers     = &answerCache{entries: map[string]any{}}
)

func bindInvalidation(app core.App) {
	bump := func(e *core.ModelEvent) error {
		dataVersion.Add(1)
		return e.Next()
	}
	app.OnModelAfterCreateSuccess(watched...).BindFunc(bump)
	app.OnModelAfterUpdateSuccess(watched...).BindFunc(bump)
	app.OnModelAfterDeleteSuccess(watched...).BindFunc(bump)
}

// cached answers key from the cache while no watched record changed since it was computed;
// fresh skips the cache (a regulator's "recompute now", and the benchmark's cold figures).
func cached(key string, fresh bool, compute func() (any, error)) (any, error) {
	if fresh {
		return compute()
	}
	v := dataVersion.Load()
	answers.mu.Lock()
	if answers.version != v {
		answers.version, answers.entries = v, map[string]any{}
	}
	if out, ok := answers.entries[key]; ok {
		answers.mu.Unlock()
		return out, nil
	}
	answers.mu.Unlock()
	out, err := compute()
	if err != nil {
		return nil, err
	}
	answers.mu.Lock()
	if answers.version == v {
		if len(answers.entries) >= maxCached {
			answers.entries = map[string]any{}
		}
		answers.entries[key] = out
	}
	answers.mu.Unlock()
	return out, nil
}

// cacheKey names an answer: the route, the caller's scope and every parameter that shapes it.
func cacheKey(route, scope string, q Query, round string) string {
	return fmt.Sprintf("%s|%s|%+v|%s", route, scope, q, round)
}
