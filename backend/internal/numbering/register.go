// Package numbering assigns the business numbers the notices do not leave to the user: a
// hazard's 隐患编号 and a service report's 服务记录编号 are the server's, from one sequence per
// prefix, region and year (YH-330602-2026-000017), taken in the record's own transaction.
// Which property is numbered, and how, is data: an `x-number` hint in the form definition.
package numbering

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Hook ids and priority: after the audit handler (-50) opened the write's transaction, before
// the other Execute handlers (hazards' search text at -10 reads the number).
const (
	hookAssign = "azx_numbering_assign"
	hookKeep   = "azx_numbering_keep"
	priority   = -20
)

// Collections whose definitions may number a property.
var Collections = []string{"enterprises", "policies", "service_reports", "hazards", "claims"}

// Register binds the hooks (model level: the API, the seed and bulk uploads alike).
func Register(app core.App) {
	app.OnRecordCreateExecute(Collections...).Bind(&hook.Handler[*core.RecordEvent]{
		Id: hookAssign, Priority: priority, Func: assignOnCreate,
	})
	app.OnRecordUpdateExecute(Collections...).Bind(&hook.Handler[*core.RecordEvent]{
		Id: hookKeep, Priority: priority, Func: keepOnUpdate,
	})
}
