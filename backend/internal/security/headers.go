package security

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// headers.json is shared with scripts/demo-server.mjs, so the demo portal and the release binary
// send the same policy.
//
//go:embed headers.json
var headersJSON []byte

// Headers are the response headers of one kind of response ("portal" or "api").
type Headers map[string]string

var kinds = func() map[string]Headers {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(headersJSON, &raw); err != nil {
		panic("security/headers.json: " + err.Error())
	}
	out := map[string]Headers{}
	for k, v := range raw {
		if strings.HasPrefix(k, "$") {
			continue
		}
		var h Headers
		if err := json.Unmarshal(v, &h); err != nil {
			panic("security/headers.json " + k + ": " + err.Error())
		}
		out[k] = h
	}
	return out
}()

// PortalHeaders are the headers of a portal page; api is the PocketBase origin the page talks to
// ("" when the portal is served by the same server).
func PortalHeaders(api string) Headers {
	if api != "" {
		api = " " + api
	}
	out := Headers{}
	for k, v := range kinds["portal"] {
		out[k] = strings.ReplaceAll(v, " {api}", api)
	}
	return out
}

// Apply sets the headers on a response.
func (h Headers) Apply(dst http.Header) {
	for k, v := range h {
		dst.Set(k, v)
	}
}

const frameAncestors = "frame-ancestors 'none'"

// finish gives a response the API's headers it lacks when its status is written: a handler's
// own Content-Security-Policy (the admin UI's, a file's sandbox, the portal's) is kept and only
// gets frame-ancestors if it has none.
func finish(h http.Header) {
	for k, v := range kinds["api"] {
		switch {
		case k == "Content-Security-Policy" && h.Get(k) != "":
			if csp := h.Get(k); !strings.Contains(csp, "frame-ancestors") {
				h.Set(k, strings.TrimRight(csp, "; ")+"; "+frameAncestors)
			}
		case k == "X-Frame-Options":
			// PocketBase sends SAMEORIGIN and drops it for files; frame-ancestors 'none' rules anyway
			h.Set(k, v)
		case h.Get(k) == "":
			h.Set(k, v)
		}
	}
}

// headerWriter calls finish once, just before the status line is written.
type headerWriter struct {
	http.ResponseWriter
	done bool
}

func (w *headerWriter) WriteHeader(status int) {
	if !w.done {
		w.done = true
		finish(w.ResponseWriter.Header())
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *headerWriter) Write(b []byte) (int, error) {
	if !w.done {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController (flushes of the realtime stream) and PocketBase's write
// tracking reach the writer underneath.
func (w *headerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// HeadersMiddlewareID is the id of the middleware that gives every response its headers.
const HeadersMiddlewareID = "azxSecurityHeaders"

// ownPolicy reports whether a path's handler sets its own Content-Security-Policy when none is
// set: PocketBase's admin UI, and stored files (a sandbox).
func ownPolicy(path string) bool {
	return strings.HasPrefix(path, "/_/") || strings.HasPrefix(path, "/api/files/")
}

func headersMiddleware() *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id: HeadersMiddlewareID,
		// right after PocketBase's own security headers (which it overrides) and before its rate
		// limits and AZX's refusals, so a 403 or a 429 carries them too
		Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 1,
		Func: func(e *core.RequestEvent) error {
			// set now, so an error answered by the router (which writes past our wrapper) has them
			h := e.Response.Header()
			for k, v := range kinds["api"] {
				if k != "Content-Security-Policy" || !ownPolicy(e.Request.URL.Path) {
					h.Set(k, v)
				}
			}
			e.Response = &headerWriter{ResponseWriter: e.Response}
			return e.Next()
		},
	}
}
