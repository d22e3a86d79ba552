package seed

import (
	"errors"
	"io"
	"testing"
)

// A seed that fails part way leaves its committed chunks: the folder must not count as seeded,
// the error must say it is incomplete, and a second run must refuse it rather than add to it.
func TestFailedSeedLeavesAFolderMarkedIncomplete(t *testing.T) {
	app := newApp(t)
	p := Generate(withPacks(Config{Seed: 42, Enterprises: 40, Years: 2, EnterpriseLogins: 1}))
	p.Policies[len(p.Policies)-1].Premium = -100 // refused by the policy schema, after the enterprises are stored
	err := Write(app, p, io.Discard)
	if err == nil || !errors.Is(err, ErrIncomplete) {
		t.Fatalf("a failed seed returned %v", err)
	}
	if n, _ := app.CountRecords("enterprises"); n != 40 {
		t.Fatalf("%d enterprises stored before the failing policy, want 40", n)
	}
	if Seeded(app) {
		t.Fatal("an incomplete folder counts as seeded")
	}
	if err := Write(app, Generate(p.Config), io.Discard); !errors.Is(err, ErrIncomplete) {
		t.Fatalf("a second seed on the incomplete folder returned %v", err)
	}
	if n, _ := app.CountRecords("policies"); int(n) >= len(p.Policies) {
		t.Fatalf("the second run added policies (%d)", n)
	}
}
