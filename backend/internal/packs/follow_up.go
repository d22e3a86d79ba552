package packs

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/hazards"
)

// followUpTable is the rule packs' table of return-visit days by severity ({general, major}).
const followUpTable = "hazard_follow_up_days"

// BindFollowUp schedules a hazard's return visit (回头看): when the hazard reaches the state the
// workflow's follow_up counts from (verified), follow_up_due is set to that day plus the days of
// the pack in force for the hazard's region (hazard_follow_up_days), else the workflow's. It
// is the server's: any other write keeps the stored value, a new hazard has none, and leaving
// the state (reopened) clears it. Model level, so the seed and the API get the same.
func BindFollowUp(app core.App) {
	app.OnRecordValidate("hazards").Bind(&hook.Handler[*core.RecordEvent]{
		Id:       "azx_packs_hazard_follow_up",
		Priority: 10,
		Func: func(e *core.RecordEvent) error {
			scheduleFollowUp(e.App, e.Record, time.Now())
			return e.Next()
		},
	})
}

func scheduleFollowUp(app core.App, h *core.Record, now time.Time) {
	if h.IsNew() {
		h.Set("follow_up_due", "")
		return
	}
	before := h.Original()
	status, major := h.GetString("status"), h.GetBool("is_major")
	state := hazards.Loop.FollowUpState(major)
	switch {
	case status == before.GetString("status"):
		h.Set("follow_up_due", before.Get("follow_up_due"))
	case state != "" && status == state:
		at := movedAt(app, h.Id, now)
		day := at.In(china).Format("2006-01-02")
		due, ok := hazards.Loop.FollowUpDue(at, major, followUpOverride(app, h.GetString("region_code"), day))
		if ok {
			h.Set("follow_up_due", hazards.Cutoff(due))
		}
	default:
		h.Set("follow_up_due", "")
	}
}

// movedAt is when the event that moved the hazard was stored: the latest of the follow-up's
// action on it (written in the same transaction, before the hazard moves), else now. The seed
// dates its history, so its hazards get the same days on every run.
func movedAt(app core.App, hazard string, now time.Time) time.Time {
	var created []string
	err := app.DB().Select("created").From("hazard_events").
		Where(dbx.HashExp{"hazard": hazard, "action": hazards.Loop.FollowUp.After}).
		OrderBy("created DESC", "id DESC").Limit(1).Column(&created)
	if err != nil || len(created) == 0 {
		return now
	}
	at, err := types.ParseDateTime(created[0])
	if err != nil || at.IsZero() {
		return now
	}
	return at.Time()
}

// followUpOverride reads hazard_follow_up_days of the packs in force for the region on day
// (zero fields: the workflow's days).
func followUpOverride(app core.App, region, day string) hazards.Days {
	snap, err := Current(app)
	if err != nil || region == "" {
		return hazards.Days{}
	}
	t, ok := snap.Effective(region, day).Tables[followUpTable]
	if !ok {
		return hazards.Days{}
	}
	v, _ := t.Value.(map[string]any)
	days := func(k string) int {
		n, _ := v[k].(float64)
		return int(n)
	}
	return hazards.Days{General: days("general"), Major: days("major")}
}
