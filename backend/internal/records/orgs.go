package records

import (
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
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

// checkEnterpriseOrg judges the organization an enterprise is linked to (it grants its users the
// enterprise's reads): of kind enterprise, linked to no other enterprise, and, when a regulator
// links it, registered inside the regulator's scope. Only a new or changed link is judged.
func checkEnterpriseOrg(app core.App, r *core.Record, errs validation.Errors) {
	id := r.GetString("organization")
	if id == "" {
		return
	}
	if prev := Previous(app, r); prev != nil && prev.GetString("organization") == id {
		return
	}
	org, err := app.FindRecordById("organizations", id)
	if err != nil {
		return // PocketBase reports the missing relation
	}
	if org.GetString("kind") != "enterprise" {
		fieldErr(errs, "organization", "organization_kind", "所选机构不是生产经营单位", "The selected organization is not an enterprise")
		return
	}
	var other []string
	_ = app.DB().Select("id").From(Enterprises).Where(dbx.HashExp{"organization": id}).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).Column(&other)
	if len(other) > 0 {
		fieldErr(errs, "organization", "organization_taken", "该机构已关联另一家企业", "The organization is already linked to another enterprise")
		return
	}
	if u := actorUser(app, r); u != nil && u.GetString("role") == "regulator" && !codeInScope(u, org.GetString("region_code")) {
		fieldErr(errs, "organization", "out_of_scope", "不能关联本机构辖区之外的机构", "You cannot link an organization outside your region")
	}
}

// actorUser is the signed-in user saving r (nil for the system and superusers).
func actorUser(app core.App, r *core.Record) *core.Record {
	id := audit.UserID(r)
	if id == "" {
		return nil
	}
	u, err := app.FindRecordById("users", id)
	if err != nil {
		return nil
	}
	return u
}

// codeInScope: a region code lies inside a regulator's scope.
func codeInScope(auth *core.Record, code string) bool {
	scope := auth.GetString("region_scope")
	if scope == "" || code == "" {
		return false
	}
	switch auth.GetString("scope_level") {
	case "province":
		return validation.ProvinceCode(code) == scope
	case "city":
		return validation.CityCode(code) == scope
	case "county":
		return code == scope
	}
	return false
}
