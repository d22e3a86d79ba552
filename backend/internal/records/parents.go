package records

import (
	"slices"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Parents are the rows of one collection that many records about to be saved refer to (a bulk
// upload's chunk of policies and their enterprises), read in one query with the columns the
// derivation copies (and extra ones) instead of one read a record. The rows come from the
// database in the writer's transaction, never from the uploader.
type Parents struct {
	collection string
	cols       []string
	rows       map[string]parent // id → copied columns
}

// LoadParents reads the rows of collection with these ids.
func LoadParents(app core.App, collection string, ids []string, extra ...string) (*Parents, error) {
	cols := append(slices.Clone(parentColumnsOf[collection]), extra...)
	ps := &Parents{collection: collection, cols: cols, rows: make(map[string]parent, len(ids))}
	if len(ids) == 0 {
		return ps, nil
	}
	in := make([]any, len(ids))
	for i, id := range ids {
		in[i] = id
	}
	var rows []dbx.NullStringMap
	if err := app.DB().Select(append([]string{"id"}, cols...)...).From(collection).Where(dbx.In("id", in...)).All(&rows); err != nil {
		return nil, err
	}
	for _, m := range rows {
		p := make(parent, len(cols))
		for _, c := range cols {
			p[c] = m[c].String
		}
		ps.rows[m["id"].String] = p
	}
	return ps, nil
}

// given: records whose derivation reads their parents from a Parents (UseParents).
var given sync.Map // *core.Record → *Parents

// UseParents makes r's derivation take its parent of ps's collection from ps (a parent ps lacks,
// or a column it did not read, is read as usual); the returned func forgets it.
func UseParents(r *core.Record, ps *Parents) func() {
	given.Store(r, ps)
	return func() { given.Delete(r) }
}

// givenParent is r's parent id of collection as a Parents read it, if it holds every column asked.
func givenParent(r *core.Record, collection, id string, cols []string) (parent, bool) {
	v, ok := given.Load(r)
	if !ok {
		return nil, false
	}
	ps := v.(*Parents)
	p, ok := ps.rows[id]
	if ps.collection != collection || !ok {
		return nil, false
	}
	for _, c := range cols {
		if _, read := p[c]; !read {
			return nil, false
		}
	}
	return p, true
}
