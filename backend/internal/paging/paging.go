// Package paging answers "which row is at position N" for a collection's list, so a client can
// read a deep page by its key (keyset paging) instead of by OFFSET.
//
// Why: rules that read the signed-in user's own fields (role, scope) make PocketBase join the
// users table and add SELECT DISTINCT over whole rows. With OFFSET, SQLite then de-duplicates
// every skipped row with its JSON: page 500 of 100,000 hazards takes 2-3 s, while the same
// rows after a known key take a millisecond. Here the same rule and filter are applied to the
// sort columns only, so the DISTINCT is over a few short values.
package paging

import (
	"database/sql"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
)

// maxOffset bounds the work one request may ask for (a list of a million rows still fits).
const maxOffset = 10_000_000

// Register adds GET /api/azx/paging/{collection}/key?filter&sort&offset.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/api/azx/paging/{collection}/key", keyAt)
		return se.Next()
	})
}

func refuse(e *core.RequestEvent, status int, code, zh, en string) error {
	msg := zh
	if strings.HasPrefix(strings.ToLower(e.Request.Header.Get("Accept-Language")), "en") {
		msg = en
	}
	return e.JSON(status, map[string]any{"status": status, "code": code, "message": msg, "message_zh": zh, "message_en": en, "data": map[string]any{}})
}

// keyAt answers {key: {field: value, …, id}} for the row at offset in the list the same filter
// and sort would give the caller through the records API (its list rule applied), or
// {key: null} past the end. The sort must end with id, so the key names one row.
func keyAt(e *core.RequestEvent) error {
	collection, err := e.App.FindCachedCollectionByNameOrId(e.Request.PathValue("collection"))
	if err != nil || collection == nil || collection.IsView() {
		return refuse(e, http.StatusNotFound, "not_found", "集合不存在", "The collection does not exist")
	}
	info, err := e.RequestInfo()
	if err != nil {
		return refuse(e, http.StatusBadRequest, "bad_request", "请求无效", "The request is not valid")
	}
	if collection.ListRule == nil && !info.HasSuperuserAuth() {
		return refuse(e, http.StatusForbidden, "forbidden", "只有超级管理员可以读取此集合", "Only superusers can read this collection")
	}
	q := e.Request.URL.Query()
	// as the records API: only superusers may filter by other collections or request data
	if !info.HasSuperuserAuth() && (strings.Contains(q.Get("filter"), "@") || strings.Contains(q.Get("sort"), "@")) {
		return refuse(e, http.StatusForbidden, "forbidden", "只有超级管理员可以按 @collection / @request 筛选", "Only superusers can filter by @collection or @request")
	}
	offset, err := strconv.Atoi(q.Get("offset"))
	if err != nil || offset < 0 || offset > maxOffset {
		return refuse(e, http.StatusBadRequest, "invalid_offset", "offset 须为非负整数", "offset must be a whole number, 0 or more")
	}
	sort := search.ParseSortFromString(q.Get("sort"))
	if len(sort) == 0 || len(sort) > 4 || sort[len(sort)-1].Name != "id" {
		return refuse(e, http.StatusBadRequest, "invalid_sort", "排序须以 id 结尾（至多 4 个字段）", "sort must end with id (at most 4 fields)")
	}

	resolver := core.NewRecordFieldResolver(e.App, collection, info, true)
	resolver.SetAllowHiddenFields(info.HasSuperuserAuth())
	table := collection.Name
	query := e.App.ConcurrentDB().Select().From(table)
	names := make([]string, len(sort))
	for i, s := range sort {
		// plain fields of the collection only: the key is compared against them afterwards
		if strings.ContainsAny(s.Name, ".:@()") || collection.Fields.GetByName(s.Name) == nil {
			return refuse(e, http.StatusBadRequest, "invalid_sort", "排序字段无效："+s.Name, "Not a field to sort by: "+s.Name)
		}
		r, err := resolver.Resolve(s.Name)
		if err != nil {
			return refuse(e, http.StatusBadRequest, "invalid_sort", "排序字段无效："+s.Name, "Not a field to sort by: "+s.Name)
		}
		names[i] = s.Name
		query.AndSelect(r.Identifier + " AS k" + strconv.Itoa(i))
	}
	if !info.HasSuperuserAuth() && collection.ListRule != nil && *collection.ListRule != "" {
		expr, err := search.FilterData(*collection.ListRule).BuildExpr(resolver)
		if err != nil {
			return err
		}
		query.AndWhere(expr)
	}
	provider := search.NewProvider(resolver).Query(query).SkipTotal(true).Sort(sort).PerPage(1).Page(offset + 1)
	if f := q.Get("filter"); f != "" {
		provider.AddFilter(search.FilterData(f))
	}
	rows := []dbx.NullStringMap{}
	if _, err := provider.Exec(&rows); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return e.JSON(http.StatusOK, map[string]any{"key": nil})
		}
		return refuse(e, http.StatusBadRequest, "invalid_filter", "筛选或排序条件无效", "The filter or sort is not valid")
	}
	if len(rows) == 0 {
		return e.JSON(http.StatusOK, map[string]any{"key": nil})
	}
	key := map[string]any{}
	for i, name := range names {
		v := rows[0]["k"+strconv.Itoa(i)]
		if !v.Valid {
			key[name] = nil
			continue
		}
		key[name] = typed(collection.Fields.GetByName(name), v.String)
	}
	return e.JSON(http.StatusOK, map[string]any{"key": key})
}

// typed gives numbers and booleans back as JSON numbers and booleans, as the records API does.
func typed(f core.Field, s string) any {
	switch f.(type) {
	case *core.NumberField:
		if n, err := strconv.ParseFloat(s, 64); err == nil {
			return n
		}
	case *core.BoolField:
		return s == "1" || s == "true"
	}
	return s
}
