package security

import (
	"net/http"
	"net/netip"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// AdminMiddlewareID is the id of the middleware that keeps the admin UI and superusers local.
const AdminMiddlewareID = "azxAdminFrom"

// forwarded are the headers a reverse proxy adds: a request that carries one came through the
// proxy, so its TCP peer (the proxy, often 127.0.0.1) says nothing about the client.
var forwarded = []string{"X-Forwarded-For", "Forwarded", "X-Real-Ip"}

// local reports whether the request comes straight from an allowed address.
func local(r *http.Request, from []netip.Prefix) bool {
	for _, h := range forwarded {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	addr := ap.Addr().Unmap()
	for _, p := range from {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// adminOnly reports whether a request is the admin UI's or a superuser's.
func adminOnly(e *core.RequestEvent) bool {
	p := e.Request.URL.Path
	return p == "/_" || strings.HasPrefix(p, "/_/") ||
		strings.HasPrefix(p, "/api/collections/_superusers/") ||
		e.HasSuperuserAuth()
}

// adminFrom refuses the admin UI, the superusers' sign-in and every superuser request unless it
// comes straight from an allowed address (loopback by default: reach it through an SSH tunnel).
func adminFrom(from []netip.Prefix) *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: AdminMiddlewareID,
		// after PocketBase loads the auth token (a superuser's token is known) and after the headers
		Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 2,
		Func: func(e *core.RequestEvent) error {
			if adminOnly(e) && !local(e.Request, from) {
				return e.ForbiddenError("管理界面仅限本机访问 / The admin UI and superuser access are limited to the server's own addresses.", nil)
			}
			return e.Next()
		},
	}
}
