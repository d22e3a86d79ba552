package coverage

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/reference"
	"azx/backend/internal/validation"
)

// Level of a GB/T 2260 code: "province" (XX0000), "city" (XXXX00) or "county", by its form.
func Level(code string) string { return reference.LevelOf(code) }

// childLevel is the level a region's figures are broken down by (a county by itself).
func childLevel(level string) string {
	switch level {
	case "province":
		return "city"
	default:
		return "county"
	}
}

// columnOf is the derived row column that holds a region code of the level.
func columnOf(level string) string {
	switch level {
	case "province":
		return "province_code"
	case "city":
		return "city_code"
	default:
		return "region_code"
	}
}

// within reports whether region lies inside (or is) scope.
func within(region, scope string) bool {
	switch Level(scope) {
	case "province":
		return region[:2] == scope[:2]
	case "city":
		return region[:4] == scope[:4] && Level(region) != "province"
	default:
		return region == scope
	}
}

// authorize checks that the caller is a regulator whose scope holds region ("" = its own
// scope) and returns the region to use. Everyone else gets 403: figures name enterprises.
func authorize(auth *core.Record, region string) (string, error) {
	if auth == nil || auth.Collection().Name != "users" || auth.GetString("role") != "regulator" {
		return "", forbidden("只有监管部门用户可以查看覆盖率和合规统计", "Only regulator users may read coverage and compliance figures")
	}
	scope := auth.GetString("region_scope")
	if !validation.ValidRegionCode(scope) || Level(scope) != auth.GetString("scope_level") {
		return "", forbidden("该监管账户没有有效的辖区", "This regulator account has no valid region scope")
	}
	if region == "" {
		return scope, nil
	}
	if !validation.ValidRegionCode(region) {
		return "", badParam("region", "地区代码须为 6 位 GB/T 2260 代码", "The region must be a six-digit GB/T 2260 code")
	}
	if !within(region, scope) {
		return "", forbidden("所请求的地区不在本账户辖区内", "The requested region is outside this account's scope")
	}
	return region, nil
}
