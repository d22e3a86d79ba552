package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The hazard ledger pages a party's hazards newest first (found_at, then id in the same
// direction so the order is total). An index per party column followed by (found_at, id) lets
// SQLite read a page in order instead of sorting every matching row; the single-column indexes
// they start with are dropped, the composites serve those equality lookups too.
var ledgerParties = []string{"province_code", "city_code", "region_code", "insurer", "provider", "enterprise_org"}

func init() {
	m.Register(func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		for _, old := range []string{"idx_hazards_province", "idx_hazards_region", "idx_hazards_insurer", "idx_hazards_provider"} {
			haz.RemoveIndex(old)
		}
		haz.AddIndex("idx_hazards_found", false, "found_at, id", "")
		for _, col := range ledgerParties {
			haz.AddIndex("idx_hazards_"+col+"_found", false, col+", found_at, id", "")
		}
		return app.Save(haz)
	}, func(app core.App) error {
		haz, err := app.FindCollectionByNameOrId("hazards")
		if err != nil {
			return err
		}
		haz.RemoveIndex("idx_hazards_found")
		for _, col := range ledgerParties {
			haz.RemoveIndex("idx_hazards_" + col + "_found")
		}
		haz.AddIndex("idx_hazards_insurer", false, "insurer", "")
		haz.AddIndex("idx_hazards_provider", false, "provider", "")
		haz.AddIndex("idx_hazards_province", false, "province_code", "")
		haz.AddIndex("idx_hazards_region", false, "region_code", "")
		return app.Save(haz)
	})
}
