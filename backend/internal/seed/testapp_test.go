package seed

import (
	"testing"

	"github.com/pocketbase/pocketbase"

	"azx/backend/internal/claims"
	"azx/backend/internal/testapp"
)

// newApp is a real AZX backend on a temporary data folder (see testapp.New), with the claims
// hooks the seed's claims are written through (their status, payments and deadlines).
func newApp(t testing.TB) *pocketbase.PocketBase {
	t.Helper()
	return testapp.New(t, claims.Register)
}
