package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A policy's renewal_of is the same enterprise's latest policy starting earlier
// (records.latestEarlier: enterprise = ? AND period_start < ? ORDER BY period_start DESC, id DESC
// LIMIT 1), asked on every policy create. On (enterprise) alone SQLite read each of the
// enterprise's rows, JSON and all, and sorted them: a tenth of a bulk import's time. The same
// index with period_start and id answers it from the index, in order, and still serves every
// look-up by enterprise.
func init() {
	m.Register(func(app core.App) error {
		return policiesEnterpriseIndex(app, "enterprise, period_start, id")
	}, func(app core.App) error {
		return policiesEnterpriseIndex(app, "enterprise")
	})
}

func policiesEnterpriseIndex(app core.App, columns string) error {
	pol, err := app.FindCollectionByNameOrId("policies")
	if err != nil {
		return err
	}
	pol.RemoveIndex("idx_policies_enterprise")
	pol.AddIndex("idx_policies_enterprise", false, columns, "")
	return app.Save(pol)
}
