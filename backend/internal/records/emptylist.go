package records

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/search"
)

// PocketBase delays an empty filtered list by up to 500 ms once a client has had three in three
// seconds (apis/record_crud.go, randomizedThrottle). It protects rows the list rule hides: the
// rule and the client's filter run as one query, so a filter's running time could tell whether a
// hidden row matches it (does another insurer hold policy X?), and an empty answer is the probe's
// usual outcome. A ledger user filtering their own rows met the delay as lag.
//
// The delay is left out for a list the server scoped to the caller (listHint) whose query plan
// starts at the caller's own column: SQLite then reads only rows the rule lets the caller see, so
// how long the query takes depends on none of the hidden rows and there is nothing to protect.
// The plan is asked of SQLite (EXPLAIN QUERY PLAN, a prepare without a run) for each such empty
// answer; any other plan (a unique number's index, a table scan, an OR over several indexes)
// keeps PocketBase's delay, as do callers without a hint (superusers, province regulators).

// hookEmptyList answers an empty scoped list at once; it runs after every other list hook.
const hookEmptyList = "azx_records_empty_scoped_list"

const hintedKey = "azx_list_hint_column"

func bindEmptyLists(app core.App) {
	app.OnRecordsListRequest().Bind(&hook.Handler[*core.RecordsListRequestEvent]{
		Id:       hookEmptyList,
		Priority: 1000,
		Func: func(e *core.RecordsListRequestEvent) error {
			col, _ := e.Get(hintedKey).(string)
			if col == "" || len(e.Records) != 0 || e.HasSuperuserAuth() {
				return e.Next()
			}
			info, err := e.RequestInfo()
			if err != nil {
				return e.Next()
			}
			if ok, err := ScopeLedPlan(e.App, e.Collection, info, col); err != nil || !ok {
				return e.Next()
			}
			// nothing to enrich in an empty page; PocketBase's own answer without its delay
			return e.JSON(http.StatusOK, e.Result)
		},
	})
}

// ScopeLedPlan reports whether SQLite answers the list of info (its filter, sort and page size)
// with the collection's list rule applied by searching an index whose first column is col, an
// equality on it: the rows it reads are then only those with the caller's own value of col.
func ScopeLedPlan(app core.App, collection *core.Collection, info *core.RequestInfo, col string) (bool, error) {
	steps, err := listPlan(app, collection, info)
	if err != nil {
		return false, err
	}
	return scopeLed(steps, collection.Name, col), nil
}

// listPlan is SQLite's plan (EXPLAIN QUERY PLAN) of the list of info as the records API runs it.
func listPlan(app core.App, collection *core.Collection, info *core.RequestInfo) ([]planStep, error) {
	// built as apis.recordsList builds it: the rule with hidden fields allowed, then the client's
	// filter without (else the rule's @request.auth join gets the users list rule joined again)
	resolver := core.NewRecordFieldResolver(app, collection, info, true)
	query := app.RecordQuery(collection)
	if collection.ListRule != nil && *collection.ListRule != "" && !info.HasSuperuserAuth() {
		expr, err := search.FilterData(*collection.ListRule).BuildExpr(resolver)
		if err != nil {
			return nil, err
		}
		query.AndWhere(expr)
	}
	resolver.SetAllowHiddenFields(info.HasSuperuserAuth())
	if f := info.Query["filter"]; f != "" {
		expr, err := search.FilterData(f).BuildExpr(resolver)
		if err != nil {
			return nil, err
		}
		query.AndWhere(expr)
	}
	for _, s := range search.ParseSortFromString(info.Query["sort"]) {
		if s.Name == "" {
			continue
		}
		expr, err := s.BuildExpr(resolver)
		if err != nil {
			return nil, err
		}
		if expr != "" {
			query.AndOrderBy(expr)
		}
	}
	if err := resolver.UpdateQuery(query); err != nil {
		return nil, err
	}
	perPage, _ := strconv.Atoi(info.Query["perPage"])
	if perPage <= 0 {
		perPage = search.DefaultPerPage
	}
	query.Limit(int64(min(perPage, search.MaxPerPage)))
	built := query.Build()
	var steps []planStep
	if err := app.ConcurrentDB().NewQuery("EXPLAIN QUERY PLAN " + built.SQL()).Bind(built.Params()).All(&steps); err != nil {
		return nil, err
	}
	return steps, nil
}

type planStep struct {
	Detail string `db:"detail"`
}

// scopeLed: the first step that reads the table searches an index led by col (col=?).
func scopeLed(steps []planStep, table, col string) bool {
	lead := regexp.MustCompile(`^SEARCH ` + regexp.QuoteMeta(table) + ` USING (?:COVERING )?INDEX \S+ \(` + regexp.QuoteMeta(col) + `=\?`)
	for _, s := range steps {
		if strings.HasPrefix(s.Detail, "SEARCH "+table+" ") || strings.HasPrefix(s.Detail, "SCAN "+table) || strings.HasPrefix(s.Detail, "MULTI-INDEX OR") {
			return lead.MatchString(s.Detail)
		}
	}
	return false
}
