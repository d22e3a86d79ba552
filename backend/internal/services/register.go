// Package services enforces the prevention-service side of AZX (DOMAIN.md "A prevention
// service"): the regulator's white and black lists of providers (provider_listings), the
// checks a service report must pass beyond its definition (provider allowed in the region,
// policy number of its policy), the hazards entered in a report becoming hazard records in the
// report's own transaction, and the prevention ledger of a policy (GET /api/azx/services/ledger).
package services

import (
	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Collection names this package reads or writes.
const (
	Listings       = "provider_listings"
	ServiceReports = "service_reports"
	Hazards        = "hazards"
	Policies       = "policies"
)

// Register wires the hooks, the listing middleware and the ledger route into the binary.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.BindFunc(listingMiddleware)
		se.Router.GET("/api/azx/services/ledger", ledgerHandler).Bind(apis.RequireAuth())
		return se.Next()
	})
}

// BindHooks wires the model hooks (also for app.Save from code and tests). Bind after
// records.BindHooks: the report checks read the columns records derives from the policy.
func BindHooks(app core.App) {
	app.OnRecordValidate(Listings).BindFunc(validateListing)
	app.OnRecordValidate(ServiceReports).BindFunc(validateReport)
	app.OnRecordCreateExecute(ServiceReports).BindFunc(createFoundHazards)
	app.OnRecordUpdateExecute(ServiceReports).BindFunc(createFoundHazards)
}
