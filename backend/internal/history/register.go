package history

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Register adds GET /api/azx/records/{collection}/{id}/history for signed-in parties.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/api/azx/records/{collection}/{id}/history", handle).Bind(apis.RequireAuth())
		return se.Next()
	})
}
