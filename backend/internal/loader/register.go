package loader

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Hook id and priority: the field checks of a record Prepare validates run after every AZX
// validate handler (records 0, packs 10 and 11) and in place of PocketBase's own, the last of
// the chain (99), which they end: nothing of AZX binds OnModelValidate, which would come after.
const (
	hookFieldChecks     = "azx_loader_field_checks"
	fieldChecksPriority = 98
)

// Hook id and priority of a save's insert (save.go): after every other create-execute handler,
// PocketBase's (-99, the record hooks and field interceptors) and AZX's, which wrap it.
const (
	hookSavedInsert     = "azx_loader_saved_insert"
	savedInsertPriority = 1000
)

// Register binds the loader's validate handler (model level: it acts on a validation whose
// context carries a Known — one Prepare starts, or a single save's, where records' validate
// handler notes the parents it read; any other validation goes on to PocketBase's checks).
func Register(app core.App) {
	app.OnRecordValidate().Bind(&hook.Handler[*core.RecordEvent]{
		Id:       hookFieldChecks,
		Priority: fieldChecksPriority,
		Func: func(e *core.RecordEvent) error {
			known, ok := KnownOf(e.Context)
			if !ok {
				return e.Next()
			}
			return checkFields(e, known)
		},
	})
	app.OnModelCreateExecute().Bind(&hook.Handler[*core.ModelEvent]{
		Id:       hookSavedInsert,
		Priority: savedInsertPriority,
		Func:     insertSaved,
	})
}
