package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Business numbers the server assigns (hazard and service-report numbers, internal/numbering)
// come from one counter per scope (prefix, region, year). A plain table, not a collection: no
// API reads or writes it; the counter moves in the same transaction as the record it numbers.
func init() {
	m.Register(func(app core.App) error {
		_, err := app.DB().NewQuery(`CREATE TABLE IF NOT EXISTS azx_sequences (
			scope TEXT PRIMARY KEY NOT NULL,
			last  INTEGER NOT NULL
		)`).Execute()
		return err
	}, func(app core.App) error {
		_, err := app.DB().NewQuery(`DROP TABLE IF EXISTS azx_sequences`).Execute()
		return err
	})
}
