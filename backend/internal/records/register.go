package records

import (
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
// with exact ones it takes the insurer's index.
func analyze(app core.App) {
	if _, err := app.NonconcurrentDB().NewQuery("ANALYZE").Execute(); err != nil {
		app.Logger().Warn("ANALYZE failed", "error", err)
	}
}
