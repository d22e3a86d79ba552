// Package history answers who made and who corrected a business record:
// GET /api/azx/records/{collection}/{id}/history. The audit chain and the stored versions are
// for administrators; a party that may read a record may also read its own history here:
// each revision with its time, the correction reason, and the role and organization of who
// wrote it (users are private, organizations readable by all), never a user's id or e-mail.
package history

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Collections whose rows have a history here (the business collections).
var Collections = []string{"enterprises", "policies", "service_reports", "hazards"}

// Entry is one revision of a record.
type Entry struct {
	Revision int    `json:"revision"`
	Action   string `json:"action"` // create or correct
	At       string `json:"at"`
	Reason   string `json:"reason"`
	Actor    Actor  `json:"actor"`
}

// Actor is who wrote a revision: a role and organization, or the system.
type Actor struct {
	Role             string `json:"role"`
	Organization     string `json:"organization"`
	OrganizationName string `json:"organization_name"`
	System           bool   `json:"system"`
}

func refuse(e *core.RequestEvent, status int, code, zh, en string) error {
	msg := zh
	if strings.HasPrefix(strings.ToLower(e.Request.Header.Get("Accept-Language")), "en") {
		msg = en
	}
	return e.JSON(status, map[string]any{"status": status, "code": code, "message": msg, "message_zh": zh, "message_en": en, "data": map[string]any{}})
}

func handle(e *core.RequestEvent) error {
	name := e.Request.PathValue("collection")
	notFound := func() error {
		return refuse(e, http.StatusNotFound, "not_found", "记录不存在或无权查看", "The record does not exist or may not be read")
	}
	if !slices.Contains(Collections, name) {
		return notFound()
	}
	record, err := e.App.FindRecordById(name, e.Request.PathValue("id"))
	if err != nil {
		return notFound()
	}
	info, err := e.RequestInfo()
	if err != nil {
		return notFound()
	}
	if ok, _ := e.App.CanAccessRecord(record, info, record.Collection().ViewRule); !ok {
		return notFound()
	}
	items, err := Of(e.App, record)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, map[string]any{"items": items})
}

// Of lists a record's revisions, oldest first: its creation and each correction.
func Of(app core.App, record *core.Record) ([]Entry, error) {
	name := record.Collection().Name
	var writes []struct {
		At     string `db:"at"`
		Actor  string `db:"actor"`
		Action string `db:"action"`
	}
	// server moves (a hazard's status, party columns) are writes too, but not revisions: a
	// revision is the create and each update that stored a version before it
	if err := app.DB().Select("at", "actor", "action").From("audit_log").
		Where(dbx.HashExp{"collection_name": name, "record_id": record.Id, "action": "create"}).
		OrderBy("seq").Limit(1).All(&writes); err != nil {
		return nil, err
	}
	var versions []struct {
		Revision int    `db:"revision"`
		Reason   string `db:"reason"`
		Actor    string `db:"actor"`
		Created  string `db:"created"`
	}
	if err := app.DB().Select("revision", "reason", "actor", "created").From("record_versions").
		Where(dbx.HashExp{"collection_name": name, "record_id": record.Id}).
		OrderBy("revision").All(&versions); err != nil {
		return nil, err
	}
	actors := newActors(app)
	created := Entry{Revision: 1, Action: "create", At: iso(record.GetString("created"))}
	if len(writes) > 0 {
		created.At, created.Actor = iso(writes[0].At), actors.of(writes[0].Actor)
	} else {
		created.Actor = actors.of("")
	}
	out := []Entry{created}
	for _, v := range versions {
		// a version is the state before a correction: that correction made revision+1
		out = append(out, Entry{Revision: v.Revision + 1, Action: "correct", At: iso(v.Created), Reason: v.Reason, Actor: actors.of(v.Actor)})
	}
	return out, nil
}

// iso writes a stored time (PocketBase's or the audit chain's) as RFC 3339 in UTC.
func iso(s string) string {
	if t, err := types.ParseDateTime(s); err == nil && !t.IsZero() {
		return t.Time().UTC().Format(time.RFC3339)
	}
	return s
}

type actors struct {
	app   core.App
	known map[string]Actor
}

func newActors(app core.App) *actors { return &actors{app: app, known: map[string]Actor{}} }

// of names an audit actor (a users id, "system", or collection/id of a superuser).
func (a *actors) of(id string) Actor {
	if got, ok := a.known[id]; ok {
		return got
	}
	out := Actor{System: true}
	if id != "" && id != "system" && !strings.Contains(id, "/") {
		if u, err := a.app.FindRecordById("users", id); err == nil {
			out = Actor{Role: u.GetString("role"), Organization: u.GetString("organization")}
			if o, err := a.app.FindRecordById("organizations", out.Organization); err == nil {
				out.OrganizationName = o.GetString("name")
			}
		}
	}
	a.known[id] = out
	return out
}
