package migrations_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"

	"azx/backend/internal/bulk"
	"azx/backend/internal/claims"
	"azx/backend/internal/coverage"
	"azx/backend/internal/hazards"
	"azx/backend/internal/history"
	"azx/backend/internal/packs"
	"azx/backend/internal/paging"
	"azx/backend/internal/seed"
	"azx/backend/internal/services"
	"azx/backend/internal/stmtcache"
	"azx/backend/internal/testapp"
)

// world is a seeded server whose every SQL statement is recorded as it ran (values inlined, as
// dbx logs it), so a test can ask SQLite how it planned the statements the server really sends.
type world struct {
	app  *pocketbase.PocketBase
	mux  http.Handler
	plan *seed.Plan

	// planner is a connection of its own to the world's database whose statistics are those of
	// the benchmark's data folder at 100,000 policies (planAtScale)
	planner *dbx.DB

	mu      sync.Mutex
	shape   map[string]bool // statements with their literals blanked: one example of each is kept
	ran     []string
	current *[]string // every statement while capture runs
}

// capture runs do and returns every statement the server ran meanwhile.
func (w *world) capture(do func()) []string {
	var got []string
	w.mu.Lock()
	w.current = &got
	w.mu.Unlock()
	do()
	w.mu.Lock()
	w.current = nil
	w.mu.Unlock()
	return got
}

var (
	quotedColumn = regexp.MustCompile(`\[\[([^\]]+)\]\]`)
	quotedTable  = regexp.MustCompile(`\{\{([^}]+)\}\}`)
)

// sqlite quotes dbx's [[table.column]] and {{table}} as the driver receives them
func unquoted(s string) string {
	s = quotedColumn.ReplaceAllStringFunc(s, func(m string) string {
		parts := strings.Split(m[2:len(m)-2], ".")
		for i, p := range parts {
			parts[i] = "`" + p + "`"
		}
		return strings.Join(parts, ".")
	})
	return quotedTable.ReplaceAllString(s, "`$1`")
}

var literal = regexp.MustCompile(`'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b`)

func (w *world) record(_ context.Context, _ time.Duration, statement string) {
	s := unquoted(strings.TrimSpace(statement))
	head := strings.ToUpper(s[:min(len(s), 6)])
	if head != "SELECT" && head != "UPDATE" && head != "DELETE" && !strings.HasPrefix(head, "WITH") {
		return
	}
	key := literal.ReplaceAllString(s, "?")
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.current != nil {
		*w.current = append(*w.current, s)
	}
	if !w.shape[key] {
		w.shape[key] = true
		w.ran = append(w.ran, s)
	}
}

// newWorld seeds a data set (the demo seed's distribution, every collection), binds every
// package the binary binds, serves (which runs the server's ANALYZE) and records statements
// from then on and during the seed.
func newWorld(t *testing.T, enterprises int) *world {
	t.Helper()
	regs := []func(*pocketbase.PocketBase){
		packs.Register, bulk.Register, coverage.Register, services.Register, claims.Register,
		func(app *pocketbase.PocketBase) { hazards.Register(app); paging.Register(app); history.Register(app) },
	}
	app := testapp.New(t, regs...)
	w := &world{app: app, shape: map[string]bool{}}
	for _, b := range []dbx.Builder{app.ConcurrentDB(), app.NonconcurrentDB()} {
		db := b.(*dbx.DB)
		db.QueryLogFunc = func(ctx context.Context, d time.Duration, s string, _ *sql.Rows, _ error) { w.record(ctx, d, s) }
		db.ExecLogFunc = func(ctx context.Context, d time.Duration, s string, _ sql.Result, _ error) { w.record(ctx, d, s) }
	}
	w.plan = seed.Generate(seed.Config{Seed: 20, Enterprises: enterprises, Years: 2, EnterpriseLogins: 3, Packs: testapp.Packs(t)})
	if err := seed.Write(app, w.plan, io.Discard); err != nil {
		t.Fatal(err)
	}
	w.mux = testapp.Serve(t, app)
	w.planAtScale(t)
	return w
}

// planAtScale gives the planner connection the statistics the server's ANALYZE keeps for the
// benchmark's data folder (5,000 enterprises, about 100,000 policies): testdata/stat1-100k.tsv,
// its sqlite_stat1 (records.analyze keeps no sqlite_stat4 samples). A world small enough to seed in a test plans otherwise: on a few
// hundred rows SQLite prefers a skip-scan of a covering index to the index a city regulator's
// list uses at 100,000. Tables the files have no rows for keep the world's own ANALYZE (the
// serve event runs it, as the server does on start).
func (w *world) planAtScale(t *testing.T) {
	t.Helper()
	db, err := stmtcache.Connect(filepath.Join(w.app.DataDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.DB().SetMaxOpenConns(1)
	t.Cleanup(func() { _ = db.Close() })
	load := func(file, table string, columns int, insert func(f []string) (string, dbx.Params, error)) {
		raw, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		cleared := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != columns {
				t.Fatalf("%s: %q", file, line)
			}
			if !cleared[f[0]] {
				cleared[f[0]] = true
				if _, err := db.NewQuery("DELETE FROM " + table + " WHERE tbl = {:t}").Bind(dbx.Params{"t": f[0]}).Execute(); err != nil {
					t.Fatal(err)
				}
			}
			sql, params, err := insert(f)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			// an index this branch no longer has is left out
			if _, err := db.NewQuery(sql + " WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = {:i})").Bind(params).Execute(); err != nil {
				t.Fatal(err)
			}
		}
	}
	load("stat1-100k.tsv", "sqlite_stat1", 3, func(f []string) (string, dbx.Params, error) {
		return "INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT {:t}, {:i}, {:s}", dbx.Params{"t": f[0], "i": f[1], "s": f[2]}, nil
	})
	// reloads the statistics into this connection's planner
	if _, err := db.NewQuery("ANALYZE sqlite_schema").Execute(); err != nil {
		t.Fatal(err)
	}
	w.planner = db
}

// user is the email of the seeded user with that role (and scope level for a regulator).
func (w *world) user(t *testing.T, role, level string) string {
	t.Helper()
	for _, u := range w.plan.Users {
		if u.Role == role && (level == "" || u.ScopeLevel == level) {
			return u.Email
		}
	}
	t.Fatalf("the seed has no %s %s", level, role)
	return ""
}

// get asks the API as the user with that email and returns the status.
func (w *world) get(t *testing.T, email, path string, query url.Values) int {
	t.Helper()
	if query != nil {
		path += "?" + query.Encode()
	}
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if email != "" {
		req.Header.Set("Authorization", testapp.Token(t, w.app, email))
	}
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	return rec.Code
}

// plan is SQLite's plan of a statement, its steps joined by " | ".
func (w *world) queryPlan(statement string) (string, error) {
	var steps []struct {
		Detail string `db:"detail"`
	}
	if err := w.planner.NewQuery("EXPLAIN QUERY PLAN " + statement).All(&steps); err != nil {
		return "", err
	}
	var out []string
	for _, s := range steps {
		out = append(out, s.Detail)
	}
	return strings.Join(out, " | "), nil
}

func (w *world) statements() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.ran...)
}
