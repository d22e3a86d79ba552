package records_test

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/loader"
)

// statements records every statement the app runs (dbx's query and exec logs, which the plain
// statements of internal/stored write to as well) until the returned stop is called.
func statements(app core.App) (got func() []string, stop func()) {
	var mu sync.Mutex
	var all []string
	note := func(s string) {
		mu.Lock()
		all = append(all, s)
		mu.Unlock()
	}
	dbs := []*dbx.DB{app.ConcurrentDB().(*dbx.DB), app.NonconcurrentDB().(*dbx.DB)}
	for _, db := range dbs {
		db.QueryLogFunc = func(_ context.Context, _ time.Duration, s string, _ *sql.Rows, _ error) { note(s) }
		db.ExecLogFunc = func(_ context.Context, _ time.Duration, s string, _ sql.Result, _ error) { note(s) }
	}
	return func() []string {
			mu.Lock()
			defer mu.Unlock()
			return append([]string(nil), all...)
		}, func() {
			for _, db := range dbs {
				db.QueryLogFunc, db.ExecLogFunc = nil, nil
			}
		}
}

func matching(all []string, parts ...string) int {
	n := 0
	for _, s := range all {
		hit := true
		for _, p := range parts {
			hit = hit && strings.Contains(s, p)
		}
		if hit {
			n++
		}
	}
	return n
}

// A write reads each related record once (issue 20): the enterprise a policy's derivation reads
// and the policy it renews are not counted again by PocketBase's relation check, in the same
// transaction; a relation nothing read (the insurer, whose kind is cached) is still counted, and
// a missing enterprise is still refused.
func TestAWriteReadsEachParentOnce(t *testing.T) {
	app, _ := newApp(t)
	loader.Register(app)
	org, ent, first := world(t, app)

	got, stop := statements(app)
	renewal := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": ent.Id, "insurer": org.Id,
		"data": map[string]any{"policy_no": "P-2", "premium": 21000, "period": map[string]any{"start": "2027-01-01"}}})
	mustSave(t, app, renewal)
	all := got()
	stop()

	if renewal.GetString("renewal_of") != first.Id {
		t.Fatalf("renewal_of = %q, want the earlier policy %q", renewal.GetString("renewal_of"), first.Id)
	}
	if n := matching(all, `FROM "enterprises"`, ent.Id); n != 1 {
		t.Errorf("the enterprise was read %d times by its derivation, want 1:\n%s", n, strings.Join(all, "\n"))
	}
	if n := matching(all, "count(*) FROM `enterprises`"); n != 0 {
		t.Errorf("the enterprise was looked up again by the relation check (%d times)", n)
	}
	if n := matching(all, "count(*) FROM `policies`", first.Id); n != 0 {
		t.Errorf("the renewed policy was looked up again by the relation check (%d times)", n)
	}
	if n := matching(all, "count(*) FROM `organizations`", org.Id); n != 1 {
		t.Errorf("the insurer, read by nobody in the write, was counted %d times, want 1", n)
	}

	missing := newRecord(t, app, "policies", map[string]any{"definition": "policy", "version": 1, "enterprise": "ent_not_stored1", "insurer": org.Id,
		"data": map[string]any{"policy_no": "P-3", "premium": 21000, "period": map[string]any{"start": "2027-01-01"}}})
	err := app.Save(missing)
	if err == nil {
		t.Fatal("a policy of an enterprise that does not exist was stored")
	}
	if code := fieldCode(err, "enterprise"); code == "" {
		t.Errorf("no field error at enterprise: %v", err)
	}
}
