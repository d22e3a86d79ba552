package security

import (
	"errors"
	"net/http"
	"strings"
	"syscall"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"
)

// StorageMiddlewareID is the id of the middleware that names a full disk.
const StorageMiddlewareID = "azxStorageFull"

// diskFull reports whether err (or the error a PocketBase refusal wraps) is a full disk: SQLite's
// SQLITE_FULL or the operating system's ENOSPC.
func diskFull(err error) bool {
	for err != nil {
		if errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "database or disk is full") ||
			strings.Contains(err.Error(), "no space left on device") {
			return true
		}
		var api *router.ApiError
		if !errors.As(err, &api) {
			return false
		}
		inner, _ := api.RawData().(error)
		if inner == err {
			return false
		}
		err = inner
	}
	return false
}

// storageFull turns a write that failed on a full disk (PocketBase says only "Something went
// wrong") into 507 with a message in both languages; nothing of the write was stored.
func storageFull() *hook.Handler[*core.RequestEvent] {
	return &hook.Handler[*core.RequestEvent]{
		Id:       StorageMiddlewareID,
		Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 4,
		Func: func(e *core.RequestEvent) error {
			err := e.Next()
			if err != nil && diskFull(err) {
				e.App.Logger().Error("a write failed: the disk is full", "path", e.Request.URL.Path, "error", err)
				return router.NewApiError(http.StatusInsufficientStorage,
					"服务器存储空间已满，本次提交未保存，请稍后重试 / The server's storage is full: nothing of this request was stored; try again later.", nil)
			}
			return err
		},
	}
}
