// Package stored reads what the database holds, beneath the packages that validate writes.
package stored

import "github.com/pocketbase/pocketbase/core"

// Previous is the stored state of a record being updated or deleted (nil for a new record). It
// reads the row rather than trusting Record.Original(), which is blank for an instance that was
// created in memory and stale after an earlier save of the same instance.
func Previous(app core.App, r *core.Record) *core.Record {
	if r.IsNew() {
		return nil
	}
	p, err := app.FindRecordById(r.Collection(), r.Id)
	if err != nil {
		return nil
	}
	return p
}
