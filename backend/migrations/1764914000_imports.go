package migrations

import (
	"azx/backend/internal/vocab"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Imports and inspection rounds as the notices run them (issue 14).
//
// system_findings: what a bulk import in import mode stored although the rule packs refuse it
// (the problem policies of a bulletin are reality, not typing errors). One row per broken rule:
// its code and source, the row of the file and the upload it came in. Written by the server
// only; read by the regulators of the region and the policy's insurer.
//
// inspection_rounds gain: status (draft until published; only a draft is deleted), source
// (drawn by the server or the inspectors' own list) and assignments (cross-inspection: which
// region's team inspects which region in this round, as data).
const idSystemFindings = "azx_system_findings"

func init() {
	m.Register(upImports, downImports)
}

func upImports(app core.App) error {
	sf := core.NewBaseCollection("system_findings", idSystemFindings)
	sf.Fields.Add(
		relation("policy", idPolicies, true),
		relation("enterprise", idEnterprises, false),
		relation("insurer", idOrganizations, false),
		&core.TextField{Name: "rule", Required: true, Max: 100},
		&core.TextField{Name: "path", Max: 200},
		&core.TextField{Name: "source", Max: 500},
		&core.TextField{Name: "message_zh", Max: 2000},
		&core.TextField{Name: "message_en", Max: 2000},
		&core.NumberField{Name: "row", OnlyInt: true},
		&core.TextField{Name: "upload", Max: 100},
	)
	regionColumns(sf, false)
	timestamps(sf)
	sf.AddIndex("idx_system_findings_policy", false, "policy, rule", "")
	sf.AddIndex("idx_system_findings_city", false, "city_code, rule", "")
	sf.AddIndex("idx_system_findings_province", false, "province_code, rule", "")
	sf.AddIndex("idx_system_findings_upload", false, "upload", "")
	sf.ListRule, sf.ViewRule = ptr(systemFindingRead), ptr(systemFindingRead)
	if err := app.Save(sf); err != nil {
		return err
	}

	rounds, err := app.FindCollectionByNameOrId("inspection_rounds")
	if err != nil {
		return err
	}
	rounds.Fields.Add(
		// rounds drawn before this migration count as published: they were never deletable
		&core.SelectField{Name: "status", Values: vocab.RoundStatus.Codes(), MaxSelect: 1},
		&core.SelectField{Name: "source", Values: []string{"drawn", "list"}, MaxSelect: 1},
		&core.JSONField{Name: "assignments", MaxSize: 1 << 20},
		// numbers of the inspectors' list that no stored policy has (a policy never uploaded)
		&core.JSONField{Name: "unmatched", MaxSize: 1 << 20},
		// space-separated region codes whose teams the assignments name, for the list look-up
		&core.TextField{Name: "inspectors", Max: 2000},
	)
	return app.Save(rounds)
}

func downImports(app core.App) error {
	if c, err := app.FindCollectionByNameOrId("system_findings"); err == nil {
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	rounds, err := app.FindCollectionByNameOrId("inspection_rounds")
	if err != nil {
		return nil
	}
	for _, f := range []string{"status", "source", "assignments", "unmatched", "inspectors"} {
		rounds.Fields.RemoveByName(f)
	}
	return app.Save(rounds)
}
