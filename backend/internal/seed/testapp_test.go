package seed

import (
	"testing"

	"github.com/pocketbase/pocketbase"

	"azx/backend/internal/testapp"
)

// newApp is a real AZX backend on a temporary data folder (see testapp.New).
func newApp(t testing.TB) *pocketbase.PocketBase {
	t.Helper()
	return testapp.New(t)
}
