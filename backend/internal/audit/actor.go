package audit

import (
	"strings"
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// The model hooks that write the audit log do not see the HTTP request, so the request hooks
// remember who is saving which record instance until the save returns.
var actors sync.Map // *core.Record → string

// System is the actor of writes made by code (seed, bulk, CLI) without a signed-in user.
const System = "system"

// SetActor records who saves r (until ClearActor).
func SetActor(r *core.Record, actor string) {
	if r != nil && actor != "" {
		actors.Store(r, actor)
	}
}

// ClearActor forgets r's actor.
func ClearActor(r *core.Record) { actors.Delete(r) }

// ActorOf returns who saves r: a users id, "_superusers/ID", or System.
func ActorOf(r *core.Record) string {
	if v, ok := actors.Load(r); ok {
		return v.(string)
	}
	return System
}

// UserID returns the users id of r's actor, or "" when the actor is not a user.
func UserID(r *core.Record) string {
	a := ActorOf(r)
	if a == System || strings.Contains(a, "/") {
		return ""
	}
	return a
}

// AuthActor names an authenticated record as an actor: a user by its id, any other auth
// record (a superuser) as collection/id.
func AuthActor(auth *core.Record) string {
	if auth == nil {
		return ""
	}
	if auth.Collection().Name == "users" {
		return auth.Id
	}
	return auth.Collection().Name + "/" + auth.Id
}
