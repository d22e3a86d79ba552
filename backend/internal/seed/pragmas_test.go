package seed

import "testing"

// The seed's writer settings hold while it runs and give the connection back as it was.
func TestTuneWriterRestoresTheConnection(t *testing.T) {
	app := newApp(t)
	db := app.NonconcurrentDB()
	read := func() map[string]int {
		out := map[string]int{}
		for _, p := range writerPragmas {
			var v int
			if err := db.NewQuery("PRAGMA " + p.name).Row(&v); err != nil {
				t.Fatal(err)
			}
			out[p.name] = v
		}
		return out
	}
	before := read()
	restore, err := tuneWriter(app)
	if err != nil {
		t.Fatal(err)
	}
	during := read()
	for _, p := range writerPragmas {
		if during[p.name] != p.value {
			t.Errorf("%s = %d during the seed, want %d", p.name, during[p.name], p.value)
		}
		if before[p.name] == p.value {
			t.Errorf("%s was already %d: the test shows nothing", p.name, p.value)
		}
	}
	restore()
	if after := read(); after["cache_size"] != before["cache_size"] || after["wal_autocheckpoint"] != before["wal_autocheckpoint"] {
		t.Errorf("after the seed %v, before %v", after, before)
	}
}
