// Package testapp gives Go tests a real AZX backend: a PocketBase app on a temporary data
// folder with the migrations applied, the validation, reference, records and audit hooks bound,
// and the built-in definitions and rule packs published. Only tests import it.
package testapp

import (
	"io"
	"net/http"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	_ "azx/backend/migrations"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/loader"
	"azx/backend/internal/numbering"
	"azx/backend/internal/packs"
	"azx/backend/internal/records"
	"azx/backend/internal/reference"
	"azx/backend/internal/stmtcache"
)

// DefinitionsDir is schemas/definitions of the repository, wherever the test runs from.
func DefinitionsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "schemas", "definitions")
}

// PacksDir is schemas/packs of the repository.
func PacksDir() string {
	return filepath.Join(DefinitionsDir(), "..", "packs")
}

// New starts the app; register binds a package's own hooks and routes before the definitions
// are loaded (bulk's routes, for example).
func New(t testing.TB, register ...func(*pocketbase.PocketBase)) *pocketbase.PocketBase {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: t.TempDir(), HideStartBanner: true, DBConnect: stmtcache.Connect})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ResetBootstrapState() })
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	definitions.Register(app)
	reference.Register(app)
	records.Register(app)
	numbering.Register(app)
	audit.Register(app)
	loader.Register(app)
	// rule_packs rows are checked; judging policies is bound by the tests about it
	packs.BindCollection(app)
	for _, r := range register {
		r(app)
	}
	if err := definitions.LoadDir(app, DefinitionsDir(), io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := packs.LoadDir(app, PacksDir(), io.Discard); err != nil {
		t.Fatal(err)
	}
	return app
}

// Packs is the shipped rule packs (schemas/packs) as a fresh data folder holds them.
func Packs(t testing.TB) *packs.Snapshot {
	t.Helper()
	snap, err := packs.Shipped(PacksDir())
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// Serve runs the app's serve event (every OnServe hook: routes, the records package's ANALYZE,
// background loads) on a router of its own and returns the handler that answers requests.
func Serve(t testing.TB, app core.App) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var mux http.Handler
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		m, err := e.Router.BuildMux()
		mux = m
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return mux
}

// Token is an auth token of the users record with that email.
func Token(t testing.TB, app core.App, email string) string {
	t.Helper()
	u, err := app.FindAuthRecordByEmail("users", email)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := u.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
