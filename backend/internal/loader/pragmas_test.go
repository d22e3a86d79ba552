package loader_test

import (
	"testing"

	"azx/backend/internal/loader"
	"azx/backend/internal/testapp"
)

// The batch writers' settings hold while any of them runs (two overlapping uploads)
// and give the connection back as it was once the last one ends.
func TestTuneWriterRestoresTheConnection(t *testing.T) {
	app := testapp.New(t)
	db := app.NonconcurrentDB()
	read := func() map[string]int {
		out := map[string]int{}
		for _, name := range []string{"cache_size", "wal_autocheckpoint"} {
			var v int
			if err := db.NewQuery("PRAGMA " + name).Row(&v); err != nil {
				t.Fatal(err)
			}
			out[name] = v
		}
		return out
	}
	tuned := map[string]int{}
	for _, p := range loader.UploadPragmas {
		tuned[p.Name] = p.Value
	}
	before := read()
	for name, v := range tuned {
		if before[name] == v {
			t.Fatalf("%s was already %d: the test shows nothing", name, v)
		}
	}
	check := func(when string, want map[string]int) {
		t.Helper()
		if got := read(); got["cache_size"] != want["cache_size"] || got["wal_autocheckpoint"] != want["wal_autocheckpoint"] {
			t.Errorf("%s: %v, want %v", when, got, want)
		}
	}
	first, err := loader.TuneWriter(app, loader.UploadPragmas)
	if err != nil {
		t.Fatal(err)
	}
	check("during a batch", tuned)
	second, err := loader.TuneWriter(app, loader.UploadPragmas)
	if err != nil {
		t.Fatal(err)
	}
	first()
	first() // a restore called twice counts once
	check("while the second batch still runs", tuned)
	second()
	check("after both", before)
}
