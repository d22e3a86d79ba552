package loader

import (
	"fmt"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// batchPragmas are the writer connection's settings while batches are written (the seed, a bulk
// upload), restored to what the connection had (internal/stmtcache's, read back here rather
// than written twice) when the last batch writer ends. Neither changes what is stored, only how
// SQLite gets it there:
//   - a page cache of 256 MB: a batch's transaction dirties more pages than a serving writer's
//     2 MiB holds (they would be spilled to the WAL mid-transaction and written again), and at
//     100,000 enterprises the indexes' pages were read back from the file over and over;
//   - a checkpoint when the WAL holds 10,000 pages instead of 1,000: each chunk's commit wrote
//     more than 1,000 pages, so every commit copied the WAL into the database and synced it, the
//     pages every chunk touches (the indexes' and the audit log's last ones) each time.
//
// A single save committed meanwhile (an API create during an upload) walks the larger cache at
// its commit (stmtcache's writerPages says why): a millisecond more while an upload runs.
var batchPragmas = []struct {
	name  string
	value int
}{
	{"cache_size", -262144},
	{"wal_autocheckpoint", 10000},
}

// tuning counts the batch writers running: the first applies batchPragmas, the last restores.
var tuning struct {
	sync.Mutex
	writers int
	before  []int
}

// TuneWriter applies batchPragmas to the writer's connection (PocketBase keeps one) and returns
// what gives it back its own settings once no other batch writer still runs. It is called
// outside any transaction (it waits for the writer's connection).
func TuneWriter(app core.App) (restore func(), err error) {
	tuning.Lock()
	defer tuning.Unlock()
	db := app.NonconcurrentDB()
	set := func(name string, v int) error {
		_, err := db.NewQuery(fmt.Sprintf("PRAGMA %s = %d", name, v)).Execute()
		return err
	}
	if tuning.writers == 0 {
		before := make([]int, len(batchPragmas))
		for i, p := range batchPragmas {
			if err := db.NewQuery("PRAGMA " + p.name).Row(&before[i]); err != nil {
				return nil, err
			}
		}
		for _, p := range batchPragmas {
			if err := set(p.name, p.value); err != nil {
				return nil, err
			}
		}
		tuning.before = before
	}
	tuning.writers++
	var once sync.Once
	return func() {
		once.Do(func() {
			tuning.Lock()
			defer tuning.Unlock()
			tuning.writers--
			if tuning.writers > 0 {
				return
			}
			for i, p := range batchPragmas {
				_ = set(p.name, tuning.before[i])
			}
		})
	}, nil
}
