package seed

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/pocketbase/pocketbase"

	_ "azx/backend/migrations"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/records"
)

// newApp is a real AZX backend on a temporary data folder: migrations applied, the
// backend-core hooks bound, built-in definitions published.
func newApp(t testing.TB) *pocketbase.PocketBase {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: t.TempDir(), HideStartBanner: true})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ResetBootstrapState() })
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	definitions.Register(app)
	records.Register(app)
	audit.Register(app)
	if err := definitions.LoadDir(app, filepath.Join("..", "..", "..", "schemas", "definitions"), io.Discard); err != nil {
		t.Fatal(err)
	}
	return app
}
