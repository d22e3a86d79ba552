package seed

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/loader"
)

// ErrAlreadySeeded is returned when the data folder already holds the demo data.
var ErrAlreadySeeded = errors.New("the data folder is already seeded (admin@azx.demo exists); nothing was written")

// ErrIncomplete is returned when a seed stops part way (now or in an earlier run): its chunks
// are committed but admin@azx.demo, written last, is missing.
var ErrIncomplete = errors.New("the data folder holds an incomplete seed: remove the folder and seed again")

// Seeded reports whether the demo data is present; admin@azx.demo is written last, so it is
// there only when every row is.
func Seeded(app core.App) bool {
	_, err := app.FindAuthRecordByEmail("users", "admin@azx.demo")
	return err == nil
}

// started reports whether the plan's first organization is stored (an earlier run began).
func started(app core.App, p *Plan) bool {
	if len(p.Orgs) == 0 {
		return false
	}
	var n int
	_ = app.DB().Select("COUNT(*)").From("organizations").Where(dbx.HashExp{"id": p.Orgs[0].ID}).Row(&n)
	return n > 0
}

// LatestVersions returns the latest published version of each built-in definition key.
func LatestVersions(app core.App) (map[string]int, error) {
	out := map[string]int{}
	for _, key := range []string{"enterprise", "policy", "service-report", "hazard", "claim"} {
		var v int
		err := app.DB().Select("COALESCE(MAX([[version]]), 0)").From("form_definitions").
			Where(dbx.HashExp{"key": key, "status": "published"}).Row(&v)
		if err != nil {
			return nil, err
		}
		if v == 0 {
			return nil, fmt.Errorf("form definition %q is not published: run `definitions load` first", key)
		}
		out[key] = v
	}
	return out, nil
}

// writer saves plan rows through app.Save, so every record passes the same validation,
// column derivation and audit hooks as an API write.
type writer struct {
	app      core.App // the transaction of the chunk being written
	versions map[string]int
	cols     map[string]*core.Collection
	users    map[string]string // email → id
	// bcrypt once: every demo login has the same password
	passwordHash string
	// progress, if set, is told after each committed chunk: plan rows done of n
	progress func(done, n int)
}

func newWriter(app core.App, versions map[string]int) (*writer, error) {
	w := &writer{app: app, versions: versions, cols: map[string]*core.Collection{}, users: map[string]string{}}
	for _, name := range []string{"organizations", "users", "enterprises", "policies", "service_reports", "hazards", "hazard_events", "claims", "claim_events"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return nil, fmt.Errorf("collection %s: %w (run `migrate up` first)", name, err)
		}
		w.cols[name] = c
	}
	return w, nil
}

func (w *writer) record(collection, id string) *core.Record {
	r := core.NewRecord(w.cols[collection])
	r.Id = id
	return r
}

func (w *writer) business(collection, id, definition string, data map[string]any) *core.Record {
	r := w.record(collection, id)
	r.Set("definition", definition)
	r.Set("version", w.versions[definition])
	r.Set("data", data)
	return r
}

func at(t time.Time) types.DateTime {
	d, _ := types.ParseDateTime(t.UTC())
	return d
}

// save wraps a refusal with what was being written, so a failing seed says which row.
func save(app core.App, r *core.Record, what string) error {
	if err := app.Save(r); err != nil {
		return fmt.Errorf("%s %s: %w", r.Collection().Name, what, err)
	}
	return nil
}

// chunk is the number of plan rows (a hazard counts with its events) written per transaction.
// One transaction for everything kept every saved record in memory until the commit (PocketBase
// queues each save's after-commit hooks, with the record, on the transaction): about 10 GB and
// hours for 100,000 enterprises. Chunks keep memory flat; a few thousand rows amortize commits.
const chunk = 2000

// Write stores the plan in transactions of a few thousand rows. It is all or nothing in effect:
// admin@azx.demo is written in the last one, so a folder counts as seeded only when every row is
// there; a run that fails part way says so (ErrIncomplete) and the folder must be remade.
func Write(app core.App, p *Plan, log io.Writer) error {
	if Seeded(app) {
		return ErrAlreadySeeded
	}
	if started(app, p) {
		return ErrIncomplete
	}
	versions, err := LatestVersions(app)
	if err != nil {
		return err
	}
	w, err := newWriter(app, versions)
	if err != nil {
		return err
	}
	restore, err := loader.TuneWriter(app, loader.SeedPragmas)
	if err != nil {
		return err
	}
	defer restore()
	for _, u := range p.Users {
		w.users[u.Email] = u.ID
	}
	hashed := w.record("users", "")
	hashed.SetPassword(Password)
	if v, ok := hashed.GetRaw("password").(*core.PasswordFieldValue); ok {
		w.passwordHash = v.Hash
	}
	others := p.Users[1:] // p.Users[0] is admin@azx.demo, the completion mark
	byEnterprise := func(i int) int { return i }
	steps := []struct {
		name string
		n    int
		part func(i int) int // rows of one part are written in order by one worker; nil: one worker
		row  func(w *writer, p *Plan, i int) (int, error)
		// load, if set, writes a chunk's rows in its transaction through the batch loader instead
		load func(w *writer, tx core.App, p *Plan, from, to int) (int, error)
	}{
		{"organizations", len(p.Orgs), nil, (*writer).org, nil},
		{"users", len(others), nil, func(w *writer, p *Plan, i int) (int, error) { return w.login(p, others[i]) }, nil},
		{"enterprises", len(p.Enterprises), byEnterprise, nil, (*writer).enterprises},
		{"policies", len(p.Policies), nil, nil, (*writer).policies},
		{"service reports", len(p.Reports), nil, nil, (*writer).reports},
		{"hazards and events", len(p.Hazards), nil, nil, (*writer).hazards},
		{"claims and events", len(p.Claims), func(i int) int { return p.Policies[p.Claims[i].Policy].Ent }, (*writer).claim, nil},
		{"admin login", 1, nil, func(w *writer, p *Plan, _ int) (int, error) { return w.login(p, p.Users[0]) }, nil},
	}
	for _, s := range steps {
		start, cpu0 := time.Now(), cpuTime()
		row := s.row
		name := s.name
		w.progress = func(done, n int) {
			// a line per committed chunk of a long step, so a long seed is never silent
			if n > chunk {
				fmt.Fprintf(log, "  %-20s %6d of %d plan rows (%s)\n", name, done, n, time.Since(start).Round(time.Millisecond))
			}
		}
		var n int
		if s.load != nil {
			load := s.load
			n, err = w.loadChunks(s.n, chunk, func(tx core.App, from, to int) (int, error) { return load(w, tx, p, from, to) })
		} else {
			n, err = w.chunks(s.n, chunk, s.part, func(w *writer, i int) (int, error) { return row(w, p, i) })
		}
		if err != nil {
			return errors.Join(err, ErrIncomplete)
		}
		fmt.Fprintf(log, "  %-20s %6d  (%s, %.1f CPU s)\n", s.name, n, time.Since(start).Round(time.Millisecond), (cpuTime() - cpu0).Seconds())
	}
	return nil
}

// workers share each chunk's transaction. SQLite runs one statement at a time on it, but about
// two thirds of a save is Go (hooks, schema validation, JSON, hashing): the workers keep both
// cores busy, one more than the cores so that one waiting for the connection leaves no core idle
// (3 on 2 cores: 5,000 enterprises in about 28 s against 30-40 s with 2). Rows are split by
// enterprise, so all rows of one enterprise (a renewal chain, a hazard and its events, the
// enterprise's providers) are written by one worker, in plan order, and every row's parents are
// in an earlier step or earlier in the same worker.
var workers = min(runtime.GOMAXPROCS(0)+1, 4)

// chunks writes rows 0..n-1 with row, a transaction per size rows, rows of the same part (the
// enterprise index) in order by one worker; it returns the records saved.
func (w *writer) chunks(n, size int, part func(i int) int, row func(w *writer, i int) (int, error)) (int, error) {
	return w.loadChunks(n, size, func(tx core.App, from, to int) (int, error) {
		return w.inWorkers(tx, from, to, part, row)
	})
}

// loadChunks runs write on rows 0..n-1, a transaction per size rows; it returns the records saved.
func (w *writer) loadChunks(n, size int, write func(tx core.App, from, to int) (int, error)) (int, error) {
	saved := 0
	for from := 0; from < n; from += size {
		to := min(from+size, n)
		err := w.app.RunInTransaction(func(tx core.App) error {
			m, err := write(tx, from, to)
			saved += m
			return err
		})
		if err != nil {
			return saved, err
		}
		if w.progress != nil && to < n {
			w.progress(to, n)
		}
	}
	return saved, nil
}

// inWorkers writes rows from..to-1 with row in the transaction tx, rows of the same part in
// order by one worker (nil part: one worker); it returns the records saved.
func (w *writer) inWorkers(tx core.App, from, to int, part func(i int) int, row func(w *writer, i int) (int, error)) (int, error) {
	var saved atomic.Int64
	ws := workers
	if part == nil || to-from < 2 {
		ws = 1
	}
	var failed atomic.Bool
	errs := make(chan error, ws)
	for k := 0; k < ws; k++ {
		tw := *w
		tw.app = tx
		go func() {
			for i := from; i < to && !failed.Load(); i++ {
				if ws > 1 && part(i)%ws != k {
					continue
				}
				m, err := row(&tw, i)
				if err != nil {
					failed.Store(true)
					errs <- err
					return
				}
				saved.Add(int64(m))
			}
			errs <- nil
		}()
	}
	var first error
	for k := 0; k < ws; k++ { // every worker has stopped before the transaction ends
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return int(saved.Load()), first
}

func (w *writer) org(p *Plan, i int) (int, error) {
	o := p.Orgs[i]
	r := w.record("organizations", o.ID)
	r.Set("name", o.Name)
	r.Set("kind", o.Kind)
	r.Set("uscc", o.USCC)
	r.Set("region_code", o.Region)
	return 1, save(w.app, r, o.Key)
}

func (w *writer) login(p *Plan, u User) (int, error) {
	r := w.record("users", u.ID)
	r.SetEmail(u.Email)
	r.SetRaw("password", &core.PasswordFieldValue{Plain: Password, Hash: w.passwordHash})
	r.SetVerified(true)
	r.Set("name", u.Name)
	r.Set("role", u.Role)
	r.Set("organization", p.Org(u.OrgKey).ID)
	r.Set("scope_level", u.ScopeLevel)
	r.Set("region_scope", u.RegionScope)
	r.Set("industry_scope", u.IndustryScope)
	return 1, save(w.app, r, u.Email)
}

func (w *writer) enterprise(p *Plan, i int) *core.Record {
	e := p.Enterprises[i]
	r := w.business("enterprises", e.ID, "enterprise", EnterpriseData(e))
	if e.OrgKey != "" {
		r.Set("organization", p.Org(e.OrgKey).ID)
	}
	return r
}

func (w *writer) policy(p *Plan, i int) *core.Record {
	pol := p.Policies[i]
	r := w.business("policies", pol.ID, "policy", p.PolicyData(pol))
	r.Set("enterprise", p.Enterprises[pol.Ent].ID)
	r.Set("insurer", p.Orgs[pol.Insurer].ID)
	if pol.Provider >= 0 {
		r.Set("provider", p.Orgs[pol.Provider].ID)
	}
	// the server derives renewal_of (the enterprise's latest earlier policy: the plan's chain,
	// written in order by one worker) and stamps uploaded_at with the time the row arrived,
	// which the system's history dates by created
	r.SetRaw("created", at(pol.UploadedAt))
	return r
}

// parties sets the relations a service report or hazard shares with its policy; the server
// re-derives them from the policy, these only name the same values.
func (w *writer) parties(r *core.Record, p *Plan, pol Policy) {
	r.Set("enterprise", p.Enterprises[pol.Ent].ID)
	r.Set("insurer", p.Orgs[pol.Insurer].ID)
	if pol.Provider >= 0 {
		r.Set("provider", p.Orgs[pol.Provider].ID)
	}
}

func (w *writer) report(p *Plan, i int) *core.Record {
	rep := p.Reports[i]
	pol := p.Policies[rep.Policy]
	r := w.business("service_reports", rep.ID, "service-report", p.ReportData(rep))
	r.Set("policy", pol.ID)
	w.parties(r, p, pol)
	r.SetRaw("created", at(rep.Date.Add(18*time.Hour)))
	return r
}

// hazard is a hazard as found, before its events move it.
func (w *writer) hazard(p *Plan, i int) *core.Record {
	h := p.Hazards[i]
	pol := p.Policies[h.Policy]
	r := w.business("hazards", h.ID, "hazard", HazardData(h))
	r.Set("service_report", p.Reports[h.Report].ID)
	r.Set("policy", pol.ID)
	w.parties(r, p, pol)
	r.SetRaw("created", at(h.FoundAt))
	return r
}

// events are a hazard's history: the steps that move it through its closed loop.
func (w *writer) events(p *Plan, i int) []*core.Record {
	h := p.Hazards[i]
	events := make([]*core.Record, len(h.Events))
	for k, ev := range h.Events {
		e := w.record("hazard_events", fmt.Sprintf("ev%s%d", h.ID[3:], k))
		e.Set("hazard", h.ID)
		e.Set("action", ev.Action)
		e.Set("from_status", ev.From)
		e.Set("to_status", ev.To)
		actor := ev.Actor
		if ent := p.Enterprises[h.Ent]; actor == "" && ent.OrgKey != "" {
			actor = ent.OrgKey + "@azx.demo" // an enterprise with a login reports its own rectification
		}
		if actor != "" && !ev.System {
			e.Set("actor", w.users[actor])
		}
		e.Set("note", ev.Note)
		e.SetRaw("created", at(ev.At))
		events[k] = e
	}
	return events
}
