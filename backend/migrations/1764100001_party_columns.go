package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Party columns copied onto child rows so that list rules compare indexed columns of the row
// itself: a rule that follows a relation makes PocketBase join and de-duplicate (SELECT
// DISTINCT over whole rows), which is far too slow over 100,000 policies.
func init() {
	m.Register(upPartyColumns, downPartyColumns)
}

var partyColumnIndexes = map[string][]string{
	"policies":        {"enterprise_org"},
	"service_reports": {"enterprise_org"},
	"hazards":         {"enterprise_org"},
	"hazard_events":   {"insurer", "provider", "enterprise_org"},
}

func upPartyColumns(app core.App) error {
	ent, err := app.FindCollectionByNameOrId("enterprises")
	if err != nil {
		return err
	}
	// ids of the provider organizations assigned to the enterprise by its policies, space separated
	ent.Fields.Add(&core.TextField{Name: "providers", Max: 20000})
	if err := app.Save(ent); err != nil {
		return err
	}
	for name, cols := range partyColumnIndexes {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		for _, col := range cols {
			if c.Fields.GetByName(col) == nil {
				c.Fields.Add(&core.TextField{Name: col, Max: 50})
			}
			c.AddIndex("idx_"+name+"_"+col, false, col, "")
		}
		if err := app.Save(c); err != nil {
			return err
		}
	}
	for name := range Rules() {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			// a collection of a later migration, which applies its own rules
			continue
		}
		applyRules(c)
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}

func downPartyColumns(app core.App) error {
	for name, cols := range partyColumnIndexes {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		for _, col := range cols {
			c.RemoveIndex("idx_" + name + "_" + col)
			c.Fields.RemoveByName(col)
		}
		c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule, c.DeleteRule = nil, nil, nil, nil, nil
		if err := app.Save(c); err != nil {
			return err
		}
	}
	if ent, err := app.FindCollectionByNameOrId("enterprises"); err == nil {
		ent.Fields.RemoveByName("providers")
		ent.ListRule, ent.ViewRule = nil, nil
		return app.Save(ent)
	}
	return nil
}
