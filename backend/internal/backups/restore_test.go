package backups

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tools/archive"
)

// a data folder as PocketBase's backup zips it
func backupOf(t *testing.T, files map[string]string) string {
	t.Helper()
	src := t.TempDir()
	for name, body := range files {
		p := filepath.Join(src, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zip := filepath.Join(t.TempDir(), "backup.zip")
	if err := archive.Create(src, zip); err != nil {
		t.Fatal(err)
	}
	return zip
}

func TestRestoreIntoAFolderThatIsGone(t *testing.T) {
	zip := backupOf(t, map[string]string{"data.db": "db", "storage/x/photo.png": "png"})
	dir := filepath.Join(t.TempDir(), "pb_data")
	var log bytes.Buffer
	if err := Restore(zip, dir, &log); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "storage/x/photo.png")); string(b) != "png" {
		t.Errorf("uploaded files not restored: %q", b)
	}
}

func TestRestoreKeepsTheFormerContentAsideAndTheBackupsLink(t *testing.T) {
	zip := backupOf(t, map[string]string{"data.db": "new"})
	parent := t.TempDir()
	dir := filepath.Join(parent, "pb_data")
	elsewhere := filepath.Join(parent, "elsewhere")
	os.MkdirAll(dir, 0o755)
	os.MkdirAll(elsewhere, 0o755)
	os.WriteFile(filepath.Join(dir, "data.db"), []byte("old"), 0o644)
	os.Symlink(elsewhere, filepath.Join(dir, "backups"))
	var log bytes.Buffer
	if err := Restore(zip, dir, &log); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "data.db")); string(b) != "new" {
		t.Errorf("data.db = %q", b)
	}
	if target, err := os.Readlink(filepath.Join(dir, "backups")); err != nil || target != elsewhere {
		t.Errorf("backups link: %q %v", target, err)
	}
	matches, _ := filepath.Glob(dir + ".replaced-*")
	if len(matches) != 1 {
		t.Fatalf("former content kept aside: %v (%s)", matches, log.String())
	}
	if b, _ := os.ReadFile(filepath.Join(matches[0], "data.db")); string(b) != "old" {
		t.Errorf("the former data.db is kept: %q", b)
	}
}

func TestRestoreRefusesAnArchiveWithoutADatabase(t *testing.T) {
	zip := backupOf(t, map[string]string{"notes.txt": "x"})
	dir := filepath.Join(t.TempDir(), "pb_data")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "data.db"), []byte("old"), 0o644)
	err := Restore(zip, dir, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no data.db") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "data.db")); string(b) != "old" {
		t.Errorf("the data folder was touched: %q", b)
	}
}

func TestIsRestore(t *testing.T) {
	for args, want := range map[string]bool{
		"backups restore x.zip --dir d": true,
		"backups restore --help":        false,
		"backups list":                  false,
		"serve":                         false,
	} {
		if got := IsRestore(strings.Fields(args)); got != want {
			t.Errorf("IsRestore(%q) = %v", args, got)
		}
	}
}
