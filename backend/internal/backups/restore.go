package backups

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/archive"
	"github.com/pocketbase/pocketbase/tools/filesystem"
)

// Restore makes dataDir the content of a backup archive (a zip made by PocketBase), for a server
// that is stopped: PocketBase's own restore needs the running server and the data folder it
// replaces, and after a disaster there is neither. The archive is extracted next to dataDir and
// checked first; whatever dataDir held is kept aside as dataDir.replaced-<time>, never deleted;
// the backups folder (or its link to another disk) stays where it was.
func Restore(zipPath, dataDir string, log io.Writer) error {
	dataDir = filepath.Clean(dataDir)
	parent := filepath.Dir(dataDir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, ".azx-restore-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(staging)
	fmt.Fprintf(log, "extracting %s\n", zipPath)
	if err := archive.Extract(zipPath, staging); err != nil {
		return fmt.Errorf("the backup cannot be extracted: %w", err)
	}
	if fi, err := os.Stat(filepath.Join(staging, "data.db")); err != nil || fi.Size() == 0 {
		return errors.New("the backup holds no data.db: not a PocketBase backup")
	}

	if _, err := os.Lstat(dataDir); err == nil {
		entries, err := os.ReadDir(dataDir)
		if err != nil {
			return err
		}
		// keep the backups (a folder, or a link to another disk) where they are
		if _, err := os.Lstat(filepath.Join(dataDir, core.LocalBackupsDirName)); err == nil {
			if err := os.Rename(filepath.Join(dataDir, core.LocalBackupsDirName), filepath.Join(staging, core.LocalBackupsDirName)); err != nil {
				return err
			}
			entries, _ = os.ReadDir(dataDir)
		}
		if len(entries) > 0 {
			aside := fmt.Sprintf("%s.replaced-%s", dataDir, time.Now().UTC().Format("20060102T150405Z"))
			if err := os.Rename(dataDir, aside); err != nil {
				return err
			}
			fmt.Fprintf(log, "the former content of %s is kept in %s\n", dataDir, aside)
		} else if err := os.Remove(dataDir); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, dataDir); err != nil {
		return err
	}
	return nil
}

// fetch makes a local copy of a backup held by a storage (S3), in dir.
func fetch(fsys *filesystem.System, name, dir string) (string, error) {
	r, err := fsys.GetReader(name)
	if err != nil {
		return "", err
	}
	defer r.Close()
	f, err := os.CreateTemp(dir, "azx-backup-*.zip")
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(f, r); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), f.Close()
}
