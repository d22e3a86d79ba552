package coverage

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// The figures' conditions once more, in SQL over the stored columns (what the lists selected
// before the fact index): an independent oracle the index is held to.

func (q Query) insuredPolicy(p string) string {
	if q.Windowed() {
		return "(" + p + ".status IN ('active','expired') AND " + p + ".period_start <= {:to} AND " + p + ".period_end >= {:from})"
	}
	return "(" + p + ".status = 'active')"
}

func sqlInWindow(q Query, p string) string {
	if q.Windowed() {
		return "(" + p + ".period_start <= {:to} AND " + p + ".period_end >= {:from})"
	}
	return "1"
}

func sqlHasInsuredPolicy(q Query, e string) string {
	return e + ".id IN (SELECT ip.enterprise FROM policies ip WHERE " + q.scopeWhere("ip") + " AND " + q.insuredPolicy("ip") + ")"
}

// sqlPolicyMetrics are the policy conditions; pt is the alias of a policy's pack terms (a
// derived table of packTermsSQL: region, day, min_cover, floor_pct, upload_secs).
func sqlPolicyMetrics(q Query, p, pt string) map[string]string {
	floor := "(CASE WHEN {:pct} >= 0 THEN {:pct} ELSE " + pt + ".floor_pct END)"
	return map[string]string{
		"policies":     "1",
		"active":       q.insuredPolicy(p),
		"renewals_due": "(" + p + ".status = 'expired')",
		"lapsed": "(" + p + ".status = 'expired' AND NOT EXISTS (SELECT 1 FROM policies rn WHERE rn.renewal_of = " + p + ".id)" +
			" AND NOT EXISTS (SELECT 1 FROM policies ac WHERE ac.status = 'active' AND ac.enterprise = " + p + ".enterprise))",
		"uploaded_late":            "(" + p + ".uploaded_at = '' OR " + p + ".uploaded_at IS NULL OR (" + pt + ".upload_secs >= 0 AND CAST(strftime('%s', " + p + ".uploaded_at) AS INTEGER) - CAST(strftime('%s', " + p + ".period_start) AS INTEGER) > " + pt + ".upload_secs))",
		"low_prevention_budget":    "(" + p + ".prevention_clause AND " + floor + " IS NOT NULL AND ROUND(" + p + ".prevention_budget * 100) * 100 < ROUND(" + p + ".premium * 100) * " + floor + ")",
		"no_prevention_clause":     "(NOT " + p + ".prevention_clause)",
		"cover_below_minimum":      "(" + p + ".cover_per_person < " + pt + ".min_cover)",
		"cover_headcount_mismatch": "(" + p + ".insured_persons != " + p + ".headcount)",
	}
}

func sqlEnterpriseMetrics(q Query, e string) map[string]string {
	insured := sqlHasInsuredPolicy(q, e)
	return map[string]string{
		"enterprises":         "1",
		"must_insure":         "(" + e + ".must_insure)",
		"insured":             insured,
		"insured_must_insure": "(" + e + ".must_insure AND " + insured + ")",
		"uninsured":           "(" + e + ".must_insure AND NOT " + insured + ")",
		"not_fully_insured": e + ".id IN (SELECT nf.enterprise FROM policies nf JOIN enterprises ne ON ne.id = nf.enterprise WHERE " +
			q.scopeWhere("nf") + " AND " + q.insuredPolicy("nf") + " AND nf.insured_persons < ne.headcount)",
	}
}

func sqlHazardMetrics(h string) map[string]string {
	return map[string]string{
		"major_open":    "(" + h + ".is_major AND " + h + ".status != 'verified')",
		"major_overdue": "(" + h + ".is_major AND " + h + ".status IN ('found','notified','reopened','escalated') AND " + h + ".deadline != '' AND " + h + ".deadline < {:at})",
	}
}

// packTermsSQL is what the packs say for each region and start day of the stored policies, as
// a derived table to join a policy p on: the thresholds are data, the conditions SQL's.
func packTermsSQL(t *testing.T, app core.App, p string) string {
	t.Helper()
	var keys []struct {
		Region string `db:"region_code"`
		Day    string `db:"day"`
	}
	if err := app.DB().NewQuery("SELECT DISTINCT region_code, substr(period_start, 1, 10) AS day FROM policies").All(&keys); err != nil {
		t.Fatal(err)
	}
	snap, err := packs.Current(app)
	if err != nil {
		t.Fatal(err)
	}
	num := func(f float64) string {
		if math.IsNaN(f) {
			return "NULL"
		}
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	rows := []string{"('', '', NULL, NULL, -1)"}
	for _, k := range keys {
		tm := termsOf(snap.Effective(k.Region, k.Day))
		rows = append(rows, fmt.Sprintf("('%s', '%s', %s, %s, %d)", k.Region, k.Day, num(tm.minCover), num(tm.floorPct), tm.uploadSec))
	}
	return "LEFT JOIN (SELECT column1 AS region, column2 AS day, column3 AS min_cover, column4 AS floor_pct, column5 AS upload_secs FROM (VALUES " +
		strings.Join(rows, ", ") + ")) pt ON pt.region = " + p + ".region_code AND pt.day = substr(" + p + ".period_start, 1, 10)"
}

// sqlRows gives the table, condition, id column and list order of metric in SQL (policies of
// q.Insurer only, if given).
func sqlRows(t *testing.T, app core.App, q Query, metric string) (from, where, id, order string) {
	t.Helper()
	if c, ok := sqlEnterpriseMetrics(q, "e")[metric]; ok {
		return "enterprises e", q.scopeWhere("e") + " AND " + c, "e.id", "e.region_code, e.uscc"
	}
	if c, ok := sqlPolicyMetrics(q, "p", "pt")[metric]; ok {
		where = q.scopeWhere("p") + " AND " + sqlInWindow(q, "p") + " AND " + c
		if q.Insurer != "" {
			where += " AND p.insurer = {:insurer}"
		}
		return "policies p " + packTermsSQL(t, app, "p"), where, "p.id", "p.policy_no"
	}
	if c, ok := sqlHazardMetrics("h")[metric]; ok {
		return "hazards h", q.scopeWhere("h") + " AND " + c, "h.id", "h.deadline, h.id"
	}
	t.Fatalf("no SQL for %s", metric)
	return
}

// sqlPage lists the ids of one page of metric's rows in the list's order.
func sqlPage(t *testing.T, app core.App, q Query, metric string, offset, limit int) []string {
	t.Helper()
	from, where, id, order := sqlRows(t, app, q, metric)
	params := q.params()
	params["offset"], params["limit"] = offset, limit
	ids := []string{}
	if err := app.DB().NewQuery("SELECT " + id + " FROM " + from + " WHERE " + where + " ORDER BY " + order + " LIMIT {:limit} OFFSET {:offset}").
		Bind(params).Column(&ids); err != nil {
		t.Fatal(err)
	}
	return ids
}

// sqlCount counts the rows behind metric in SQL.
func sqlCount(t *testing.T, app core.App, q Query, metric string) int {
	t.Helper()
	from, where, _, _ := sqlRows(t, app, q, metric)
	var n int
	if err := app.DB().NewQuery("SELECT COUNT(*) FROM " + from + " WHERE " + where).Bind(q.params()).Row(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
