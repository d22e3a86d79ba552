package seed

import "github.com/pocketbase/pocketbase/core"

// writerPragmas are the writer connection's settings for the seed's transactions, each with the
// value it has otherwise (PocketBase's, internal/stmtcache), restored when the seed ends. Neither
// changes what is stored, only how SQLite gets it there:
//   - a page cache of 256 MB instead of 32 MB: at 100,000 enterprises the indexes outgrow 32 MB
//     and their pages were read back from the file over and over;
//   - a checkpoint when the WAL holds 10,000 pages instead of 1,000: each chunk's commit wrote
//     more than 1,000 pages, so every commit copied the WAL into the database and synced it, the
//     pages every chunk touches (the indexes' and the audit log's last ones) each time.
var writerPragmas = []struct{ set, reset string }{
	{"PRAGMA cache_size = -262144", "PRAGMA cache_size = -32000"},
	{"PRAGMA wal_autocheckpoint = 10000", "PRAGMA wal_autocheckpoint = 1000"},
}

// tuneWriter applies writerPragmas to the writer's connection (PocketBase keeps one) and
// returns what restores them.
func tuneWriter(app core.App) (func(), error) {
	db := app.NonconcurrentDB()
	for _, p := range writerPragmas {
		if _, err := db.NewQuery(p.set).Execute(); err != nil {
			return nil, err
		}
	}
	return func() {
		for _, p := range writerPragmas {
			_, _ = db.NewQuery(p.reset).Execute()
		}
	}, nil
}
