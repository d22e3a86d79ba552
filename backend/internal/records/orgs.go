package records

import (
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// Organization kinds change rarely and are read on every policy write: cached, dropped on any
// organizations write.
var (
	orgMu    sync.RWMutex
	orgKinds = map[string]string{}
)

func orgKind(app core.App, id string) string {
	orgMu.RLock()
	k, ok := orgKinds[id]
	orgMu.RUnlock()
	if ok {
		return k
	}
	err := app.DB().Select("kind").From("organizations").Where(dbx.HashExp{"id": id}).Limit(1).Row(&k)
	if err != nil {
		return ""
	}
	orgMu.Lock()
	orgKinds[id] = k
	orgMu.Unlock()
	return k
}

func forgetOrgKinds(e *core.RecordEvent) error {
	orgMu.Lock()
	orgKinds = map[string]string{}
	orgMu.Unlock()
	return e.Next()
}

var kindZh = map[string]string{"insurer": "保险机构", "provider": "安全生产技术服务机构"}

// checkOrgKind refuses a relation to an organization of another kind.
func checkOrgKind(app core.App, r *core.Record, field, kind string, errs validation.Errors) {
	id := r.GetString(field)
	if id == "" {
		return
	}
	if k := orgKind(app, id); k != "" && k != kind {
		fieldErr(errs, field, "organization_kind",
			"所选机构不是"+kindZh[kind], "The selected organization is not a "+kind)
	}
}
