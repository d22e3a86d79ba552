package reference

import (
	"slices"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// Collection names.
const (
	Regions    = "regions"
	Industries = "industries"
)

// storeKey keeps an app's table in app.Store(); the hooks drop it when a row changes.
const storeKey = "azx.reference"

// Table is a snapshot of the regions and industries collections. It never changes: a write
// to either collection makes the next Of build a new one.
type Table struct {
	regions    map[string]Region
	children   map[string][]string
	industries []Industry
	industryBy map[string]Industry
}

var loading sync.Mutex

// Of is the app's table, read from the collections on first use and after every change.
// Without the collections (an app not migrated yet) it holds the builtin data.
func Of(app core.App) *Table {
	if t, ok := app.Store().Get(storeKey).(*Table); ok {
		return t
	}
	loading.Lock()
	defer loading.Unlock()
	if t, ok := app.Store().Get(storeKey).(*Table); ok {
		return t
	}
	t, err := load(app)
	if err != nil {
		app.Logger().Warn("reference data could not be read; using the builtin data", "error", err)
		return build(BuiltinRegions(), BuiltinIndustries())
	}
	app.Store().Set(storeKey, t)
	return t
}

// Forget drops the app's table (a region or industry changed).
func Forget(app core.App) {
	app.Store().Remove(storeKey)
}

func load(app core.App) (*Table, error) {
	var regions []Region
	err := app.DB().Select("code", "name", "name_en", "level", "parent").From(Regions).OrderBy("code").All(&regions)
	if err != nil {
		return nil, err
	}
	rows := []struct {
		Code    string `db:"code"`
		Name    string `db:"name"`
		NameEn  string `db:"name_en"`
		GBT4754 string `db:"gbt4754"`
	}{}
	if err := app.DB().Select("code", "name", "name_en", "gbt4754").From(Industries).OrderBy("sort", "code").All(&rows); err != nil {
		return nil, err
	}
	industries := make([]Industry, len(rows))
	for i, r := range rows {
		industries[i] = Industry{Code: r.Code, Name: r.Name, NameEn: r.NameEn, GBT4754: sections(r.GBT4754)}
	}
	return build(regions, industries), nil
}

func build(regions []Region, industries []Industry) *Table {
	t := &Table{regions: make(map[string]Region, len(regions)), children: map[string][]string{},
		industries: industries, industryBy: make(map[string]Industry, len(industries))}
	for _, r := range regions {
		t.regions[r.Code] = r
		if r.Parent != "" {
			t.children[r.Parent] = append(t.children[r.Parent], r.Code)
		}
	}
	for _, kids := range t.children {
		slices.Sort(kids)
	}
	for _, in := range industries {
		t.industryBy[in.Code] = in
	}
	return t
}

// Region is a division by its code.
func (t *Table) Region(code string) (Region, bool) {
	r, ok := t.regions[code]
	return r, ok
}

// RegionName is a division's Chinese name, or its code when the table lacks it.
func (t *Table) RegionName(code string) string {
	if r, ok := t.regions[code]; ok {
		return r.Name
	}
	return code
}

// Level is a division's level, from the table or else from the code's form.
func (t *Table) Level(code string) string {
	if r, ok := t.regions[code]; ok {
		return r.Level
	}
	return LevelOf(code)
}

// Parent is the division above, from the table or else from the code's form.
func (t *Table) Parent(code string) string {
	if r, ok := t.regions[code]; ok {
		return r.Parent
	}
	return ParentOf(code)
}

// Children are the codes of the divisions directly under code, ordered.
func (t *Table) Children(code string) []string {
	return slices.Clone(t.children[code])
}

// Industry is an industry by its code.
func (t *Table) Industry(code string) (Industry, bool) {
	in, ok := t.industryBy[code]
	return in, ok
}

// IndustryName is an industry's Chinese name, or its code when the table lacks it.
func (t *Table) IndustryName(code string) string {
	if in, ok := t.industryBy[code]; ok {
		return in.Name
	}
	return code
}

// Industries are every industry, in the collection's order.
func (t *Table) Industries() []Industry {
	return slices.Clone(t.industries)
}
