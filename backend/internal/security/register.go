// Package security is how AZX meets the network: security headers on every response, CORS
// limited to the configured portal origins, the admin UI and superusers limited to the server's
// own addresses, and PocketBase's rate limits (see README.md).
package security

import (
	"fmt"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/spf13/cobra"
)

// ServeHookID is the id of the serve hook that binds the middlewares.
const ServeHookID = "azxSecurity"

// Register adds the flags of serve and binds the middlewares when the server starts.
func Register(app *pocketbase.PocketBase, serve *cobra.Command) {
	f := bindFlags(serve)
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: ServeHookID,
		Func: func(se *core.ServeEvent) error {
			cfg, err := f.resolve()
			if err != nil {
				return err
			}
			Bind(se, cfg)
			return se.Next()
		},
	})
}

// Bind applies a configuration to a starting server (tests call it on their own serve event).
func Bind(se *core.ServeEvent, cfg Config) {
	s := se.App.Settings()
	if !cfg.RateLimits && s.RateLimits.Enabled {
		// this process only; the stored setting stays on
		s.RateLimits.Enabled = false
		fmt.Println("rate limits: off for this process (AZX_RATE_LIMITS=off)")
	}
	if len(cfg.TrustedProxy) > 0 {
		s.TrustedProxy.Headers = cfg.TrustedProxy
	}
	se.Router.Unbind(apis.DefaultCorsMiddlewareId)
	se.Router.Bind(cors(cfg.Origins), headersMiddleware(), adminFrom(cfg.AdminFrom), wellFormedQuery(), storageFull())
}
