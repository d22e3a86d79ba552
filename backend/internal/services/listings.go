package services

import (
	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"azx/backend/internal/validation"
)

// validateListing derives the region columns of a listing from its region code (whatever the
// client sent) and checks that it lists a provider.
func validateListing(e *core.RecordEvent) error {
	r := e.Record
	errs := validation.Errors{}
	region := r.GetString("region_code")
	if region != "" && !validation.ValidRegionCode(region) {
		validation.Add(errs, "region_code", validation.New("region_invalid",
			"行政区划代码不是有效的 GB/T 2260 六位代码", "The region code is not a valid six-digit GB/T 2260 code"))
	}
	r.Set("city_code", validation.CityCode(region))
	r.Set("province_code", validation.ProvinceCode(region))
	if id := r.GetString("provider"); id != "" {
		var kind string
		err := e.App.DB().Select("kind").From("organizations").Where(dbx.HashExp{"id": id}).Limit(1).Row(&kind)
		if err == nil && kind != "provider" {
			validation.Add(errs, "provider", validation.New("organization_kind",
				"所选机构不是安全生产技术服务机构", "The selected organization is not a service provider"))
		}
	}
	return validation.Merge(errs, e.Next())
}

// listingMiddleware fills the derived region columns into the body of a listing create, so the
// create rule judges the listing as it will be stored, and explains a refusal by scope.
func listingMiddleware(e *core.RequestEvent) error {
	if e.Request.Method != http.MethodPost || !strings.HasPrefix(e.Request.URL.Path, "/api/collections/") ||
		!strings.HasSuffix(e.Request.URL.Path, "/records") {
		return e.Next()
	}
	name := e.Request.PathValue("collection")
	if name != Listings && name != "azx_provider_listings" {
		return e.Next()
	}
	info, err := e.RequestInfo()
	if err != nil || info.Body == nil {
		return e.Next()
	}
	region, _ := info.Body["region_code"].(string)
	info.Body["city_code"] = validation.CityCode(region)
	info.Body["province_code"] = validation.ProvinceCode(region)
	err = e.Next()
	var apiErr *router.ApiError
	if err != nil && errors.As(err, &apiErr) && apiErr.Status == http.StatusBadRequest && len(apiErr.Data) == 0 &&
		e.Auth != nil && e.Auth.GetString("role") == "regulator" {
		return router.NewBadRequestError(validation.Summary, validation.Errors{"region_code": validation.New("out_of_scope",
			"只能管理本辖区的服务机构名单", "You can only keep the provider lists of your own region")})
	}
	return err
}

// listingsFor returns the lists that hold provider in a report's region (its county, city and
// province codes), and whether any white list exists there at all.
func listingsFor(app core.App, provider string, regions []string) (lists map[string]bool, whiteExists bool, err error) {
	codes := make([]any, 0, len(regions))
	for _, c := range regions {
		if c != "" {
			codes = append(codes, c)
		}
	}
	lists = map[string]bool{}
	if len(codes) == 0 {
		return lists, false, nil
	}
	rows := []struct {
		Provider string `db:"provider"`
		List     string `db:"list"`
	}{}
	err = app.DB().Select("provider", "list").From(Listings).
		Where(dbx.In("region_code", codes...)).
		AndWhere(dbx.Or(dbx.HashExp{"provider": provider}, dbx.HashExp{"list": "white"})).
		All(&rows)
	if err != nil {
		return nil, false, err
	}
	for _, r := range rows {
		if r.List == "white" {
			whiteExists = true
		}
		if r.Provider == provider {
			lists[r.List] = true
		}
	}
	return lists, whiteExists, nil
}

// checkProvider refuses a report whose provider is black-listed in its region, or missing from
// a white list kept there. A report without a provider is the insurer serving itself.
func checkProvider(app core.App, r *core.Record, errs validation.Errors) {
	provider := r.GetString("provider")
	if provider == "" {
		return
	}
	lists, whiteExists, err := listingsFor(app, provider, []string{r.GetString("region_code"), r.GetString("city_code"), r.GetString("province_code")})
	if err != nil {
		app.Logger().Warn("provider lists unreadable", "error", err)
		return
	}
	switch {
	case lists["black"]:
		validation.Add(errs, "provider", validation.New("provider_blacklisted",
			"该服务机构已被列入本地区服务机构黑名单，不能提供事故预防服务",
			"This provider is black-listed in the region and may not deliver prevention services"))
	case whiteExists && !lists["white"]:
		validation.Add(errs, "provider", validation.New("provider_not_whitelisted",
			"本地区实行服务机构白名单，该服务机构不在名单内",
			"The region keeps a white list of providers and this provider is not on it"))
	}
}
