package numbering_test

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/hazards"
	"azx/backend/internal/numbering"
	"azx/backend/internal/seed"
	"azx/backend/internal/testapp"
)

func TestFormatParseAndYear(t *testing.T) {
	no := numbering.Format("YH", "330602", 2026, 17)
	if no != "YH-330602-2026-000017" {
		t.Fatalf("format: %s", no)
	}
	prefix, region, year, seq, ok := numbering.Parse(no)
	if !ok || prefix != "YH" || region != "330602" || year != 2026 || seq != 17 {
		t.Fatalf("parse: %v %v %v %v %v", prefix, region, year, seq, ok)
	}
	for _, bad := range []string{"YH-001", "yh-330602-2026-000017", "YH-33060-2026-000017", "YH-330602-2026-17"} {
		if _, _, _, _, ok := numbering.Parse(bad); ok {
			t.Fatalf("%s parsed", bad)
		}
	}
	// the year is China's: 31 December 20:00 UTC is already 1 January in Beijing
	if y, ok := numbering.YearOf("2025-12-31T20:00:00Z"); !ok || y != 2026 {
		t.Fatalf("year of a late-December instant in UTC: %d %v", y, ok)
	}
	if y, ok := numbering.YearOf("2025-12-31"); !ok || y != 2025 {
		t.Fatalf("year of a date: %d %v", y, ok)
	}
}

type world struct {
	app    core.App
	plan   *seed.Plan
	user   string // id of the provider or insurer login that serves the policy
	policy *core.Record
}

func newWorld(t *testing.T) world {
	t.Helper()
	app := testapp.New(t, func(app *pocketbase.PocketBase) { hazards.Register(app) })
	p := seed.Generate(seed.Config{Seed: 42, Enterprises: 40, Years: 1, EnterpriseLogins: 1, Packs: testapp.Packs(t)})
	if err := seed.Write(app, p, io.Discard); err != nil {
		t.Fatal(err)
	}
	pols, err := app.FindRecordsByFilter("policies", "status = 'active'", "id", 1, 0)
	if err != nil || len(pols) == 0 {
		t.Fatalf("no active policy: %v", err)
	}
	users, err := app.FindRecordsByFilter("users", "organization = {:org}", "", 1, 0, dbx.Params{"org": pols[0].GetString("insurer")})
	if err != nil || len(users) == 0 {
		t.Fatalf("no login of the insurer: %v", err)
	}
	return world{app: app, plan: p, user: users[0].Id, policy: pols[0]}
}

// hazard is a valid new hazard on the world's policy, saved as actor (a user id or audit.System).
func (w world) hazard(t *testing.T, actor string, data map[string]any) (*core.Record, error) {
	t.Helper()
	col, err := w.app.FindCachedCollectionByNameOrId("hazards")
	if err != nil {
		t.Fatal(err)
	}
	d := map[string]any{
		"found_at": "2026-03-02T10:00:00+08:00", "location": "二号仓库", "description": "消防通道被占用",
		"category": "unsafe_condition", "is_major": false, "recommendation": "立即清理通道",
		"rectifier": map[string]any{"name": "李安全"}, "deadline": "2026-03-20",
	}
	for k, v := range data {
		d[k] = v
	}
	raw, _ := json.Marshal(d)
	var version int
	_ = w.app.DB().Select("max(version)").From("form_definitions").Where(dbx.HashExp{"key": "hazard", "status": "published"}).Row(&version)
	r := core.NewRecord(col)
	r.Set("definition", "hazard")
	r.Set("version", version)
	r.Set("data", json.RawMessage(raw))
	r.Set("policy", w.policy.Id)
	audit.SetActor(r, actor)
	defer audit.ClearActor(r)
	return r, w.app.Save(r)
}

func numberOf(r *core.Record) string {
	var d map[string]any
	_ = r.UnmarshalJSONField("data", &d)
	s, _ := d["hazard_no"].(string)
	return s
}

func TestHazardNumbersAreTheServers(t *testing.T) {
	w := newWorld(t)
	region := w.policy.GetString("region_code")
	scope := numbering.Scope("YH", region, 2026)

	// the seed numbered its own hazards in the same format; the sequence continues after them
	seeded := 0
	for _, h := range w.plan.Hazards {
		if _, reg, year, seq, ok := numbering.Parse(h.No); ok && reg == region && year == 2026 && seq > seeded {
			seeded = seq
		}
	}
	var last int
	_ = w.app.DB().Select("last").From(numbering.Table).Where(dbx.HashExp{"scope": scope}).Row(&last)
	if last != seeded {
		t.Fatalf("after the seed the sequence of %s is at %d, the seed's highest number is %d", scope, last, seeded)
	}

	t.Run("a user's typed number is replaced", func(t *testing.T) {
		r, err := w.hazard(t, w.user, map[string]any{"hazard_no": "YH-001"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := numberOf(r), numbering.Format("YH", region, 2026, seeded+1); got != want {
			t.Fatalf("number %s, want %s", got, want)
		}
		var search string
		_ = w.app.DB().Select("search_text").From("hazards").Where(dbx.HashExp{"id": r.Id}).Row(&search)
		if !contains(search, numberOf(r)) {
			t.Fatalf("the ledger's search text lacks the number: %q", search)
		}
	})

	t.Run("concurrent writes never share a number", func(t *testing.T) {
		const n = 24
		var mu sync.Mutex
		var got []int
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := w.hazard(t, w.user, nil)
				if err != nil {
					errs <- err
					return
				}
				_, _, _, seq, ok := numbering.Parse(numberOf(r))
				if !ok {
					errs <- fmt.Errorf("unreadable number %q", numberOf(r))
					return
				}
				mu.Lock()
				got = append(got, seq)
				mu.Unlock()
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		sort.Ints(got)
		for i, seq := range got {
			if seq != seeded+2+i {
				t.Fatalf("numbers %v: not one each from %d", got, seeded+2)
			}
		}
	})

	t.Run("the year is the year found, in China", func(t *testing.T) {
		r, err := w.hazard(t, w.user, map[string]any{"found_at": "2026-12-31T17:00:00Z", "deadline": "2027-01-20"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := numberOf(r), numbering.Format("YH", region, 2027, 1); got != want {
			t.Fatalf("number %s, want %s", got, want)
		}
	})

	t.Run("server code may bring a number, which the sequence then skips", func(t *testing.T) {
		mine := numbering.Format("YH", region, 2026, 500)
		r, err := w.hazard(t, audit.System, map[string]any{"hazard_no": mine})
		if err != nil {
			t.Fatal(err)
		}
		if numberOf(r) != mine {
			t.Fatalf("kept %s, got %s", mine, numberOf(r))
		}
		next, err := w.hazard(t, w.user, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := numberOf(next), numbering.Format("YH", region, 2026, 501); got != want {
			t.Fatalf("after an imported number: %s, want %s", got, want)
		}
	})

	t.Run("a correction cannot change the number", func(t *testing.T) {
		r, err := w.hazard(t, w.user, nil)
		if err != nil {
			t.Fatal(err)
		}
		was := numberOf(r)
		var d map[string]any
		_ = r.UnmarshalJSONField("data", &d)
		d["hazard_no"] = "YH-999999-2026-000001"
		d["location"] = "三号仓库"
		raw, _ := json.Marshal(d)
		r.Set("data", json.RawMessage(raw))
		r.Set("correction_reason", "部位写错")
		audit.SetActor(r, w.user)
		err = w.app.Save(r)
		audit.ClearActor(r)
		if err != nil {
			t.Fatal(err)
		}
		stored, _ := w.app.FindRecordById("hazards", r.Id)
		if numberOf(stored) != was {
			t.Fatalf("the number moved from %s to %s", was, numberOf(stored))
		}
	})
}

func contains(s, sub string) bool {
	return len(sub) > 0 && strings.Contains(s, sub)
}
