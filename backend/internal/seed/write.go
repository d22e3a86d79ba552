package seed

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// ErrAlreadySeeded is returned when the data folder already holds the demo data.
var ErrAlreadySeeded = errors.New("the data folder is already seeded (admin@azx.demo exists); nothing was written")

// Seeded reports whether the demo data is present.
func Seeded(app core.App) bool {
	_, err := app.FindAuthRecordByEmail("users", "admin@azx.demo")
	return err == nil
}

// LatestVersions returns the latest published version of each built-in definition key.
func LatestVersions(app core.App) (map[string]int, error) {
	out := map[string]int{}
	for _, key := range []string{"enterprise", "policy", "service-report", "hazard"} {
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
	app      core.App
	versions map[string]int
	cols     map[string]*core.Collection
	users    map[string]string // email → id
}

func newWriter(app core.App, versions map[string]int) (*writer, error) {
	w := &writer{app: app, versions: versions, cols: map[string]*core.Collection{}, users: map[string]string{}}
	for _, name := range []string{"organizations", "users", "enterprises", "policies", "service_reports", "hazards", "hazard_events"} {
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

// Write stores the plan in one transaction: all of it or nothing.
func Write(app core.App, p *Plan, log io.Writer) error {
	if Seeded(app) {
		return ErrAlreadySeeded
	}
	versions, err := LatestVersions(app)
	if err != nil {
		return err
	}
	return app.RunInTransaction(func(tx core.App) error {
		w, err := newWriter(tx, versions)
		if err != nil {
			return err
		}
		steps := []struct {
			name string
			fn   func(*Plan) (int, error)
		}{
			{"organizations", w.orgs}, {"users", w.logins}, {"enterprises", w.enterprises}, {"policies", w.policies},
			{"service reports", w.reports}, {"hazards and events", w.hazards},
		}
		for _, s := range steps {
			start := time.Now()
			n, err := s.fn(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(log, "  %-20s %6d  (%s)\n", s.name, n, time.Since(start).Round(time.Millisecond))
		}
		return nil
	})
}

func (w *writer) orgs(p *Plan) (int, error) {
	for _, o := range p.Orgs {
		r := w.record("organizations", o.ID)
		r.Set("name", o.Name)
		r.Set("kind", o.Kind)
		r.Set("uscc", o.USCC)
		r.Set("region_code", o.Region)
		if err := save(w.app, r, o.Key); err != nil {
			return 0, err
		}
	}
	return len(p.Orgs), nil
}

func (w *writer) logins(p *Plan) (int, error) {
	var hash string // bcrypt once: every demo login has the same password
	for _, u := range p.Users {
		r := w.record("users", u.ID)
		r.SetEmail(u.Email)
		if hash == "" {
			r.SetPassword(Password)
			if v, ok := r.GetRaw("password").(*core.PasswordFieldValue); ok {
				hash = v.Hash
			}
		} else {
			r.SetRaw("password", &core.PasswordFieldValue{Plain: Password, Hash: hash})
		}
		r.SetVerified(true)
		r.Set("name", u.Name)
		r.Set("role", u.Role)
		r.Set("organization", p.Org(u.OrgKey).ID)
		r.Set("scope_level", u.ScopeLevel)
		r.Set("region_scope", u.RegionScope)
		if err := save(w.app, r, u.Email); err != nil {
			return 0, err
		}
		w.users[u.Email] = u.ID
	}
	return len(p.Users), nil
}

func (w *writer) enterprises(p *Plan) (int, error) {
	for _, e := range p.Enterprises {
		r := w.business("enterprises", e.ID, "enterprise", EnterpriseData(e))
		if e.OrgKey != "" {
			r.Set("organization", p.Org(e.OrgKey).ID)
		}
		if err := save(w.app, r, e.USCC); err != nil {
			return 0, err
		}
	}
	return len(p.Enterprises), nil
}

func (w *writer) policies(p *Plan) (int, error) {
	for _, pol := range p.Policies {
		r := w.business("policies", pol.ID, "policy", p.PolicyData(pol))
		r.Set("enterprise", p.Enterprises[pol.Ent].ID)
		r.Set("insurer", p.Orgs[pol.Insurer].ID)
		if pol.Provider >= 0 {
			r.Set("provider", p.Orgs[pol.Provider].ID)
		}
		if pol.RenewalOf >= 0 {
			r.Set("renewal_of", p.Policies[pol.RenewalOf].ID)
		}
		r.Set("uploaded_at", at(pol.UploadedAt))
		r.SetRaw("created", at(pol.UploadedAt))
		if err := save(w.app, r, pol.No); err != nil {
			return 0, err
		}
	}
	return len(p.Policies), nil
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

func (w *writer) reports(p *Plan) (int, error) {
	for _, rep := range p.Reports {
		pol := p.Policies[rep.Policy]
		r := w.business("service_reports", rep.ID, "service-report", p.ReportData(rep))
		r.Set("policy", pol.ID)
		w.parties(r, p, pol)
		r.SetRaw("created", at(rep.Date.Add(18*time.Hour)))
		if err := save(w.app, r, rep.No); err != nil {
			return 0, err
		}
	}
	return len(p.Reports), nil
}

func (w *writer) hazards(p *Plan) (int, error) {
	n := 0
	for _, h := range p.Hazards {
		pol := p.Policies[h.Policy]
		r := w.business("hazards", h.ID, "hazard", HazardData(h))
		r.Set("service_report", p.Reports[h.Report].ID)
		r.Set("policy", pol.ID)
		w.parties(r, p, pol)
		r.SetRaw("created", at(h.FoundAt))
		if err := save(w.app, r, h.No); err != nil {
			return 0, err
		}
		n++
		for i, ev := range h.Events {
			e := w.record("hazard_events", fmt.Sprintf("ev%s%d", h.ID[3:], i))
			e.Set("hazard", h.ID)
			e.Set("action", ev.Action)
			e.Set("from_status", ev.From)
			e.Set("to_status", ev.To)
			actor := ev.Actor
			if ent := p.Enterprises[h.Ent]; actor == "" && ent.OrgKey != "" {
				actor = ent.OrgKey + "@azx.demo" // an enterprise with a login reports its own rectification
			}
			if actor != "" {
				e.Set("actor", w.users[actor])
			}
			e.Set("note", ev.Note)
			e.SetRaw("created", at(ev.At))
			if err := save(w.app, e, fmt.Sprintf("%s %s", h.No, ev.Action)); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}
