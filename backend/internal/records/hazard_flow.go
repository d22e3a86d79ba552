package records

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// The hazard closed loop (DOMAIN.md "A hazard and its closed loop"): found → notified in
// writing → rectified → verified on a return visit; a failed check reopens it, an overdue or
// refused major hazard is escalated to the regulator.
var hazardNext = map[string][]string{
	"found":     {"notified", "escalated"},
	"notified":  {"rectified", "escalated"},
	"rectified": {"verified", "reopened"},
	"reopened":  {"rectified", "escalated"},
	"escalated": {"rectified", "verified"},
	"verified":  {"reopened"},
}

// hazardMovers are the roles that may move a hazard to a status through the API.
var hazardMovers = map[string][]string{
	"notified":  {"insurer", "provider"},
	"rectified": {"enterprise", "insurer", "provider"},
	"verified":  {"insurer", "provider", "regulator"},
	"reopened":  {"insurer", "provider", "regulator"},
	"escalated": {"insurer", "provider", "regulator"},
}

var hazardStatusZh = map[string]string{
	"found": "已发现", "notified": "已书面告知", "rectified": "已整改", "verified": "已复查销号",
	"reopened": "复查未通过", "escalated": "已上报监管",
}

var roleZh = map[string]string{"enterprise": "企业", "insurer": "保险机构", "provider": "服务机构", "regulator": "监管部门", "admin": "管理员"}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// checkTransition reports a to_status the hazard cannot take from its current status.
func checkTransition(from, to string, errs validation.Errors) {
	if to == "" || to == from {
		return
	}
	if !contains(hazardNext[from], to) {
		fieldErr(errs, "to_status", "hazard_transition",
			"隐患不能从「"+hazardStatusZh[from]+"」直接变为「"+hazardStatusZh[to]+"」",
			"A hazard cannot go from "+from+" to "+to)
	}
}

// checkMover refuses a role that may not take the hazard to a status (API requests).
func checkMover(auth *core.Record, to string) error {
	if auth == nil || auth.Collection().Name != "users" || to == "" {
		return nil
	}
	role := auth.GetString("role")
	if contains(hazardMovers[to], role) {
		return nil
	}
	return validation.Errors{"to_status": validation.New("hazard_transition_role",
		roleZh[role]+"不能将隐患标记为「"+hazardStatusZh[to]+"」",
		"A user of role "+role+" cannot move a hazard to "+to)}
}
