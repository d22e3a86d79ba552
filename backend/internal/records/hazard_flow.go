package records

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/hazards"
	"azx/backend/internal/validation"
)

// The closed loop's tables live in internal/hazards; these two checks are where records
// applies them (derive for every save, the request hook for the API).

// checkTransition reports a to_status the hazard cannot take from its current status.
func checkTransition(from, to string, errs validation.Errors) {
	if to == "" || to == from {
		return
	}
	if !hazards.Contains(hazards.Next[from], to) {
		fieldErr(errs, "to_status", "hazard_transition",
			"隐患不能从「"+hazards.StatusZh[from]+"」直接变为「"+hazards.StatusZh[to]+"」",
			"A hazard cannot go from "+from+" to "+to)
	}
}

// checkMover refuses a role that may not take the hazard to a status (API requests).
func checkMover(auth *core.Record, to string) error {
	if auth == nil || auth.Collection().Name != "users" || to == "" {
		return nil
	}
	role := auth.GetString("role")
	if hazards.Contains(hazards.Movers[to], role) {
		return nil
	}
	return validation.Errors{"to_status": validation.New("hazard_transition_role",
		hazards.RoleZh[role]+"不能将隐患标记为「"+hazards.StatusZh[to]+"」",
		"A user of role "+role+" cannot move a hazard to "+to)}
}
