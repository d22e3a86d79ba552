package migrations

import (
	"encoding/json"

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

	// The shipped data, written straight into the tables (3,400 saves through the record
	// machinery would cost every fresh store seconds) with one audit entry each, as a write by
	// the system; the migration runs in one transaction.
	now := types.NowDateTime().String()
	for _, r := range reference.BuiltinRegions() {
		if err := insertAudited(app, regions, dbx.Params{"code": r.Code, "name": r.Name, "name_en": r.NameEn,
			"level": r.Level, "parent": r.Parent, "created": now, "updated": now}); err != nil {
			return err
		}
	}
	for i, in := range reference.BuiltinIndustries() {
		sections, _ := json.Marshal(in.GBT4754)
		if err := insertAudited(app, industries, dbx.Params{"code": in.Code, "name": in.Name, "name_en": in.NameEn,
			"gbt4754": string(sections), "sort": (i + 1) * 10, "created": now, "updated": now}); err != nil {
			return err
		}
	}
	return nil
}

// insertAudited inserts one row and appends its audit entry (audit verify finds every row).
func insertAudited(app core.App, c *core.Collection, row dbx.Params) error {
	id := core.GenerateDefaultRandomId()
	row["id"] = id
	if _, err := app.DB().Insert(c.Name, row).Execute(); err != nil {
		return err
	}
	// the audit entry hashes the row as stored
	rec, err := app.FindRecordById(c, id)
	if err != nil {
		return err
	}
	return audit.Append(app, rec, "create")
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
