package records

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/hazards"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// The closed loop is schemas/workflows/hazard.json, interpreted by internal/hazards; these two
// checks are where records applies it (derive for every save, the request hook for the API).

// checkTransition reports a to_status the hazard cannot take from its current status.
func checkTransition(from, to string, errs validation.Errors) {
	if to == "" || to == from {
		return
	}
	if !hazards.Loop.CanMove(from, to) {
		fieldErr(errs, "to_status", "hazard_transition",
			"隐患不能从「"+vocab.HazardStatus.Zh(from)+"」直接变为「"+vocab.HazardStatus.Zh(to)+"」",
			"A hazard cannot go from "+from+" to "+to)
	}
}

// checkMover refuses a role that may not take the hazard to a status (API requests).
func checkMover(auth *core.Record, to string) error {
	if auth == nil || auth.Collection().Name != "users" || to == "" {
		return nil
	}
	role := auth.GetString("role")
	if slices.Contains(hazards.Loop.RolesMovingTo(to), role) {
		return nil
	}
	return validation.Errors{"to_status": validation.New("hazard_transition_role",
		vocab.Role.Zh(role)+"不能将隐患标记为「"+vocab.HazardStatus.Zh(to)+"」",
		"A user of role "+role+" cannot move a hazard to "+to)}
}
