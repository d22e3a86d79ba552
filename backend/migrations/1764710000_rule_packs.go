package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// Rule packs as records (internal/packs, schemas/packs/README.md): versioned and dated, the
// document in columns (tables, computations, rules, tests as JSON), published like form
// definitions. Policies get rule_warnings, the server's warnings of a draft for comment (or of
// a rule that only warns), returned with the stored record. A finding's category becomes text:
// the packs in force name the categories (finding_categories), the server checks them.
const idRulePacks = "azx_rule_packs"

const datePattern = `^\d{4}-\d{2}-\d{2}$`

func init() {
	m.Register(upRulePacks, downRulePacks)
}

func upRulePacks(app core.App) error {
	packs := core.NewBaseCollection("rule_packs", idRulePacks)
	packs.Fields.Add(
		&core.TextField{Name: "key", Required: true, Pattern: `^[a-z][a-z0-9-]{1,39}$`, Max: 40},
		&core.NumberField{Name: "version", OnlyInt: true, Required: true},
		&core.SelectField{Name: "status", Values: vocab.DefinitionStatus.Codes(), MaxSelect: 1, Required: true},
		&core.TextField{Name: "title", Max: 200},
		&core.TextField{Name: "title_en", Max: 200},
		&core.TextField{Name: "jurisdiction", Pattern: regionCodePattern},
		&core.SelectField{Name: "legal_status", Values: vocab.PackLegalStatus.Codes(), MaxSelect: 1},
		&core.TextField{Name: "effective_from", Pattern: datePattern},
		&core.TextField{Name: "effective_to", Pattern: datePattern},
		&core.TextField{Name: "extends", Max: 40},
		&core.JSONField{Name: "note", MaxSize: 64 << 10},
		&core.JSONField{Name: "sources", MaxSize: 1 << 20},
		&core.JSONField{Name: "tables", MaxSize: maxDataJSONBytes},
		&core.JSONField{Name: "computations", MaxSize: maxDataJSONBytes},
		&core.JSONField{Name: "rules", MaxSize: maxDataJSONBytes},
		&core.JSONField{Name: "tests", MaxSize: maxDataJSONBytes},
		text("hash", false),
		&core.DateField{Name: "published_at"},
	)
	timestamps(packs)
	packs.AddIndex("idx_rule_packs_key_version", true, "key, version", "")
	packs.AddIndex("idx_rule_packs_status_jurisdiction", false, "status, jurisdiction", "")
	applyRules(packs)
	if err := app.Save(packs); err != nil {
		return err
	}

	policies, err := app.FindCollectionByNameOrId("policies")
	if err != nil {
		return err
	}
	// empty for rows written before (and for the system's), so their audit hashes stay valid
	policies.Fields.Add(&core.JSONField{Name: "rule_warnings", MaxSize: 256 << 10})
	if err := app.Save(policies); err != nil {
		return err
	}
	return categoryField(app, func() core.Field {
		return &core.TextField{Name: "category", Required: true, Max: 60, Pattern: `^[a-z][a-z0-9_]*$`}
	})
}

// categoryField replaces findings.category by a field of another kind. PocketBase does not
// change a field's type in place, and a new field is a new column: the stored categories are
// read first and written back (the same text, so the rows' audit hashes do not change).
func categoryField(app core.App, field func() core.Field) error {
	findings, err := app.FindCollectionByNameOrId("findings")
	if err != nil {
		return err
	}
	if findings.Fields.GetByName("category") == nil {
		return nil
	}
	var rows []struct {
		ID       string `db:"id"`
		Category string `db:"category"`
	}
	if err := app.DB().NewQuery("SELECT id, category FROM findings").All(&rows); err != nil {
		return err
	}
	findings.Fields.RemoveByName("category")
	if err := app.Save(findings); err != nil {
		return err
	}
	findings.Fields.Add(field())
	if err := app.Save(findings); err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := app.DB().NewQuery("UPDATE findings SET category = {:c} WHERE id = {:id}").
			Bind(dbx.Params{"c": r.Category, "id": r.ID}).Execute(); err != nil {
			return err
		}
	}
	return nil
}

func downRulePacks(app core.App) error {
	if err := categoryField(app, func() core.Field {
		return &core.SelectField{Name: "category", Values: findingCategoriesAt2024, MaxSelect: 1, Required: true}
	}); err != nil {
		return err
	}
	if policies, err := app.FindCollectionByNameOrId("policies"); err == nil {
		policies.Fields.RemoveByName("rule_warnings")
		if err := app.Save(policies); err != nil {
			return err
		}
	}
	packs, err := app.FindCollectionByNameOrId("rule_packs")
	if err != nil {
		return nil
	}
	return app.Delete(packs)
}
