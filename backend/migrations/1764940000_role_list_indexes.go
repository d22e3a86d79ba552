package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Every role's usual filtered policy list (an industry and a period, newest first; records.listHint
// ANDs the caller's own column) is served by one index in the list's order: the caller's column,
// industry, period_start. The city regulator's had it (1764100002); the insurer's read every one
// of its policies in the period through (insurer, period_start) and dropped five in six on
// industry, a third of the throughput of bare PocketBase (issue 20). The provider's and the
// county regulator's single-column indexes are widened the same way: their leading column still
// serves every look-up it served. (insurer, period_start) stays for the insurer's lists without
// an industry.
var roleListIndexes = []struct{ name, wide, narrow string }{
	{"idx_policies_insurer_industry", "insurer, industry, period_start", ""},
	{"idx_policies_provider", "provider, industry, period_start", "provider"},
	{"idx_policies_region", "region_code, industry, period_start", "region_code"},
}

func init() {
	m.Register(func(app core.App) error {
		return setRoleListIndexes(app, true)
	}, func(app core.App) error {
		return setRoleListIndexes(app, false)
	})
}

func setRoleListIndexes(app core.App, up bool) error {
	pol, err := app.FindCollectionByNameOrId("policies")
	if err != nil {
		return err
	}
	for _, idx := range roleListIndexes {
		pol.RemoveIndex(idx.name)
		switch {
		case up:
			pol.AddIndex(idx.name, false, idx.wide, "")
		case idx.narrow != "":
			pol.AddIndex(idx.name, false, idx.narrow, "")
		}
	}
	return app.Save(pol)
}
