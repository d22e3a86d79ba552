package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Rule packs as records (internal/packs, schemas/packs/README.md): versioned and dated, the
// document in columns (tables, computations, rules, tests as JSON), published like form
// definitions. Policies get rule_warnings, the server's warnings of a draft for comment (or of
// a rule that only warns), returned with the stored record.
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
		&core.SelectField{Name: "status", Values: []string{"draft", "published", "retired"}, MaxSelect: 1, Required: true},
		&core.TextField{Name: "title", Max: 200},
		&core.TextField{Name: "title_en", Max: 200},
		&core.TextField{Name: "jurisdiction", Pattern: regionCodePattern},
		&core.SelectField{Name: "legal_status", Values: []string{"in_force", "draft_for_comment"}, MaxSelect: 1},
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
	return app.Save(policies)
}

func downRulePacks(app core.App) error {
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
