package audit

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// deferred marks records whose create entry their writer appends itself, with others, once
// they are inserted (AppendExported): a batch load (../loader) runs each record's create hooks
// but inserts the rows, and logs them, many at a time.
var deferred sync.Map // *core.Record → struct{}

// DeferCreate makes r's create hook skip its entry; the writer appends it with AppendExported in
// the same transaction. The returned func forgets r.
func DeferCreate(r *core.Record) func() {
	deferred.Store(r, struct{}{})
	return func() { deferred.Delete(r) }
}

func createDeferred(r *core.Record) bool {
	_, ok := deferred.Load(r)
	return ok
}
