package coverage

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/reference"
)

// Region and industry names, levels and children come from the reference data of the whole
// country (internal/reference: the regions and industries collections), so a regulator of any
// province sees names, never bare codes. A code the table lacks shows as its code.
func namesOf(app core.App) *reference.Table { return reference.Of(app) }

// nameRows names the region and industry of each listed row.
func nameRows(app core.App, rows []Row) {
	names := namesOf(app)
	for i := range rows {
		rows[i].RegionName = names.RegionName(rows[i].RegionCode)
		rows[i].IndustryName = names.IndustryName(rows[i].Industry)
	}
}
