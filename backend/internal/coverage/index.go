package coverage

import (
	"database/sql"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
	"azx/backend/internal/vocab"
)

// factIndex holds the facts of one data folder. Requests read under the read lock while model
// hooks write under the write lock; an update's hook re-reads its row from SQLite inside the
// write lock, so whichever hook runs last installs the row as last committed (never an older
// state); a create's hook installs the saved record unless a newer state is in already.
type factIndex struct {
	mu     sync.RWMutex
	loaded bool

	codes                                    *interner
	entIDs, polIDs, repIDs, hazIDs, claimIDs slots
	ents                                     []entFact
	pols                                     []polFact
	reps                                     []repFact
	hazs                                     []hazFact
	claims                                   []claimFact
	terms                                    *termsCache // the packs the policies' terms come from

	stats IndexStats
}

// IndexStats says what the index holds and what loading it cost (GET /api/azx/coverage/index).
type IndexStats struct {
	Loaded      bool    `json:"loaded"`
	LoadMs      float64 `json:"loadMs"`
	From        string  `json:"from"`      // "covering indexes", or "tables" when one is missing
	HeapBytes   int64   `json:"heapBytes"` // live heap the load added (after a GC)
	Enterprises int     `json:"enterprises"`
	Policies    int     `json:"policies"`
	Reports     int     `json:"serviceReports"`
	Hazards     int     `json:"hazards"`
	Claims      int     `json:"claims"`
	Codes       int     `json:"codes"`
}

func newFactIndex() *factIndex {
	x := &factIndex{}
	x.reset()
	return x
}

func (x *factIndex) reset() {
	x.codes = newInterner()
	x.entIDs, x.polIDs, x.repIDs, x.hazIDs, x.claimIDs = newSlots(), newSlots(), newSlots(), newSlots(), newSlots()
	x.ents, x.pols, x.reps, x.hazs, x.claims = nil, nil, nil, nil, nil
	x.terms = nil
}

// indexes: one per data folder (tests run several apps in one process).
var indexes sync.Map

// factsOf returns the data folder's index, binding its hooks the first time (before any load,
// so no write committed after the load began can be missed).
func factsOf(app core.App) *factIndex {
	if v, ok := indexes.Load(app.DataDir()); ok {
		return v.(*factIndex)
	}
	x := newFactIndex()
	v, found := indexes.LoadOrStore(app.DataDir(), x)
	if !found {
		x.bind(app)
	}
	return v.(*factIndex)
}

// factTables are the collections the index mirrors.
var factTables = []string{"enterprises", "policies", "service_reports", "hazards", "claims"}

// bind keeps the index current. Each hook also drops the cached answers once its row is in:
// an answer computed between the cache's own bump and this hook would otherwise be kept
// with the old row until the next write.
func (x *factIndex) bind(app core.App) {
	refresh := func(e *core.ModelEvent) error {
		x.refresh(e.App, e.Model.TableName(), pkOf(e.Model))
		dataVersion.Add(1)
		return e.Next()
	}
	// a new row is installed from the record just saved, without reading it back
	created := func(e *core.ModelEvent) error {
		if r, ok := e.Model.(*core.Record); ok {
			x.installCreated(r)
		} else {
			x.refresh(e.App, e.Model.TableName(), pkOf(e.Model))
		}
		dataVersion.Add(1)
		return e.Next()
	}
	app.OnModelAfterCreateSuccess(factTables...).BindFunc(created)
	app.OnModelAfterUpdateSuccess(factTables...).BindFunc(refresh)
	app.OnModelAfterDeleteSuccess(factTables...).BindFunc(func(e *core.ModelEvent) error {
		x.mu.Lock()
		if x.loaded {
			x.remove(e.Model.TableName(), pkOf(e.Model))
		}
		x.mu.Unlock()
		dataVersion.Add(1)
		return e.Next()
	})
}

func pkOf(m core.Model) string {
	id, _ := m.PK().(string)
	return id
}

// read runs f under the read lock once the index is loaded (and its policies' terms follow the
// packs in force).
func (x *factIndex) read(app core.App, f func() error) error {
	if err := x.packsChanged(app); err != nil {
		return err
	}
	for {
		x.mu.RLock()
		if x.loaded {
			defer x.mu.RUnlock()
			return f()
		}
		x.mu.RUnlock()
		if err := x.load(app); err != nil {
			return err
		}
	}
}

// Stats reports the index (loading it first if needed).
func (x *factIndex) Stats(app core.App) (IndexStats, error) {
	var s IndexStats
	err := x.read(app, func() error {
		s = x.stats
		s.Enterprises, s.Policies, s.Reports, s.Hazards, s.Claims, s.Codes = len(x.ents), len(x.pols), len(x.reps), len(x.hazs), len(x.claims), len(x.codes.strs)
		return nil
	})
	return s, err
}

// load reads every fact from SQLite (once; again only after a hook failed).
func (x *factIndex) load(app core.App) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loaded {
		return nil
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	t0 := time.Now()
	x.reset()
	// sized once: growing slices of 200,000 facts and their maps was a third of the load
	var n [5]int
	for i, table := range factTables {
		if err := app.DB().NewQuery("SELECT COUNT(*) FROM " + table).Row(&n[i]); err != nil {
			return err
		}
	}
	x.ents, x.entIDs.ids, x.entIDs.names = make([]entFact, 0, n[0]), make(map[string]int32, n[0]), make([]string, 0, n[0])
	x.pols, x.polIDs.ids, x.polIDs.names = make([]polFact, 0, n[1]), make(map[string]int32, n[1]), make([]string, 0, n[1])
	x.reps, x.repIDs.ids, x.repIDs.names = make([]repFact, 0, n[2]), make(map[string]int32, n[2]), make([]string, 0, n[2])
	x.hazs, x.hazIDs.ids, x.hazIDs.names = make([]hazFact, 0, n[3]), make(map[string]int32, n[3]), make([]string, 0, n[3])
	x.claims = make([]claimFact, 0, n[4])
	x.stats.From = "covering indexes"
	if err := x.loadSnapshot(app); err != nil {
		x.stats.From = "tables"
		app.Logger().Warn("coverage fact index: the covering indexes could not be read; scanning the tables", "error", err)
		x.reset()
		for _, table := range factTables {
			if err := x.readRows(app.DB(), table, ""); err != nil {
				x.reset()
				return err
			}
		}
	}
	snap, err := packs.Current(app)
	if err != nil {
		x.reset()
		return err
	}
	x.reterm(snap)
	x.stats.LoadMs = float64(time.Since(t0).Microseconds()) / 1000
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	x.stats.HeapBytes = int64(after.HeapAlloc) - int64(before.HeapAlloc)
	x.stats.Loaded, x.loaded = true, true
	app.Logger().Info("coverage fact index loaded", "ms", x.stats.LoadMs, "heapBytes", x.stats.HeapBytes,
		"enterprises", len(x.ents), "policies", len(x.pols), "serviceReports", len(x.reps), "hazards", len(x.hazs), "claims", len(x.claims))
	return nil
}

// loadSnapshot reads the covering indexes in one read transaction (one consistent snapshot).
func (x *factIndex) loadSnapshot(app core.App) error {
	db, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok {
		return x.loadFromIndexes(app.ConcurrentDB())
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return x.loadFromIndexes(tx)
}

// refresh installs one row as SQLite now holds it (absent: removed). A failure unloads the
// index, so the next request reloads it rather than answering from a stale copy.
func (x *factIndex) refresh(app core.App, table, id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded {
		return // the coming load reads the committed row
	}
	x.remove(table, id)
	if err := x.readRows(app.DB(), table, id); err != nil {
		app.Logger().Error("coverage fact index: re-reading a row failed; reloading on next use", "table", table, "id", id, "error", err)
		x.loaded, x.stats.Loaded = false, false
	}
}

// The columns each fact is made of, in scan order.
var factColumns = map[string]string{
	"enterprises": "id, province_code, city_code, region_code, industry, must_insure, headcount, uscc, risk_grade",
	"policies": "id, province_code, city_code, region_code, industry, enterprise, insurer, status, period_start, period_end, uploaded_at, " +
		"insured_persons, headcount, premium, prevention_budget, prevention_clause, legal_basis, cover_per_person, renewal_of, policy_no",
	"service_reports": "id, province_code, city_code, region_code, industry, insurer, status, service_date, cost, policy, service_types",
	"hazards":         "id, province_code, city_code, region_code, industry, insurer, is_major, status, deadline",
	"claims":          "id, province_code, city_code, region_code, industry, insurer, accident_date, paid",
}

// factRow is one row's fact columns (factColumns, in order) as SQL scans them: codes, statuses
// and dates in place (sql.RawBytes), only ids and numbers a fact keeps are copied.
type factRow struct {
	rid, no, uscc                                          string
	prov, city, reg, ind, ent, ins, status, d1, d2, d3, lb sql.RawBytes
	renewal, grade, pol, types                             sql.RawBytes
	b1                                                     bool
	n1, n2, n3, n4, n5                                     float64
}

// targets are the fields of f a table's factColumns fill, in their order.
func (f *factRow) targets(table string) []any {
	switch table {
	case "enterprises":
		return []any{&f.rid, &f.prov, &f.city, &f.reg, &f.ind, &f.b1, &f.n1, &f.uscc, &f.grade}
	case "policies":
		return []any{&f.rid, &f.prov, &f.city, &f.reg, &f.ind, &f.ent, &f.ins, &f.status, &f.d1, &f.d2, &f.d3, &f.n1, &f.n2, &f.n3, &f.n4, &f.b1, &f.lb, &f.n5, &f.renewal, &f.no}
	case "service_reports":
		return []any{&f.rid, &f.prov, &f.city, &f.reg, &f.ind, &f.ins, &f.status, &f.d1, &f.n1, &f.pol, &f.types}
	case "hazards":
		return []any{&f.rid, &f.prov, &f.city, &f.reg, &f.ind, &f.ins, &f.b1, &f.status, &f.d1}
	case "claims":
		return []any{&f.rid, &f.prov, &f.city, &f.reg, &f.ind, &f.ins, &f.d1, &f.n1}
	}
	return nil
}

// install puts the fact of one row of table into the index.
func (x *factIndex) install(table string, f *factRow) {
	switch table {
	case "enterprises":
		x.putEnterprise(f.rid, x.place(f.prov, f.city, f.reg, f.ind), f.b1, f.n1, f.uscc, f.grade)
	case "policies":
		p := polFact{
			place: x.place(f.prov, f.city, f.reg, f.ind), insurer: x.codes.ofBytes(f.ins), status: policyStatus(f.status),
			no: f.no, start: dateMs(f.d1), end: dateMs(f.d2), uploaded: dateMs(f.d3),
			persons: f.n1, headcount: f.n2, premium: f.n3, budget: f.n4, clause: f.b1, cover: f.n5,
			ent: x.entIDs.ofBytes(f.ent, x.growEnts), renews: -1,
		}
		if len(f.renewal) > 0 {
			p.renews = x.polIDs.ofBytes(f.renewal, x.growPols)
		}
		x.putPolicy(f.rid, p)
	case "service_reports":
		n := x.repIDs.of(f.rid, func() { x.reps = append(x.reps, repFact{}) })
		x.reps[n] = repFact{live: true, booked: reportBooked[string(f.status)], place: x.place(f.prov, f.city, f.reg, f.ind),
			insurer: x.codes.ofBytes(f.ins), date: dateMs(f.d1), cost: f.n1, pol: x.reportPolicy(f.pol), assist: assistance(f.types)}
	case "hazards":
		n := x.hazIDs.of(f.rid, func() { x.hazs = append(x.hazs, hazFact{}) })
		x.hazs[n] = hazardFact(x.place(f.prov, f.city, f.reg, f.ind), x.codes.ofBytes(f.ins), f.b1, string(f.status), dateMs(f.d1))
	case "claims":
		x.putClaim(f.rid, claimFact{paid: f.n1, place: x.place(f.prov, f.city, f.reg, f.ind), insurer: x.codes.ofBytes(f.ins), accident: accidentMs(f.d1)})
	}
}

// readRows scans a table (or the one row id) into the index.
func (x *factIndex) readRows(db dbx.Builder, table, id string) error {
	q := "SELECT " + factColumns[table] + " FROM " + table
	if id != "" {
		q += " WHERE id = {:id}"
	}
	rows, err := db.NewQuery(q).Bind(dbx.Params{"id": id}).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	var f factRow
	targets := f.targets(table)
	for rows.Next() {
		if err := rows.Scan(targets...); err != nil {
			return err
		}
		x.install(table, &f)
	}
	return rows.Err()
}

// installCreated installs a row just created from its record's own values, as readRows would
// read them back (the same columns, in the form SQLite stores them). A row the index holds
// already was installed by a later hook (an update's, which re-reads the row, or the load, which
// read it committed): it is newer than the record and stays.
func (x *factIndex) installCreated(r *core.Record) {
	table := r.Collection().Name
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.loaded || x.live(table, r.Id) {
		return // the coming load reads the committed row, or a newer state is in
	}
	var f factRow
	for i, target := range f.targets(table) {
		col := factColumnNames[table][i]
		switch t := target.(type) {
		case *string:
			*t = r.GetString(col)
		case *sql.RawBytes:
			*t = sql.RawBytes(r.GetString(col))
		case *bool:
			*t = r.GetBool(col)
		case *float64:
			*t = r.GetFloat(col)
		}
	}
	x.install(table, &f)
}

// live: the index holds a fact of the row.
func (x *factIndex) live(table, id string) bool {
	switch table {
	case "enterprises":
		n, ok := x.entIDs.ids[id]
		return ok && x.ents[n].live
	case "policies":
		n, ok := x.polIDs.ids[id]
		return ok && x.pols[n].live
	case "service_reports":
		n, ok := x.repIDs.ids[id]
		return ok && x.reps[n].live
	case "hazards":
		n, ok := x.hazIDs.ids[id]
		return ok && x.hazs[n].live
	case "claims":
		n, ok := x.claimIDs.ids[id]
		return ok && x.claims[n].live
	}
	return false
}

// factColumnNames are factColumns as lists.
var factColumnNames = func() map[string][]string {
	out := map[string][]string{}
	for table, cols := range factColumns {
		out[table] = strings.Split(cols, ", ")
	}
	return out
}()

func policyStatus(b []byte) uint8 {
	switch string(b) {
	case vocab.PolicyStatusActive:
		return polActive
	case vocab.PolicyStatusExpired:
		return polExpired
	}
	return polOther
}

// The statuses of the vocabularies (generated from schemas/) that the facts fold into flags.
var (
	hazardClosed  = setOf(vocab.HazardStatus.With("closed"))
	hazardOverdue = setOf(vocab.HazardStatus.With("overdue"))
	reportBooked  = setOf(vocab.ServiceReportStatus.With("booked"))
)

func setOf(codes []string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

func hazardFact(p place, insurer sym, major bool, status string, deadline int64) hazFact {
	return hazFact{live: true, major: major, open: !hazardClosed[status], pending: hazardOverdue[status],
		place: p, insurer: insurer, deadline: deadline}
}

func (x *factIndex) place(prov, city, reg, ind []byte) place {
	return place{x.codes.ofBytes(prov), x.codes.ofBytes(city), x.codes.ofBytes(reg), x.codes.ofBytes(ind)}
}

func (x *factIndex) growEnts() { x.ents = append(x.ents, entFact{}) }
func (x *factIndex) growPols() { x.pols = append(x.pols, polFact{renews: -1}) }

func (x *factIndex) entSlot(id string) int32 { return x.entIDs.of(id, x.growEnts) }
func (x *factIndex) polSlot(id string) int32 { return x.polIDs.of(id, x.growPols) }

func (x *factIndex) putEnterprise(id string, p place, mustInsure bool, headcount float64, uscc string, grade []byte) {
	e := &x.ents[x.entSlot(id)]
	e.live, e.place, e.mustInsure, e.headcount, e.uscc, e.grade = true, p, mustInsure, headcount, uscc, x.codes.ofBytes(grade)
}

// putPolicy installs a policy and its part in the lapsed sets (its enterprise's active count,
// the renewed policy's count of renewals).
func (x *factIndex) putPolicy(id string, f polFact) {
	f.live = true
	f.terms = x.termsFor(&f)
	n := x.polSlot(id) // f's slots are taken already: slots may grow the slices
	f.slot, f.renewedBy = n, x.pols[n].renewedBy
	x.pols[n] = f
	x.link(&x.pols[n], 1)
}

func (x *factIndex) link(p *polFact, d int32) {
	if p.status == polActive {
		x.ents[p.ent].active += d
	}
	if p.renews >= 0 {
		x.pols[p.renews].renewedBy += d
	}
}

// remove drops a row's fact (a slot stays, holding what other rows say of it).
func (x *factIndex) remove(table, id string) {
	switch table {
	case "enterprises":
		if n, ok := x.entIDs.ids[id]; ok {
			x.ents[n].live = false
		}
	case "policies":
		if n, ok := x.polIDs.ids[id]; ok && x.pols[n].live {
			x.link(&x.pols[n], -1)
			x.pols[n] = polFact{renews: -1, renewedBy: x.pols[n].renewedBy}
		}
	case "service_reports":
		if n, ok := x.repIDs.ids[id]; ok {
			x.reps[n].live = false
		}
	case "hazards":
		if n, ok := x.hazIDs.ids[id]; ok {
			x.hazs[n].live = false
		}
	case "claims":
		if n, ok := x.claimIDs.ids[id]; ok {
			x.claims[n].live = false
		}
	}
}
