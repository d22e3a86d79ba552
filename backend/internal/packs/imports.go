package packs

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// importing holds the records saved in import mode (a bulk import of historic records,
// internal/bulk): their packs' refusals are collected here instead of refusing the write, so
// the importer stores the record and flags each broken rule as a system finding. Interactive
// writes never pass through it and are still refused.
var importing sync.Map // *core.Record → *[]Problem

// StartImport marks r as imported: JudgeRecord keeps its refusals for ImportFlags.
func StartImport(r *core.Record) { importing.Store(r, &[]Problem{}) }

// ImportFlags returns the rules r broke when it was last judged and forgets r.
func ImportFlags(r *core.Record) []Problem {
	v, ok := importing.LoadAndDelete(r)
	if !ok {
		return nil
	}
	return *v.(*[]Problem)
}
