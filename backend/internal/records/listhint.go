package records

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// The access rules are one OR over every role, which SQLite cannot serve from an index, so a
// list would scan the whole table. For a signed-in user the rule reduces to one indexed
// column; listHint ANDs that column test to the request's filter. The rule still applies, and
// it already implies the hint for this user, so the result is the same rows, found through
// the index.
func listHint(collection string, auth *core.Record) string {
	if auth == nil || auth.Collection().Name != "users" {
		return ""
	}
	org := auth.GetString("organization")
	scope := auth.GetString("region_scope")
	var col, val string
	switch auth.GetString("role") {
	case "regulator":
		switch auth.GetString("scope_level") {
		case "city":
			col, val = "city_code", scope
		case "county":
			col, val = "region_code", scope
		}
		// a province is usually the whole store: its column would only mislead the planner
	case "insurer":
		if collection != Enterprises {
			col, val = "insurer", org
		}
	case "provider":
		if collection != Enterprises {
			col, val = "provider", org
		}
	case "enterprise":
		if collection == Enterprises {
			col, val = "organization", org
		} else {
			col, val = "enterprise_org", org
		}
	}
	if col == "" || !safeToken(val) {
		return ""
	}
	return col + ` = "` + val + `"`
}

func safeToken(s string) bool {
	if s == "" || len(s) > 50 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

var hinted = map[string]bool{Enterprises: true, Policies: true, ServiceReports: true, Hazards: true, HazardEvents: true}

// addListHint rewrites the filter of GET /api/collections/{collection}/records.
func addListHint(e *core.RequestEvent, name string) {
	if e.Request.Method != http.MethodGet || !hinted[name] ||
		!strings.HasSuffix(e.Request.URL.Path, "/records") {
		return
	}
	hint := listHint(name, e.Auth)
	if hint == "" {
		return
	}
	e.Set(hintedKey, hint[:strings.Index(hint, " ")]) // the caller's column (emptylist.go)
	q := e.Request.URL.Query()
	if f := strings.TrimSpace(q.Get("filter")); f != "" {
		hint = "(" + hint + ") && (" + f + ")"
	}
	q.Set("filter", hint)
	e.Request.URL.RawQuery = q.Encode()
}
