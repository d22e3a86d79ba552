package migrations_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"azx/backend/internal/hazards"
)

// The collections whose every index must name the query it serves: those that grow with the
// policies. (claims, claim_events, system_findings, findings and inspection_rounds hold a few
// hundred rows at 100,000 policies and are not yet measured here.)
var measuredTables = []string{"policies", "enterprises", "service_reports", "hazards", "hazard_events", "audit_log", "record_versions"}

// indexQuery is one index and the query of the server it serves: run sends the request (nil:
// any statement since the world started, such as the coverage fact index's load on serve), and
// among the statements it ran, one matching match (backticks removed) must be planned with the
// index at 100,000 policies' statistics. A unique index names the rule it enforces.
type indexQuery struct {
	index string
	query string
	rule  string
	run   func(t *testing.T, w *world)
	match string
}

// list is GET /api/collections/{collection}/records as the seeded user of that role.
func list(role, level, collection string, query func(w *world) url.Values) func(t *testing.T, w *world) {
	return func(t *testing.T, w *world) {
		if code := w.get(t, w.user(t, role, level), "/api/collections/"+collection+"/records", query(w)); code != 200 {
			t.Errorf("%s %s list of %s: status %d", level, role, collection, code)
		}
	}
}

func sorted(sort string) func(*world) url.Values {
	return func(*world) url.Values { return url.Values{"sort": {sort}} }
}

func filtered(sort string, filter func(w *world) string) func(*world) url.Values {
	return func(w *world) url.Values { return url.Values{"sort": {sort}, "filter": {filter(w)}} }
}

// the elements' filters: <azx-record-list> by industry and period, <azx-hazard-ledger> by
// status, industry or enterprise, newest found first
func industryAndPeriod(w *world) string {
	return `industry = "` + w.plan.Enterprises[0].Industry + `" && period_start >= "2025-01-01 00:00:00" && period_start <= "2025-12-31 23:59:59"`
}
func industry(w *world) string   { return `industry = "` + w.plan.Enterprises[0].Industry + `"` }
func foundStatus(*world) string  { return `status = "found"` }
func activeStatus(*world) string { return `status = "active"` }
func hazardEnterprise(w *world) string {
	return `enterprise = "` + w.plan.Enterprises[w.plan.Hazards[0].Ent].ID + `"`
}

const ledgerSort = "-found_at,-id"

// insurerOf is the email of a user of the policy's insurer.
func insurerOf(t *testing.T, w *world, policy string) string {
	t.Helper()
	var email string
	err := w.app.DB().NewQuery("SELECT u.email FROM users u JOIN policies p ON p.insurer = u.organization WHERE p.id = {:p} AND u.role = 'insurer' LIMIT 1").
		Bind(map[string]any{"p": policy}).Row(&email)
	if err != nil {
		t.Fatal(err)
	}
	return email
}

// a policy's prevention ledger (GET /api/azx/services/ledger) as its insurer
func ledger(t *testing.T, w *world) {
	pol := w.plan.Policies[w.plan.Reports[0].Policy].ID
	if code := w.get(t, insurerOf(t, w, pol), "/api/azx/services/ledger", url.Values{"policy": {pol}}); code != 200 {
		t.Errorf("ledger: status %d", code)
	}
}

// a policy's history (GET /api/azx/records/policies/{id}/history) as its insurer
func recordHistory(t *testing.T, w *world) {
	pol := w.plan.Policies[0].ID
	if code := w.get(t, insurerOf(t, w, pol), "/api/azx/records/policies/"+pol+"/history", nil); code != 200 {
		t.Errorf("history: status %d", code)
	}
}

// a correction of a policy that renews none: its renewal look-up runs
func correction(t *testing.T, w *world) {
	for _, p := range w.plan.Policies {
		if p.RenewalOf >= 0 {
			continue
		}
		rec, err := w.app.FindRecordById("policies", p.ID)
		if err != nil {
			t.Fatal(err)
		}
		rec.Set("correction_reason", "index test")
		if err := w.app.Save(rec); err != nil {
			t.Fatal(err)
		}
		return
	}
}

func sweep(t *testing.T, w *world) {
	if _, err := hazards.Sweep(w.app, time.Now()); err != nil {
		t.Fatal(err)
	}
}

const (
	reg      = "regulator"
	factLoad = "the coverage fact index's load on start (figures, compliance)"
)

var indexQueries = []indexQuery{
	// policies
	{index: "idx_policies_policy_no", query: "a policy by its number (an insurer's number filter; the fact index's numbers)",
		rule: "one policy per policy_no (validation_not_unique)",
		run: list("insurer", "", "policies", func(w *world) url.Values {
			return url.Values{"filter": {`policy_no = "` + w.plan.Policies[0].No + `"`}}
		}), match: `policies\.policy_no = '`},
	{index: "idx_policies_city_industry", query: "a city regulator's policies by industry and period, newest first",
		run: list(reg, "city", "policies", filtered("-period_start", industryAndPeriod)), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_insurer_industry", query: "an insurer's policies by industry and period, newest first",
		run: list("insurer", "", "policies", filtered("-period_start", industryAndPeriod)), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_insurer_period", query: "an insurer's policies, newest period first",
		run: list("insurer", "", "policies", sorted("-period_start")), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_provider", query: "a provider's policies, newest first",
		run: list("provider", "", "policies", sorted("-created")), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_enterprise_org", query: "an enterprise's own policies, newest first",
		run: list("enterprise", "", "policies", sorted("-created")), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_region", query: "a county regulator's policies, newest first",
		run: list(reg, "county", "policies", sorted("-created")), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_status_enterprise", query: "a province regulator's active policies (a province's list is not scoped: it is the whole store)",
		run: list(reg, "province", "policies", filtered("-period_start", activeStatus)), match: `^SELECT DISTINCT policies\.`},
	{index: "idx_policies_enterprise", query: "the renewal look-up of every policy write (the enterprise's latest earlier policy)",
		run: correction, match: `^SELECT id FROM policies WHERE enterprise = '`},
	{index: "idx_policies_renewal_of", query: factLoad + ": renewals", match: `FROM policies INDEXED BY idx_policies_renewal_of`},

	// enterprises
	{index: "idx_enterprises_uscc", query: factLoad + ": USCCs", rule: "one registry row per USCC (validation_not_unique)",
		match: `FROM enterprises INDEXED BY idx_enterprises_uscc`},
	{index: "idx_enterprises_city_industry", query: "a city regulator's registry by industry",
		run: list(reg, "city", "enterprises", filtered("-created", industry)), match: `^SELECT DISTINCT enterprises\.`},
	{index: "idx_enterprises_region", query: "a county regulator's registry, newest first",
		run: list(reg, "county", "enterprises", sorted("-created")), match: `^SELECT DISTINCT enterprises\.`},
	{index: "idx_enterprises_organization", query: "an enterprise's own registry row",
		run: list("enterprise", "", "enterprises", sorted("-created")), match: `^SELECT DISTINCT enterprises\.`},
	{index: "idx_enterprises_coverage", query: factLoad, match: `FROM enterprises INDEXED BY idx_enterprises_coverage`},
	{index: "idx_enterprises_risk_grade", query: factLoad + ": risk grades", match: `FROM enterprises INDEXED BY idx_enterprises_risk_grade`},

	// service reports
	// (also the index led by city_code that records/plans_test.go wants without statistics)
	{index: "idx_service_reports_city_industry", query: "a city regulator's service reports by industry",
		run: list(reg, "city", "service_reports", filtered("-created", industry)), match: `^SELECT DISTINCT service_reports\.`},
	{index: "idx_service_reports_insurer_date", query: "an insurer's service reports, newest first",
		run: list("insurer", "", "service_reports", sorted("-created")), match: `^SELECT DISTINCT service_reports\.`},
	{index: "idx_service_reports_provider", query: "a provider's service reports, newest first",
		run: list("provider", "", "service_reports", sorted("-created")), match: `^SELECT DISTINCT service_reports\.`},
	{index: "idx_service_reports_enterprise_org", query: "an enterprise's service reports, newest first",
		run: list("enterprise", "", "service_reports", sorted("-created")), match: `^SELECT DISTINCT service_reports\.`},
	{index: "idx_service_reports_region", query: "a county regulator's service reports, newest first",
		run: list(reg, "county", "service_reports", sorted("-created")), match: `^SELECT DISTINCT service_reports\.`},
	{index: "idx_service_reports_delivery", query: "a policy's prevention ledger: its delivered visits (and the fact index's delivery)",
		run: ledger, match: `FROM service_reports WHERE \(policy='`},
	{index: "idx_service_reports_coverage", query: factLoad, match: `FROM service_reports INDEXED BY idx_service_reports_coverage`},

	// hazards (<azx-hazard-ledger>)
	{index: "idx_hazards_insurer_found", query: "an insurer's hazard ledger, newest found first",
		run: list("insurer", "", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_provider_found", query: "a provider's hazard ledger, newest found first",
		run: list("provider", "", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_enterprise_org_found", query: "an enterprise's hazard ledger, newest found first",
		run: list("enterprise", "", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_city_code_found", query: "a city regulator's hazard ledger, newest found first",
		run: list(reg, "city", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_city_industry", query: "a city regulator's hazard ledger by industry",
		run: list(reg, "city", "hazards", filtered(ledgerSort, industry)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_region_code_found", query: "a county regulator's hazard ledger, newest found first",
		run: list(reg, "county", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_found", query: "a province regulator's hazard ledger, newest found first",
		run: list(reg, "province", "hazards", sorted(ledgerSort)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_status_found", query: "a province regulator's hazard ledger by status",
		run: list(reg, "province", "hazards", filtered(ledgerSort, foundStatus)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_industry_found", query: "a province regulator's hazard ledger by industry",
		run: list(reg, "province", "hazards", filtered(ledgerSort, industry)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_enterprise_found", query: "a province regulator's hazard ledger of one enterprise",
		run: list(reg, "province", "hazards", filtered(ledgerSort, hazardEnterprise)), match: `^SELECT DISTINCT hazards\.`},
	{index: "idx_hazards_deadline", query: "the overdue sweep (cron azx_hazard_overdue)",
		run: sweep, match: `^SELECT h\.id FROM hazards h`},
	{index: "idx_hazards_policy", query: "a policy's prevention ledger: its hazards",
		run: ledger, match: `FROM hazards WHERE policy='`},
	{index: "idx_hazards_coverage", query: factLoad, match: `FROM hazards INDEXED BY idx_hazards_coverage`},

	// hazard events
	{index: "idx_hazard_events_hazard", query: "a hazard's events (the ledger's detail)",
		run: list("insurer", "", "hazard_events", func(w *world) url.Values {
			return url.Values{"sort": {"created,id"}, "filter": {`hazard = "` + w.plan.Hazards[0].ID + `"`}}
		}), match: `^SELECT DISTINCT hazard_events\.`},
	{index: "idx_hazard_events_insurer", query: "an insurer's hazard events, newest first",
		run: list("insurer", "", "hazard_events", sorted("-created")), match: `^SELECT DISTINCT hazard_events\.`},
	{index: "idx_hazard_events_provider", query: "a provider's hazard events, newest first",
		run: list("provider", "", "hazard_events", sorted("-created")), match: `^SELECT DISTINCT hazard_events\.`},
	{index: "idx_hazard_events_enterprise_org", query: "an enterprise's hazard events, newest first",
		run: list("enterprise", "", "hazard_events", sorted("-created")), match: `^SELECT DISTINCT hazard_events\.`},
	{index: "idx_hazard_events_city", query: "a city regulator's hazard events, newest first",
		run: list(reg, "city", "hazard_events", sorted("-created")), match: `^SELECT DISTINCT hazard_events\.`},
	{index: "idx_hazard_events_region", query: "a county regulator's hazard events, newest first",
		run: list(reg, "county", "hazard_events", sorted("-created")), match: `^SELECT DISTINCT hazard_events\.`},

	// the audit chain and stored versions
	{index: "idx_audit_log_record", query: "a record's history: its audit entries", run: recordHistory, match: `FROM audit_log WHERE`},
	{index: "idx_audit_log_seq", rule: "one entry per position of the hash chain (audit verify reports gaps and duplicates)",
		query: "the chain's head, read once when the first write of a process appends"},
	{index: "idx_record_versions_record", query: "a record's history: its stored versions", run: recordHistory, match: `FROM record_versions WHERE`,
		rule: "one stored version per record and revision"},
}

var usesIndex = regexp.MustCompile(`USING (?:COVERING )?INDEX (\S+)`)

// TestEveryIndexServesANamedQuery: each index of the measured collections is in indexQueries,
// and SQLite plans the query named there with it; an index no query uses fails (drop it in a
// migration, or name its query). Every insert pays for every index.
func TestEveryIndexServesANamedQuery(t *testing.T) {
	w := newWorld(t, 200)
	var indexes []struct {
		Table string `db:"tbl_name"`
		Name  string `db:"name"`
		SQL   string `db:"sql"`
	}
	if err := w.app.DB().NewQuery("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name").All(&indexes); err != nil {
		t.Fatal(err)
	}
	measured := map[string]bool{}
	for _, m := range measuredTables {
		measured[m] = true
	}
	named := map[string]indexQuery{}
	for _, q := range indexQueries {
		named[q.index] = q
	}
	exists := map[string]bool{}
	for _, idx := range indexes {
		exists[idx.Name] = true
		if !measured[idx.Table] {
			continue
		}
		q, ok := named[idx.Name]
		if !ok {
			t.Errorf("%s (%s) names no query it serves: drop it in a migration, or add the query to indexQueries", idx.Name, idx.Table)
			continue
		}
		if unique := strings.HasPrefix(idx.SQL, "CREATE UNIQUE"); unique != (q.rule != "") {
			t.Errorf("%s: unique %v, but its entry names rule %q", idx.Name, unique, q.rule)
		}
	}
	for _, q := range indexQueries {
		if !exists[q.index] {
			t.Errorf("indexQueries names %s, which no migration creates", q.index)
			continue
		}
		if q.match == "" {
			continue // a rule's index, read by no measured query (its rule is TestUniqueIndexesHoldTheirRules's)
		}
		ran := w.statements()
		if q.run != nil {
			ran = w.capture(func() { q.run(t, w) })
		}
		match := regexp.MustCompile(q.match)
		var plans []string
		used := false
		for _, s := range ran {
			if !match.MatchString(strings.ReplaceAll(s, "`", "")) {
				continue
			}
			plan, err := w.queryPlan(s)
			if err != nil {
				t.Errorf("%s: %v", q.index, err)
				continue
			}
			plans = append(plans, plan)
			for _, m := range usesIndex.FindAllStringSubmatch(plan, -1) {
				used = used || m[1] == q.index
			}
		}
		if len(plans) == 0 {
			t.Errorf("%s: %s ran no statement matching %s", q.index, q.query, q.match)
		} else if !used {
			t.Errorf("%s: %s is not planned with it: %s", q.index, q.query, strings.Join(plans, " || "))
		}
	}
}

// TestUniqueIndexesHoldTheirRules: a second row with the key of a stored one is refused by the
// database itself, whatever path writes it.
func TestUniqueIndexesHoldTheirRules(t *testing.T) {
	w := newWorld(t, 20)
	copies := map[string]string{
		"idx_policies_policy_no":     "INSERT INTO policies (id, policy_no) SELECT 'dup_policy_no', policy_no FROM policies LIMIT 1",
		"idx_enterprises_uscc":       "INSERT INTO enterprises (id, uscc) SELECT 'dup_uscc', uscc FROM enterprises LIMIT 1",
		"idx_audit_log_seq":          "INSERT INTO audit_log (id, seq) SELECT 'dup_seq', seq FROM audit_log LIMIT 1",
		"idx_record_versions_record": "INSERT INTO record_versions (id, collection_name, record_id, revision) SELECT 'dup_version', collection_name, record_id, revision FROM record_versions LIMIT 1",
	}
	// a stored version to copy: a correction
	correction(t, w)
	for _, q := range indexQueries {
		if q.rule == "" {
			continue
		}
		sql, ok := copies[q.index]
		if !ok {
			t.Errorf("%s enforces %q: add a duplicate of it here", q.index, q.rule)
			continue
		}
		res, err := w.app.NonconcurrentDB().NewQuery(sql).Execute()
		if err == nil {
			n, _ := res.RowsAffected()
			t.Errorf("%s: a duplicate was stored (%d rows): %q does not hold", q.index, n, q.rule)
			continue
		}
		if !strings.Contains(err.Error(), "UNIQUE constraint failed") {
			t.Errorf("%s: %v", q.index, err)
		}
	}
}
