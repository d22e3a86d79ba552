package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// Two read-only roles (issue 17): industry authorities (行业主管部门) and financial regulators
// (金融监管部门), scoped like a regulator by scope_level and region_scope, and by industry_scope
// (an industry code; empty: every industry). The role selects take the vocabulary's codes again,
// and every collection's rules are set anew from Rules().
func init() {
	m.Register(upOversightRoles, nil)
}

func upOversightRoles(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	if f, ok := users.Fields.GetByName("role").(*core.SelectField); ok {
		f.Values = vocab.Role.Codes()
	}
	if users.Fields.GetByName("industry_scope") == nil {
		users.Fields.Add(&core.TextField{Name: "industry_scope", Max: 60, Pattern: `^[a-z][a-z0-9_]*$`})
	}
	if err := app.Save(users); err != nil {
		return err
	}
	for _, name := range []string{"hazard_events", "claim_events"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		if f, ok := c.Fields.GetByName("actor_role").(*core.SelectField); ok {
			f.Values = vocab.Role.Codes()
		}
		if err := app.Save(c); err != nil {
			return err
		}
	}
	for name := range Rules() {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		applyRules(c)
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}
