package hazards

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/vocab"
)

// CronID names the job in PocketBase's cron list (superusers can run it: POST /api/crons/{id}).
const CronID = "azx_hazard_overdue"

// China Standard Time: a deadline is a calendar day in China, and it passes at midnight there.
var cst = time.FixedZone("CST", 8*3600)

// Cutoff is the stored date a deadline must be before for a hazard to be overdue at t: the
// start of t's calendar day in China (deadlines are stored as "YYYY-MM-DD 00:00:00.000Z").
func Cutoff(t time.Time) string {
	return t.In(cst).Format("2006-01-02") + " 00:00:00.000Z"
}

// sweeping keeps sweeps apart: two at once would both find a hazard and flag it twice.
var sweeping sync.Mutex

// batch bounds one query of a sweep; a sweep repeats it until nothing is left.
const batch = 500

// SweepResult counts what one sweep did.
type SweepResult struct {
	Flagged   int `json:"flagged"`
	Escalated int `json:"escalated"`
}

// Sweep flags every hazard not yet rectified (the workflow's overdue states) whose deadline passed by at and that nobody has flagged yet:
// it appends an "overdue" event by the system, which escalates a major hazard at once (the
// region's regulator reads escalated hazards, so their realtime subscription sees it).
//
// Only hazards recorded on or before their deadline day are flagged: one entered with a
// deadline already past (back-filled history, test fixtures) was never open at its deadline
// in this system, and the seed has already written the escalations of its history.
func Sweep(app core.App, at time.Time) (SweepResult, error) {
	sweeping.Lock()
	defer sweeping.Unlock()
	return sweep(app, at)
}

func sweep(app core.App, at time.Time) (SweepResult, error) {
	var res SweepResult
	events, err := app.FindCachedCollectionByNameOrId(eventsCollection)
	if err != nil {
		return res, err
	}
	// the statuses not yet rectified, which the overdue action may be taken in (workflow.json)
	params := dbx.Params{"cutoff": Cutoff(at), "limit": batch, "overdue": vocab.HazardActionOverdue}
	var open []string
	for i, s := range overdueStatuses() {
		params[fmt.Sprintf("s%d", i)] = s
		open = append(open, fmt.Sprintf("{:s%d}", i))
	}
	for {
		var ids []string
		err := app.DB().NewQuery(`SELECT h.id FROM hazards h
			WHERE h.status IN (` + strings.Join(open, ", ") + `)
			  AND h.deadline != '' AND h.deadline < {:cutoff}
			  AND substr(h.created, 1, 10) <= substr(h.deadline, 1, 10)
			  AND NOT EXISTS (SELECT 1 FROM hazard_events e WHERE e.hazard = h.id AND e.action = {:overdue})
			ORDER BY h.deadline, h.id LIMIT {:limit}`).Bind(params).Column(&ids)
		if err != nil {
			return res, err
		}
		flagged := 0
		for _, id := range ids {
			ok, major := flag(app, events, id)
			if ok {
				flagged++
				res.Flagged++
				if major {
					res.Escalated++
				}
			}
		}
		// a short batch was the last; a batch with nothing flagged would only repeat itself
		if len(ids) < batch || flagged == 0 {
			return res, nil
		}
	}
}

// OverdueNote is the note of the system's overdue flag (the seed writes its history's flags with it).
func OverdueNote(deadline string, major bool) string {
	note := "整改期限（" + deadline + "）已过仍未整改，系统标记逾期。"
	if major {
		note += "重大事故隐患已自动上报属地应急管理部门。"
	}
	return note
}

// overdueStatuses are where the overdue action may be taken (either severity).
func overdueStatuses() []string {
	general, _ := Loop.Rule(vocab.HazardActionOverdue, false)
	major, _ := Loop.Rule(vocab.HazardActionOverdue, true)
	out := slices.Clone(general.From)
	for _, s := range major.From {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// flag appends the overdue event of one hazard; it reports whether it was stored and whether
// the hazard is major (and so escalated).
func flag(app core.App, events *core.Collection, id string) (bool, bool) {
	h, err := app.FindRecordById(hazardsCollection, id)
	if err != nil {
		return false, false // gone since the query
	}
	major := h.GetBool("is_major")
	deadline := h.GetDateTime("deadline").Time().Format("2006-01-02")
	ev := core.NewRecord(events)
	ev.Set("hazard", id)
	ev.Set("action", vocab.HazardActionOverdue)
	ev.Set("to_status", Loop.Target(vocab.HazardActionOverdue, major))
	ev.Set("note", OverdueNote(deadline, major))
	if err := app.Save(ev); err != nil {
		app.Logger().Warn("hazard overdue flag failed", "hazard", id, "error", err)
		return false, false
	}
	return true, major
}

// Register adds the hooks, the cron job (every minute, so a hazard is flagged within a minute
// of its deadline passing) and POST /api/azx/hazards/sweep (superusers: a sweep as of a given
// instant, for operators and tests that cannot wait for midnight).
func Register(app core.App) {
	bindHooks(app)
	app.Cron().MustAdd(CronID, "* * * * *", func() {
		// a sweep still running from the last minute goes on; this one is not needed
		if !sweeping.TryLock() {
			return
		}
		defer sweeping.Unlock()
		if res, err := sweep(app, time.Now()); err != nil {
			app.Logger().Warn("hazard overdue sweep failed", "error", err)
		} else if res.Flagged > 0 {
			app.Logger().Info("hazards flagged overdue", "flagged", res.Flagged, "escalated", res.Escalated)
		}
	})
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.POST("/api/azx/hazards/sweep", func(e *core.RequestEvent) error {
			body, err := sweepBody(e.Request.Body)
			if err != nil {
				return e.BadRequestError("请求体须为空或 JSON 对象 {\"at\": ...} / The body must be empty or a JSON object {\"at\": ...}.", err)
			}
			at := time.Now()
			if body.At != "" {
				t, err := time.Parse(time.RFC3339, body.At)
				if err != nil {
					return e.BadRequestError("at 须为 RFC 3339 时间 / at must be an RFC 3339 time.", err)
				}
				at = t
			}
			res, err := Sweep(e.App, at)
			if err != nil {
				return e.InternalServerError("", err)
			}
			return e.JSON(http.StatusOK, res)
		}).Bind(apis.RequireSuperuserAuth())
		return se.Next()
	})
}

type sweepRequest struct {
	At string `json:"at"`
}

// sweepBody reads the sweep's optional body: nothing, or a JSON object in valid UTF-8 (null, an
// array or bytes that are not UTF-8 are refused rather than taken for "now").
func sweepBody(r io.Reader) (sweepRequest, error) {
	var out sweepRequest
	raw, err := io.ReadAll(io.LimitReader(r, 64<<10))
	if err != nil {
		return out, err
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return out, nil
	}
	if !utf8.Valid(raw) || raw[0] != '{' {
		return out, errors.New("not a JSON object in UTF-8")
	}
	return out, json.Unmarshal(raw, &out)
}
