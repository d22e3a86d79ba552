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
		// planner statistics for the tables that lack them (cheap on a small store)
		if _, err := se.App.NonconcurrentDB().NewQuery("PRAGMA optimize=0x10002").Execute(); err != nil {
			se.App.Logger().Warn("PRAGMA optimize failed", "error", err)
		}
		return se.Next()
	})
}

// BindHooks wires the model and request hooks into app (without the HTTP middleware).
func BindHooks(app core.App) {
	bindModelHooks(app)
	bindPropagation(app)
	bindRequestHooks(app)
	bindAppendOnly(app)
}
