package seed

import (
	"sync"

	"azx/backend/internal/packs"
	"azx/backend/internal/testapp"
)

var shippedPacks = sync.OnceValue(func() *packs.Snapshot {
	snap, err := packs.Shipped(testapp.PacksDir())
	if err != nil {
		panic(err)
	}
	return snap
})

// withPacks is cfg planned under the shipped rule packs (what a fresh data folder holds).
func withPacks(cfg Config) Config {
	cfg.Packs = shippedPacks()
	return cfg
}
