package security

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// QueryMiddlewareID is the id of the middleware that refuses malformed query strings.
const QueryMiddlewareID = "azxWellFormedQuery"

// wellFormed reports whether a raw query string decodes, to valid UTF-8. Go's URL.Query() drops a
// pair it cannot decode without a word, so ?region=%E0%A4%A used to answer for the whole scope.
func wellFormed(raw string) bool {
	values, err := url.ParseQuery(raw)
	if err != nil {
		return false
	}
	for k, vs := range values {
		if !utf8.ValidString(k) {
			return false
		}
		for _, v := range vs {
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				return false
			}
		}
	}
	return true
}

// wellFormedQuery answers 400 to a request under /api/azx/ whose query string does not decode.
func wellFormedQuery() *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id:       QueryMiddlewareID,
		Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 3,
		Func: func(e *core.RequestEvent) error {
			if strings.HasPrefix(e.Request.URL.Path, "/api/azx/") && !wellFormed(e.Request.URL.RawQuery) {
				return e.BadRequestError("查询参数不是有效的 UTF-8 百分号编码 / The query string is not valid percent-encoded UTF-8.", nil)
			}
			return e.Next()
		},
	}
}
