package migrations

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/audit"
	"azx/backend/internal/reference"
	"azx/backend/internal/vocab"
)

// National reference data (schemas/reference/): every GB/T 2260 province, city and county, and
// the industry classification. Any signed-in user reads them (elements show names, never bare
// codes); administrators add or rename a region or an industry without a release
// (internal/reference checks them and keeps the answers current).
const (
	idRegions    = "azx_regions"
	idIndustries = "azx_industries"
)

func init() {
	m.Register(upReference, downReference)
}

func upReference(app core.App) error {
	regions := core.NewBaseCollection(reference.Regions, idRegions)
	regions.Fields.Add(
		&core.TextField{Name: "code", Required: true, Pattern: regionCodePattern},
		&core.TextField{Name: "name", Required: true, Max: 100},
		&core.TextField{Name: "name_en", Max: 200},
		sel("level", vocab.RegionLevel.Codes()...),
		&core.TextField{Name: "parent", Pattern: regionCodePattern},
	)
	timestamps(regions)
	regions.AddIndex("idx_regions_code", true, "code", "")
	regions.AddIndex("idx_regions_parent", false, "parent, code", "")
	referenceRules(regions)
	if err := app.Save(regions); err != nil {
		return err
	}

	industries := core.NewBaseCollection(reference.Industries, idIndustries)
	industries.Fields.Add(
		&core.TextField{Name: "code", Required: true, Pattern: `^[a-z][a-z0-9_]*$`, Max: 60},
		&core.TextField{Name: "name", Required: true, Max: 60},
		&core.TextField{Name: "name_en", Max: 100},
		&core.JSONField{Name: "gbt4754", MaxSize: 1000},
		&core.NumberField{Name: "sort", OnlyInt: true},
	)
	timestamps(industries)
	industries.AddIndex("idx_industries_code", true, "code", "")
	referenceRules(industries)
	if err := app.Save(industries); err != nil {
		return err
	}

	// The shipped data, written straight into the tables in batches (3,400 saves through the
	// record machinery would cost every fresh store seconds), then one audit entry per row, by
	// the system; the migration runs in one transaction.
	now := types.NowDateTime().String()
	var regionRows [][]any
	for _, r := range reference.BuiltinRegions() {
		regionRows = append(regionRows, []any{core.GenerateDefaultRandomId(), r.Code, r.Name, r.NameEn, r.Level, r.Parent, now, now})
	}
	if err := insertBatches(app, reference.Regions, []string{"id", "code", "name", "name_en", "level", "parent", "created", "updated"}, regionRows); err != nil {
		return err
	}
	var industryRows [][]any
	for i, in := range reference.BuiltinIndustries() {
		sections, _ := json.Marshal(in.GBT4754)
		industryRows = append(industryRows, []any{core.GenerateDefaultRandomId(), in.Code, in.Name, in.NameEn, string(sections), (i + 1) * 10, now, now})
	}
	if err := insertBatches(app, reference.Industries, []string{"id", "code", "name", "name_en", "gbt4754", "sort", "created", "updated"}, industryRows); err != nil {
		return err
	}
	if err := audit.AppendCreates(app, reference.Regions); err != nil {
		return err
	}
	return audit.AppendCreates(app, reference.Industries)
}

// insertBatches inserts rows of values for columns, 100 rows a statement.
func insertBatches(app core.App, table string, columns []string, rows [][]any) error {
	const batch = 100
	for start := 0; start < len(rows); start += batch {
		end := min(start+batch, len(rows))
		params := dbx.Params{}
		tuples := make([]string, 0, end-start)
		for i, row := range rows[start:end] {
			marks := make([]string, len(row))
			for j, v := range row {
				name := fmt.Sprintf("p%d_%d", i, j)
				params[name] = v
				marks[j] = "{:" + name + "}"
			}
			tuples = append(tuples, "("+strings.Join(marks, ", ")+")")
		}
		sql := "INSERT INTO {{" + table + "}} ([[" + strings.Join(columns, "]], [[") + "]]) VALUES " + strings.Join(tuples, ", ")
		if _, err := app.DB().NewQuery(sql).Bind(params).Execute(); err != nil {
			return err
		}
	}
	return nil
}

func referenceRules(c *core.Collection) {
	c.ListRule, c.ViewRule = ptr(signedIn), ptr(signedIn)
	c.CreateRule, c.UpdateRule, c.DeleteRule = ptr(isAdmin), ptr(isAdmin), ptr(isAdmin)
}

func downReference(app core.App) error {
	for _, name := range []string{reference.Industries, reference.Regions} {
		if c, err := app.FindCollectionByNameOrId(name); err == nil {
			if err := app.Delete(c); err != nil {
				return err
			}
		}
	}
	return nil
}
