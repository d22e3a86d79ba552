// Command azx-server is the AZX backend: PocketBase used as a Go framework, with the
// collections, access rules, server-side validation, audit chain, seed and bulk upload of AZX.
package main

import (
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/pocketbase/pocketbase"
	pbcmd "github.com/pocketbase/pocketbase/cmd"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	_ "azx/backend/migrations"

	"azx/backend/internal/audit"
	"azx/backend/internal/backups"
	"azx/backend/internal/builtin"
	"azx/backend/internal/bulk"
	"azx/backend/internal/claims"
	"azx/backend/internal/cli"
	"azx/backend/internal/coverage"
	"azx/backend/internal/definitions"
	"azx/backend/internal/hazards"
	"azx/backend/internal/history"
	"azx/backend/internal/loader"
	"azx/backend/internal/numbering"
	"azx/backend/internal/packs"
	"azx/backend/internal/paging"
	"azx/backend/internal/portal"
	"azx/backend/internal/records"
	"azx/backend/internal/reference"
	"azx/backend/internal/security"
	"azx/backend/internal/seed"
	"azx/backend/internal/services"
	"azx/backend/internal/stmtcache"
)

func main() {
	// Production mode unless --dev is given: PocketBase guesses dev mode (SQL echoed to stdout)
	// for a binary under the OS temp directory, as if it were `go run`.
	defaultDir := filepath.Join(filepath.Dir(os.Args[0]), "pb_data")
	// a restore replaces the data folder: it runs before PocketBase opens (and creates) a database there
	if backups.IsRestore(os.Args[1:]) {
		os.Exit(backups.RunRestore(os.Args[1:], defaultDir))
	}
	config := pocketbase.Config{
		DefaultDev:     false,
		DefaultDataDir: defaultDir,
	}
	// each connection keeps its repeated statements prepared (internal/stmtcache): the write
	// path and the seed run the same few dozen statements over and over
	config.DBConnect = stmtcache.Connect
	// Go's default GOGC=100 spends about a sixth of a validated create in the collector: the
	// write path allocates briefly (request, decode, validation) and keeps little, so a doubled
	// heap target halves collections for a few dozen MiB more. GOGC set by the operator wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	app := pocketbase.NewWithConfig(config)
	// CPU and heap profiles on demand, for performance work; off unless the variable is set
	if a := os.Getenv("AZX_PPROF"); a != "" {
		go http.ListenAndServe(a, nil)
	}

	// Go migrations are compiled in and applied on start; no JS migrations.
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Automigrate: false})

	definitions.Register(app)
	reference.Register(app)
	records.Register(app)
	packs.Register(app)
	audit.Register(app)
	bulk.Register(app)
	loader.Register(app)
	seed.Register(app)
	coverage.Register(app)
	services.Register(app)
	hazards.Register(app)
	claims.Register(app)
	numbering.Register(app)
	paging.Register(app)
	history.Register(app)
	portal.Register(app)
	backups.Register(app)
	builtin.Register(app)

	// PocketBase's own commands, added here rather than by app.Start so every command is watched
	app.RootCmd.AddCommand(pbcmd.NewSuperuserCommand(app))
	serve := pbcmd.NewServeCommand(app, true)
	app.RootCmd.AddCommand(serve)
	security.Register(app, serve)
	cli.RefuseUnknown(app.RootCmd)
	var failures cli.Failures
	failures.Watch(app.RootCmd)
	if err := app.Execute(); err != nil {
		log.Fatal(err)
	}
	if failures.Failed() {
		os.Exit(1)
	}
}
