package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// Claims (issue 17): a claim is a business record (definition "claim": the accident, each person
// killed or injured, the other costs), under one policy whose parties and region it copies; its
// status, deaths, injuries and amounts paid are the server's, moved only by claim events, an
// append-only history like hazard events (internal/claims).
const (
	idClaims      = "azx_claims"
	idClaimEvents = "azx_claim_events"
)

func init() {
	m.Register(upClaims, downClaims)
}

func upClaims(app core.App) error {
	claims := core.NewBaseCollection("claims", idClaims)
	business(claims)
	claims.Fields.Add(
		relation("policy", idPolicies, true),
		relation("enterprise", idEnterprises, false),
		relation("insurer", idOrganizations, false),
		&core.TextField{Name: "enterprise_org", Max: 50},
	)
	regionColumns(claims, true)
	claims.Fields.Add(
		&core.TextField{Name: "claim_no", Max: 40},
		&core.TextField{Name: "accident_date", Pattern: datePattern},
		&core.SelectField{Name: "status", Values: vocab.ClaimStatus.Codes(), MaxSelect: 1},
		&core.NumberField{Name: "deaths", OnlyInt: true},
		&core.NumberField{Name: "injuries", OnlyInt: true},
		&core.BoolField{Name: "serious"},
		&core.NumberField{Name: "advance_paid"},
		&core.NumberField{Name: "paid"},
		&core.TextField{Name: "stage_due", Pattern: datePattern},
	)
	timestamps(claims)
	for _, col := range []string{"policy", "enterprise", "insurer", "enterprise_org", "status", "region_code", "province_code", "accident_date"} {
		claims.AddIndex("idx_claims_"+col, false, col, "")
	}
	claims.AddIndex("idx_claims_city_industry", false, "city_code, industry", "")
	applyRules(claims)
	if err := app.Save(claims); err != nil {
		return err
	}

	ev := core.NewBaseCollection("claim_events", idClaimEvents)
	ev.Fields.Add(
		relation("claim", idClaims, true),
		&core.TextField{Name: "action", Required: true, Max: 100},
		&core.SelectField{Name: "from_status", Values: vocab.ClaimStatus.Codes(), MaxSelect: 1},
		&core.SelectField{Name: "to_status", Values: vocab.ClaimStatus.Codes(), MaxSelect: 1},
		&core.JSONField{Name: "payments", MaxSize: 256 << 10},
		&core.NumberField{Name: "amount"},
		&core.TextField{Name: "note", Max: 5000},
		&core.FileField{Name: "documents", MaxSelect: maxEvidenceFiles, MaxSize: maxEvidenceBytes, Protected: true},
		relation("actor", "_pb_users_auth_", false),
		sel("actor_role", vocab.Role.Codes()...),
		relation("actor_org", idOrganizations, false),
		relation("insurer", idOrganizations, false),
		&core.TextField{Name: "enterprise_org", Max: 50},
	)
	regionColumns(ev, true)
	timestamps(ev)
	for _, col := range []string{"claim", "insurer", "enterprise_org", "region_code", "city_code", "province_code"} {
		ev.AddIndex("idx_claim_events_"+col, false, col, "")
	}
	applyRules(ev)
	return app.Save(ev)
}

func downClaims(app core.App) error {
	for _, name := range []string{"claim_events", "claims"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	return nil
}
