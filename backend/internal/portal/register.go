// Package portal serves the demo portal from inside the release binary (`npm run release`
// embeds it; other builds have none): the same files as scripts/demo-server.mjs, under the same
// headers (internal/security/headers.json), on the same origin as the API.
package portal

import (
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"azx/backend/internal/security"
)

// ServeHookID is the id of the serve hook that adds the portal's routes.
const ServeHookID = "azxPortal"

// Embedded reports whether this binary carries the portal.
func Embedded() bool { return embedded }

// Register adds the portal's routes to a release binary's server.
func Register(app *pocketbase.PocketBase) {
	if !embedded {
		return
	}
	files, err := fs.Sub(site, "site")
	if err != nil {
		panic(err)
	}
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: ServeHookID,
		Func: func(se *core.ServeEvent) error {
			Routes(se, files)
			return se.Next()
		},
	})
}

// Routes binds the portal's files and its configuration (tests call it with their own files).
func Routes(se *core.ServeEvent, files fs.FS) {
	headers := security.PortalHeaders("")
	withHeaders := func(e *core.RequestEvent) error {
		headers.Apply(e.Response.Header())
		return e.Next()
	}
	// the API is this same origin: the page uses its own (demo/portal.ts)
	se.Router.GET("/demo/config.json", func(e *core.RequestEvent) error {
		e.Response.Header().Set("Cache-Control", "no-store")
		return e.JSON(http.StatusOK, map[string]string{"pocketbaseUrl": ""})
	}).BindFunc(withHeaders)
	se.Router.GET("/{path...}", apis.Static(files, false)).BindFunc(withHeaders)
}
