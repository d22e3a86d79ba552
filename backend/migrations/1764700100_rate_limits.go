package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/security"
)

// PocketBase's rate limits, on, with AZX's rules (internal/security/ratelimits.go): before, 50
// wrong passwords in 3 s were all answered. Stored once; operators tune them in the admin UI.
func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = true
		s.RateLimits.Rules = security.RateLimitRules()
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = false
		return app.Save(s)
	})
}
