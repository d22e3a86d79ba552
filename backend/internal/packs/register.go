package packs

import (
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
)

// Register wires the rule_packs lifecycle and checks, the judging of policies, the packs API
// and the `packs load` command.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		Routes(se)
		return se.Next()
	})
	app.RootCmd.AddCommand(command(app))
}

// BindHooks binds the model hooks: the rule_packs rows' checks, the judging of policies and the
// derivation of enterprises' must_insure and risk grade, and the hazards' return visits (回头看).
func BindHooks(app core.App) {
	BindCollection(app)
	BindPolicies(app)
	BindEnterprises(app)
	BindRiskGrades(app)
	BindFollowUp(app)
}
