package claims

import (
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Register wires the claims' hooks.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)
}

// BindHooks binds the model and request hooks of claims and claim events (model level: the seed
// obeys them too). The claim's facts run after the records hook (priority 0), which validated
// its data and copied its policy's parties.
func BindHooks(app core.App) {
	app.OnRecordValidate(claimsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_claims_facts", Priority: 11, Func: validateClaim,
	})
	// the number internal/numbering (priority -20) gave a new claim, into its column too
	app.OnRecordCreateExecute(claimsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_claims_number_column", Priority: -15, Func: func(e *core.RecordEvent) error {
			var data map[string]any
			if e.Record.UnmarshalJSONField("data", &data) == nil {
				no, _ := data["claim_no"].(string)
				e.Record.Set("claim_no", no)
			}
			return e.Next()
		},
	})
	app.OnRecordValidate(eventsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_claims_event", Priority: 11, Func: validateEvent,
	})
	app.OnRecordCreateRequest(eventsCollection).Bind(&hook.Handler[*core.RecordRequestEvent]{
		Id: "azx_claims_event_actor", Func: checkActor,
	})
	app.OnRecordCreateExecute(eventsCollection).Bind(&hook.Handler[*core.RecordEvent]{
		Id: "azx_claims_event_moves", Func: moveClaim,
	})
}
