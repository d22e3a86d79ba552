package records

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
)

// Register wires the record hooks (model level, so app.Save from seed and bulk is covered
// too), the request hooks and the API middleware.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.BindFunc(middleware)
		analyze(se.App)
		return se.Next()
	})
	// statistics follow the data; a full ANALYZE takes about 0.3 s per 100,000 policies
	app.Cron().MustAdd("azx_analyze", "17 * * * *", func() { analyze(app) })
}

// BindHooks wires the model and request hooks into app (without the HTTP middleware).
func BindHooks(app core.App) {
	bindModelHooks(app)
	bindPropagation(app)
	bindRequestHooks(app)
	bindAppendOnly(app)
	bindEmptyLists(app)
	bindListAnswer(app)
}

// analyze refreshes SQLite's planner statistics. Without them, or with sampled ones, SQLite
// picks the status index for "insurer = X && status = Y" and scans a third of the policies;
// with exact ones it takes the insurer's index. It keeps sqlite_stat1 (a full ANALYZE: rows per
// key of every index) and drops the samples ANALYZE also writes to sqlite_stat4: with samples,
// SQLite compiles a statement whose parameter meets an indexed column again every time its
// parameters are bound (the plan may depend on the value), so the statements each connection
// keeps prepared (internal/stmtcache) were parsed anew on every run, and PocketBase's create-rule
// query, unique to each request, twice: about a tenth of a policy create's CPU (issue 20).
// The lists' plans rest on stat1 alone (plans_test.go).
func analyze(app core.App) {
	err := app.RunInTransaction(func(tx core.App) error {
		db := tx.NonconcurrentDB()
		return dropSamples(db, func() error {
			_, err := db.NewQuery("ANALYZE").Execute()
			return err
		})
	})
	if err != nil {
		app.Logger().Warn("ANALYZE failed", "error", err)
	}
}

// dropSamples runs analyze, then empties sqlite_stat4 in the same transaction (no other
// connection ever reads the samples) and reloads the statistics. Samples that an older binary
// left make every connection reload its schema, since one that loaded them keeps them.
func dropSamples(tx dbx.Builder, analyze func() error) error {
	var tables int
	if err := tx.NewQuery("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat4'").Row(&tables); err != nil {
		return err
	}
	stale := 0
	if tables > 0 {
		if err := tx.NewQuery("SELECT count(*) FROM sqlite_stat4").Row(&stale); err != nil {
			return err
		}
	}
	if err := analyze(); err != nil {
		return err
	}
	if err := tx.NewQuery("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat4'").Row(&tables); err != nil || tables == 0 {
		return err // built without STAT4: nothing to drop
	}
	for _, q := range []string{"DELETE FROM sqlite_stat4", "ANALYZE sqlite_schema"} {
		if _, err := tx.NewQuery(q).Execute(); err != nil {
			return err
		}
	}
	if stale > 0 {
		// a schema change (the cookie moves) makes every connection reload the statistics
		for _, q := range []string{"CREATE TABLE _azx_reload_statistics (x)", "DROP TABLE _azx_reload_statistics"} {
			if _, err := tx.NewQuery(q).Execute(); err != nil {
				return err
			}
		}
	}
	return nil
}
