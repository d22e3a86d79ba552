package loader

import (
	"context"
	"sync"
)

// Known are relation targets the caller read from the database in the writer's transaction (a
// chunk's enterprises, the organizations its rows name): a record's relation to one of them
// needs no look-up to prove it exists. An id not in Known is looked up as in any save.
type Known struct {
	mu  sync.RWMutex
	ids map[string]map[string]bool // collection name → ids
}

// NewKnown is an empty set.
func NewKnown() *Known { return &Known{ids: map[string]map[string]bool{}} }

// Add notes ids of collection as read from the database ("" is ignored; a nil Known notes
// nothing, for a caller that keeps no record of what it read).
func (k *Known) Add(collection string, ids ...string) {
	if k == nil {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	set := k.ids[collection]
	if set == nil {
		set = map[string]bool{}
		k.ids[collection] = set
	}
	for _, id := range ids {
		if id != "" {
			set[id] = true
		}
	}
}

// has reports whether every one of ids of collection is known (false for none).
func (k *Known) has(collection string, ids []string) bool {
	if k == nil || len(ids) == 0 {
		return false
	}
	k.mu.RLock()
	defer k.mu.RUnlock()
	set := k.ids[collection]
	for _, id := range ids {
		if !set[id] {
			return false
		}
	}
	return true
}

type knownKey struct{}

// WithKnown is ctx carrying k: a validation run with it does not look up again a relation
// whose ids are all in k (the field checks, register.go).
func WithKnown(ctx context.Context, k *Known) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, knownKey{}, k)
}

// KnownOf is the Known ctx carries, if any.
func KnownOf(ctx context.Context) (*Known, bool) {
	if ctx == nil {
		return nil, false
	}
	k, ok := ctx.Value(knownKey{}).(*Known)
	return k, ok && k != nil
}
