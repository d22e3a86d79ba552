// Package hazards is the hazard closed loop (DOMAIN.md "A hazard and its closed loop"): which
// status follows which, which action a hazard event names and who may take it, the cron job
// that flags overdue hazards (and escalates overdue major ones), and the columns the ledger
// searches on.
package hazards

// Statuses of a hazard, in the order of the loop.
var Statuses = []string{"found", "notified", "rectified", "verified", "reopened", "escalated"}

// Open statuses are those still waiting for the enterprise: past the deadline they are overdue.
var Open = []string{"found", "notified", "reopened"}

// Next: found → notified in writing → rectified → verified on a return visit (回头看); a failed
// check reopens it; an overdue or refused major hazard is escalated to the regulator.
var Next = map[string][]string{
	"found":     {"notified", "escalated"},
	"notified":  {"rectified", "escalated"},
	"rectified": {"verified", "reopened"},
	"reopened":  {"rectified", "escalated"},
	"escalated": {"rectified", "verified"},
	"verified":  {"reopened"},
}

// Movers are the roles that may move a hazard to a status through the API.
var Movers = map[string][]string{
	"notified":  {"insurer", "provider"},
	"rectified": {"enterprise", "insurer", "provider"},
	"verified":  {"insurer", "provider", "regulator"},
	"reopened":  {"insurer", "provider", "regulator"},
	"escalated": {"insurer", "provider", "regulator"},
}

// Action is what a hazard event records. Target is the status it moves the hazard to ("" for
// none); a refusal or an overdue flag moves a major hazard to escalated and leaves others be.
type Action struct {
	Zh, En string
	Target string
	// MajorTarget replaces Target for a major hazard.
	MajorTarget string
	// Roles that may post it through the API (nil: the server alone).
	Roles []string
}

// Actions a hazard event may name.
var Actions = map[string]Action{
	"notify":   {Zh: "书面告知", En: "notify in writing", Target: "notified", MajorTarget: "notified", Roles: []string{"insurer", "provider"}},
	"rectify":  {Zh: "整改", En: "rectify", Target: "rectified", MajorTarget: "rectified", Roles: []string{"enterprise", "insurer", "provider"}},
	"verify":   {Zh: "复查销号", En: "verify", Target: "verified", MajorTarget: "verified", Roles: []string{"insurer", "provider", "regulator"}},
	"reopen":   {Zh: "复查不通过", En: "reopen", Target: "reopened", MajorTarget: "reopened", Roles: []string{"insurer", "provider", "regulator"}},
	"escalate": {Zh: "上报监管", En: "escalate", Target: "escalated", MajorTarget: "escalated", Roles: []string{"insurer", "provider", "regulator"}},
	"refuse":   {Zh: "拒不整改", En: "record a refusal", Target: "", MajorTarget: "escalated", Roles: []string{"insurer", "provider"}},
	"note":     {Zh: "备注", En: "add a note", Roles: []string{"enterprise", "insurer", "provider", "regulator"}},
	"overdue":  {Zh: "逾期", En: "flag overdue", Target: "", MajorTarget: "escalated"},
}

// TargetOf is the status an action moves a hazard to ("" for none).
func TargetOf(action string, major bool) string {
	a := Actions[action]
	if major {
		return a.MajorTarget
	}
	return a.Target
}

// StatusZh names a status in Chinese.
var StatusZh = map[string]string{
	"found": "已发现", "notified": "已书面告知", "rectified": "已整改", "verified": "已复查销号",
	"reopened": "复查未通过", "escalated": "已上报监管",
}

// RoleZh names a role in Chinese.
var RoleZh = map[string]string{"enterprise": "企业", "insurer": "保险机构", "provider": "服务机构", "regulator": "监管部门", "admin": "管理员"}

// Contains reports whether list holds s.
func Contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
