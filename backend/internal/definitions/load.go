package definitions

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/spf13/cobra"

	"azx/backend/internal/lifecycle"
)

// File is one built-in definition file in schemas/definitions.
type File struct {
	Key      string          `json:"key"`
	Title    string          `json:"title"`
	Industry string          `json:"industry"`
	Base     string          `json:"base"`
	Schema   json.RawMessage `json:"schema"`
}

func command(app *pocketbase.PocketBase) *cobra.Command {
	return lifecycle.LoadCommand(app, "definitions", "Manage form definitions",
		"Load schemas/definitions/*.json as published versions (a changed file becomes version N+1)", "../schemas/definitions", LoadDir)
}

// LoadDir publishes every *.json definition file of dir: version 1 when the key is new, version
// N+1 when the schema differs from the latest published one, nothing when unchanged.
func LoadDir(app core.App, dir string, out io.Writer) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("no definition files (*.json) in %s", dir)
	}
	sort.Strings(paths)
	for _, p := range paths {
		msg, err := loadFile(app, p)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		fmt.Fprintln(out, msg)
	}
	return nil
}

func loadFile(app core.App, path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var f File
	if err := json.Unmarshal(raw, &f); err != nil {
		return "", fmt.Errorf("not a definition file: %w", err)
	}
	if f.Key == "" || len(f.Schema) == 0 {
		return "", fmt.Errorf("a definition file needs \"key\" and \"schema\"")
	}
	hash, err := Hash(f.Schema)
	if err != nil {
		return "", err
	}
	return lifecycle.PublishFile(context.Background(), app, Collection, f.Key, hash, func(r *core.Record) {
		r.Set("title", f.Title)
		r.Set("industry", f.Industry)
		r.Set("base", f.Base)
		r.Set("schema", types.JSONRaw(f.Schema))
	})
}
