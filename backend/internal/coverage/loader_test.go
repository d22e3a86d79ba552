package coverage

import (
	"fmt"
	"io"
	"maps"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/hazards"
	"azx/backend/internal/loader"
	"azx/backend/internal/numbering"
	"azx/backend/internal/packs"
	"azx/backend/internal/seed"
	"azx/backend/internal/testapp"
)

// TestLoaderStoresWhatASaveStores: a policy (in import mode, breaking a pack's rule) and a
// hazard (numbered by the server) loaded in batch by ../loader (Prepare and Write, and Load,
// which validates while it writes), and the same records saved
// through app.Save, store the same columns, one audit entry each hashing the stored row (the
// chain verifies), the same fact index rows (as a load from the tables finds them), numbers
// from the same sequence and the same import flags. It lives here because the fact index is
// this package's.
func TestLoaderStoresWhatASaveStores(t *testing.T) {
	app := testapp.New(t, func(a *pocketbase.PocketBase) { packs.BindPolicies(a); hazards.Register(a) })
	p := seed.Generate(seed.Config{Seed: 11, Enterprises: 60, Years: 1, EnterpriseLogins: 1, Packs: testapp.Packs(t)})
	if err := seed.Write(app, p, io.Discard); err != nil {
		t.Fatal(err)
	}
	x := factsOf(app)
	if _, err := x.Stats(app); err != nil { // loaded: the after-create hooks install new rows
		t.Fatal(err)
	}
	pol := p.Policies[len(p.Policies)-1]
	var haz seed.Hazard
	for _, h := range p.Hazards {
		haz = h
	}
	if haz.ID == "" {
		t.Fatal("the plan has no hazard")
	}
	insurerUser := ""
	for _, u := range p.Users {
		if u.Role == "insurer" && u.OrgKey == p.Orgs[pol.Insurer].Key {
			insurerUser = u.ID
		}
	}
	if insurerUser == "" {
		t.Fatal("no login of the policy's insurer")
	}

	policy := func(no string) *core.Record {
		col, _ := app.FindCollectionByNameOrId("policies")
		r := core.NewRecord(col)
		d := p.PolicyData(pol)
		d["policy_no"] = no
		d["cover_per_person"] = 300000 // under the 2025 minimum: flagged in import mode
		delete(d, "renewal_of")
		r.Set("definition", "policy")
		r.Set("version", 1)
		r.Set("data", d)
		r.Set("enterprise", p.Enterprises[pol.Ent].ID)
		r.Set("insurer", p.Orgs[pol.Insurer].ID)
		if pol.Provider >= 0 {
			r.Set("provider", p.Orgs[pol.Provider].ID)
		}
		audit.SetActor(r, insurerUser)
		packs.StartImport(r)
		return r
	}
	hazard := func() *core.Record {
		col, _ := app.FindCollectionByNameOrId("hazards")
		r := core.NewRecord(col)
		d := seed.HazardData(haz)
		delete(d, "hazard_no") // the server numbers a user's hazard
		r.Set("definition", "hazard")
		r.Set("version", 1)
		r.Set("data", d)
		r.Set("service_report", p.Reports[haz.Report].ID)
		r.Set("policy", p.Policies[haz.Policy].ID)
		audit.SetActor(r, insurerUser)
		return r
	}

	savedPol, savedHaz := policy("LOAD-SAVE-0001"), hazard()
	if err := app.RunInTransaction(func(tx core.App) error {
		if err := tx.Save(savedPol); err != nil {
			return err
		}
		return tx.Save(savedHaz)
	}); err != nil {
		t.Fatal(err)
	}
	savedFlags := packs.ImportFlags(savedPol)

	loadedPol, loadedHaz := policy("LOAD-BATCH-0001"), hazard()
	known := loader.NewKnown()
	known.Add("enterprises", p.Enterprises[pol.Ent].ID)
	known.Add("organizations", loadedPol.GetString("insurer"), loadedPol.GetString("provider"))
	if err := app.RunInTransaction(func(tx core.App) error {
		for _, r := range []*core.Record{loadedPol, loadedHaz} {
			if errs := loader.Prepare(tx, nil, []*core.Record{r}, known, nil); errs[0] != nil {
				return fmt.Errorf("prepare %s: %w", r.Collection().Name, errs[0])
			}
			if err := loader.Write(app, tx, nil, []*core.Record{r}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	loadedFlags := packs.ImportFlags(loadedPol)

	// and through Load, validating while it writes (a bulk import's way)
	streamedPol, streamedHaz := policy("LOAD-STREAM-0001"), hazard()
	if err := app.RunInTransaction(func(tx core.App) error {
		for _, r := range []*core.Record{streamedPol, streamedHaz} {
			refusals, err := loader.Load(app, tx, nil, []*core.Record{r}, known, nil, nil)
			if err != nil {
				return err
			}
			if refusals[0] != nil {
				return fmt.Errorf("load %s: %w", r.Collection().Name, refusals[0])
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	streamedFlags := packs.ImportFlags(streamedPol)

	// the same columns (but the row's own id, times and policy number)
	for _, pair := range [][2]*core.Record{{savedPol, loadedPol}, {savedHaz, loadedHaz}, {savedPol, streamedPol}, {savedHaz, streamedHaz}} {
		table := pair[0].Collection().Name
		a, b := storedRow(t, app, table, pair[0].Id), storedRow(t, app, table, pair[1].Id)
		for _, c := range []string{"id", "created", "updated", "uploaded_at", "policy_no", "hazard_no", "search_text"} {
			delete(a, c)
			delete(b, c)
		}
		if table == "policies" {
			a["data"] = strings.ReplaceAll(a["data"], "LOAD-SAVE-0001", pair[1].GetString("policy_no"))
		}
		for _, row := range []map[string]string{a, b} {
			row["data"] = numberless(row["data"])
		}
		if !maps.Equal(a, b) {
			for c := range a {
				if a[c] != b[c] {
					t.Errorf("%s.%s: saved %q, loaded %q", table, c, a[c], b[c])
				}
			}
		}
		// one create entry each, by the writer, hashing the stored row
		for _, r := range pair {
			var entries []struct {
				Actor      string `db:"actor"`
				Action     string `db:"action"`
				RecordHash string `db:"record_hash"`
			}
			if err := app.DB().NewQuery("SELECT actor, action, record_hash FROM audit_log WHERE record_id = {:id}").
				Bind(map[string]any{"id": r.Id}).All(&entries); err != nil {
				t.Fatal(err)
			}
			row, err := audit.ReadRow(app, table, r.Id)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 || entries[0].Actor != insurerUser || entries[0].Action != "create" || entries[0].RecordHash != audit.RowHash(row) {
				t.Errorf("%s %s: audit entries %+v", table, r.Id, entries)
			}
		}
	}
	report, err := audit.Verify(app)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("audit verify: %v %v", err, report)
	}

	// the server's numbers: the same prefix, region and year, the next of the sequence
	savedNo := hazardNo(t, app, savedHaz.Id)
	sp, sr, sy, sseq, ok1 := numbering.Parse(savedNo)
	for n, h := range []*core.Record{loadedHaz, streamedHaz} {
		loadedNo := hazardNo(t, app, h.Id)
		lp, lr, ly, lseq, ok2 := numbering.Parse(loadedNo)
		if !ok1 || !ok2 || sp != lp || sr != lr || sy != ly || lseq != sseq+1+n {
			t.Errorf("hazard numbers: saved %q, loaded %q", savedNo, loadedNo)
		}
	}

	// the same flags
	codes := func(ps []packs.Problem) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Code+"@"+p.Path)
		}
		return strings.Join(out, " ")
	}
	if len(savedFlags) == 0 || codes(savedFlags) != codes(loadedFlags) || codes(savedFlags) != codes(streamedFlags) {
		t.Errorf("import flags: saved %q, loaded %q, streamed %q", codes(savedFlags), codes(loadedFlags), codes(streamedFlags))
	}

	// the same facts, installed by the after-create hooks as a load from the tables finds them
	fresh := newFactIndex()
	if err := fresh.load(app); err != nil {
		t.Fatal(err)
	}
	x.mu.RLock()
	live := canonical(x)
	x.mu.RUnlock()
	reloaded := canonical(fresh)
	for _, id := range []string{"p:" + savedPol.Id, "p:" + loadedPol.Id, "h:" + savedHaz.Id, "h:" + loadedHaz.Id, "p:" + streamedPol.Id, "h:" + streamedHaz.Id} {
		if live[id] == "" || live[id] != reloaded[id] {
			t.Errorf("%s: installed %q, a load finds %q", id, live[id], reloaded[id])
		}
	}
	// the policy number and the upload time are the row's own
	fact := func(id string) string {
		x.mu.RLock()
		defer x.mu.RUnlock()
		f := x.pols[x.polIDs.ids[id]]
		f.slot, f.no, f.uploaded = 0, "", 0
		return fmt.Sprintf("%+v", f)
	}
	for _, pair := range [][2]*core.Record{{loadedPol, loadedHaz}, {streamedPol, streamedHaz}} {
		if a, b := fact(savedPol.Id), fact(pair[0].Id); a != b {
			t.Errorf("policy facts: saved %s, loaded %s", a, b)
		}
		if live["h:"+savedHaz.Id] != live["h:"+pair[1].Id] {
			t.Errorf("hazard facts: saved %q, loaded %q", live["h:"+savedHaz.Id], live["h:"+pair[1].Id])
		}
	}

	// a relation the caller did not read is looked up as in a save: a missing one is refused
	bad := policy("LOAD-BATCH-0002")
	bad.Set("enterprise", "nosuchenterpr01")
	var refusal error
	_ = app.RunInTransaction(func(tx core.App) error {
		refusal = loader.Prepare(tx, nil, []*core.Record{bad}, known, nil)[0]
		return nil
	})
	if refusal == nil || !strings.Contains(refusal.Error(), "enterprise") {
		t.Errorf("a policy of a missing enterprise: %v", refusal)
	}
}

func storedRow(t *testing.T, app core.App, table, id string) map[string]string {
	t.Helper()
	row, err := audit.ReadRow(app, table, id)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(row))
	for k, v := range row {
		if v != nil {
			out[k] = *v
		}
	}
	return out
}

func hazardNo(t *testing.T, app core.App, id string) string {
	t.Helper()
	r, err := app.FindRecordById("hazards", id)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := r.Get("data").(map[string]any)
	if d == nil {
		s := r.GetString("data")
		i := strings.Index(s, `"hazard_no":"`)
		if i < 0 {
			return ""
		}
		s = s[i+len(`"hazard_no":"`):]
		return s[:strings.IndexByte(s, '"')]
	}
	no, _ := d["hazard_no"].(string)
	return no
}

// numberless drops the hazard number from a record's JSON (each record has its own).
func numberless(data string) string {
	i := strings.Index(data, `"hazard_no":"`)
	if i < 0 {
		return data
	}
	j := strings.IndexByte(data[i+len(`"hazard_no":"`):], '"')
	return data[:i] + data[i+len(`"hazard_no":"`)+j+1:]
}
