package security

import (
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// cors replaces PocketBase's CORS middleware (which allows every origin unless --origins is
// given) with one that allows only the configured portal origins; with none configured, no
// cross-origin browser call is allowed (the portal served by azx-server is the same origin).
func cors(origins []string) *hook.Handler[*core.RequestEvent] {
	cfg := apis.CORSConfig{
		AllowOrigins: origins,
		AllowMethods: []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPatch, http.MethodPost, http.MethodDelete},
	}
	if len(origins) == 0 {
		cfg.AllowOriginFunc = func(string) (bool, error) { return false, nil }
	}
	h := apis.CORS(cfg)
	// an id of its own: unbinding PocketBase's also excludes its id from every route bound before
	h.Id = CORSMiddlewareID
	return h
}

// CORSMiddlewareID is the id of AZX's CORS middleware.
const CORSMiddlewareID = "azxCors"
