package seed

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// writerPragmas are the writer connection's settings for the seed's transactions, restored to
// what the connection had (internal/stmtcache's, read back here rather than written twice) when
// the seed ends. Neither changes what is stored, only how SQLite gets it there:
//   - a page cache of 256 MB: at 100,000 enterprises the indexes outgrow the 32 MB of a serving
//     connection and their pages were read back from the file over and over;
//   - a checkpoint when the WAL holds 10,000 pages instead of 1,000: each chunk's commit wrote
//     more than 1,000 pages, so every commit copied the WAL into the database and synced it, the
//     pages every chunk touches (the indexes' and the audit log's last ones) each time.
var writerPragmas = []struct {
	name  string
	value int
}{
	{"cache_size", -262144},
	{"wal_autocheckpoint", 10000},
}

// tuneWriter applies writerPragmas to the writer's connection (PocketBase keeps one) and
// returns what restores the values it had.
func tuneWriter(app core.App) (func(), error) {
	db := app.NonconcurrentDB()
	before := make([]int, len(writerPragmas))
	for i, p := range writerPragmas {
		if err := db.NewQuery("PRAGMA " + p.name).Row(&before[i]); err != nil {
			return nil, err
		}
	}
	set := func(name string, v int) error {
		_, err := db.NewQuery(fmt.Sprintf("PRAGMA %s = %d", name, v)).Execute()
		return err
	}
	for _, p := range writerPragmas {
		if err := set(p.name, p.value); err != nil {
			return nil, err
		}
	}
	return func() {
		for i, p := range writerPragmas {
			_ = set(p.name, before[i])
		}
	}, nil
}
