package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// provider_listings: a regulator's white and black lists of prevention-service providers
// (安全生产技术服务机构), one row per provider and region. A listing at a province, city or
// county code applies to every service report of an enterprise in that region; the server
// (internal/services) refuses a report whose provider is black-listed there, or missing from a
// white list that exists there.

const idProviderListings = "azx_provider_listings"

// providerListingWrite: administrators, or a regulator whose scope holds the listing's region.
// The create rule sees city_code and province_code because internal/services derives them into
// the request body from region_code before PocketBase checks it; region_code and provider never
// change on update (a listing elsewhere is a new row).
var (
	providerListingRead   = signedIn
	providerListingCreate = anyOf(isAdmin, scope(""))
	providerListingUpdate = `(` + anyOf(isAdmin, scope("")) + `) && ` +
		`(@request.body.region_code:isset = false || @request.body.region_code = region_code) && ` +
		`(@request.body.provider:isset = false || @request.body.provider = provider)`
	providerListingDelete = anyOf(isAdmin, scope(""))
)

func init() {
	m.Register(func(app core.App) error {
		c := core.NewBaseCollection("provider_listings", idProviderListings)
		c.Fields.Add(
			relation("provider", idOrganizations, true),
			&core.SelectField{Name: "list", Values: vocab.ProviderList.Codes(), MaxSelect: 1, Required: true},
			&core.TextField{Name: "region_code", Required: true, Pattern: regionCodePattern},
			&core.TextField{Name: "city_code", Pattern: regionCodePattern},
			&core.TextField{Name: "province_code", Pattern: regionCodePattern},
			&core.TextField{Name: "reason", Max: 500},
			&core.TextField{Name: "document", Max: 100},
		)
		timestamps(c)
		c.AddIndex("idx_provider_listings_region_provider", true, "region_code, provider", "")
		c.AddIndex("idx_provider_listings_provider", false, "provider", "")
		c.ListRule = ptr(providerListingRead)
		c.ViewRule = ptr(providerListingRead)
		c.CreateRule = ptr(providerListingCreate)
		c.UpdateRule = ptr(providerListingUpdate)
		c.DeleteRule = ptr(providerListingDelete)
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("provider_listings")
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}
