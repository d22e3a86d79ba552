package loader

import (
	"fmt"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// Pragma is a setting of the writer's connection for batch writes.
type Pragma struct {
	Name  string
	Value int
}

// The writer connection's settings while batches are written, restored to what the connection
// had (internal/stmtcache's, read back here rather than written twice) when the last batch
// writer ends. None changes what is stored, only how SQLite gets it there:
//   - a WAL checkpoint when the WAL holds 10,000 pages instead of 1,000: each chunk's commit
//     wrote more than 1,000 pages, so every commit copied the WAL into the database and synced
//     it, the pages every chunk touches (the indexes' and the audit log's last ones) each time;
//   - a page cache a batch's transaction fits in: a serving writer's 2 MiB (stmtcache's
//     writerPages) spills a chunk's dirty pages to the WAL mid-transaction, to be written again.
//     The seed, a command of its own, takes 256 MB (at 100,000 enterprises the indexes' pages
//     were read back from the file over and over); an upload runs in the serving process, whose
//     memory must not grow with the file, and takes PocketBase's 32 MB, what a 1,000-row chunk
//     dirties (256 MB made a 50,000-row upload's peak 387 MiB higher than before it, against 141
//     for 10,000 rows).
//
// A single save committed meanwhile (an API create during an upload) walks the larger cache at
// its commit (stmtcache's writerPages says why): a fraction of a millisecond more while it runs.
var (
	SeedPragmas   = []Pragma{{"cache_size", -262144}, {"wal_autocheckpoint", 10000}}
	UploadPragmas = []Pragma{{"cache_size", -32000}, {"wal_autocheckpoint", 10000}}
)

// tuning counts the batch writers running: the first applies its settings, which hold until the
// last ends and restores the connection's (uploads share theirs; the seed runs alone, as a command).
var tuning struct {
	sync.Mutex
	writers int
	applied []Pragma
	before  []int
}

// TuneWriter applies settings to the writer's connection (PocketBase keeps one) and returns what
// gives it back its own once no other batch writer still runs. It is called outside any
// transaction (it waits for the writer's connection).
func TuneWriter(app core.App, settings []Pragma) (restore func(), err error) {
	tuning.Lock()
	defer tuning.Unlock()
	db := app.NonconcurrentDB()
	set := func(name string, v int) error {
		_, err := db.NewQuery(fmt.Sprintf("PRAGMA %s = %d", name, v)).Execute()
		return err
	}
	if tuning.writers == 0 {
		before := make([]int, len(settings))
		for i, p := range settings {
			if err := db.NewQuery("PRAGMA " + p.Name).Row(&before[i]); err != nil {
				return nil, err
			}
		}
		for _, p := range settings {
			if err := set(p.Name, p.Value); err != nil {
				return nil, err
			}
		}
		tuning.applied, tuning.before = settings, before
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
			for i, p := range tuning.applied {
				_ = set(p.Name, tuning.before[i])
			}
		})
	}, nil
}
