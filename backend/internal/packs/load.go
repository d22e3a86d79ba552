package packs

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/spf13/cobra"

	"azx/backend/internal/lifecycle"
	"azx/backend/internal/validation"
)

// MetaSchemaFile is the file of the packs folder that is not a pack.
const MetaSchemaFile = "pack.schema.json"

func command(app *pocketbase.PocketBase) *cobra.Command {
	return lifecycle.LoadCommand(app, "packs", "Manage rule packs",
		"Load schemas/packs/*.json as published versions (a changed file becomes version N+1)", "../schemas/packs", LoadDir)
}

// ReadDir reads the pack files of dir (every *.json but the meta-schema), widest jurisdiction
// first, so a pack's parent is in place before it.
func ReadDir(dir string) ([]map[string]any, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var docs []map[string]any
	for _, p := range paths {
		if filepath.Base(p) == MetaSchemaFile {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		doc, ok := decodeJSON(raw).(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: not a JSON object", filepath.Base(p))
		}
		doc["_file"] = filepath.Base(p)
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no pack files (*.json) in %s", dir)
	}
	depth := func(d map[string]any) int {
		j, _ := d["jurisdiction"].(string)
		return len(levels(j))
	}
	sort.SliceStable(docs, func(i, k int) bool {
		if depth(docs[i]) != depth(docs[k]) {
			return depth(docs[i]) < depth(docs[k])
		}
		a, _ := docs[i]["_file"].(string)
		b, _ := docs[k]["_file"].(string)
		return a < b
	})
	return docs, nil
}

// LoadDir publishes the pack files of dir in one transaction: each as version 1 of its key, or
// N+1 when it differs from the latest published version, or nothing when unchanged. The files'
// tests run once all are in place (a national pack's tests may need the national tables of
// another file); any failure loads nothing.
func LoadDir(app core.App, dir string, out io.Writer) error {
	docs, err := ReadDir(dir)
	if err != nil {
		return err
	}
	var lines []string
	err = app.RunInTransaction(func(tx core.App) error {
		ctx := context.WithValue(context.Background(), batchKey{}, true)
		var changed []string
		for _, doc := range docs {
			file, _ := doc["_file"].(string)
			delete(doc, "_file")
			key, _ := doc["key"].(string)
			hash, err := HashDoc(doc)
			if err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			msg, err := lifecycle.PublishFile(ctx, tx, Collection, key, hash, func(r *core.Record) { fillRow(r, doc) })
			if err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			lines = append(lines, msg)
			if !strings.Contains(msg, "unchanged") {
				changed = append(changed, key)
			}
		}
		published, err := Load(tx)
		if err != nil {
			return err
		}
		for _, d := range published {
			if !contains(changed, d.Key) {
				continue
			}
			errs := validation.Errors{}
			TestErrors(RunTests(d, published), errs)
			if len(errs) > 0 {
				return fmt.Errorf("pack %s: tests fail:\n%s", d.Key, validation.Describe(errs, "en"))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range lines {
		fmt.Fprintln(out, l)
	}
	Invalidate()
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fillRow sets a row's content columns from a pack document.
func fillRow(r *core.Record, doc map[string]any) {
	for _, f := range contentFields {
		v, has := doc[f]
		switch {
		case jsonFields[f]:
			if !has || v == nil {
				r.Set(f, nil)
			} else {
				r.Set(f, types.JSONRaw(mustJSON(v)))
			}
		default:
			s, _ := v.(string)
			r.Set(f, s)
		}
	}
}

// Shipped reads the pack files of dir as if each were published as version 1: the packs a
// fresh data folder holds after `packs load` (the seed plans with them, tests use them).
func Shipped(dir string) (*Snapshot, error) {
	files, err := ReadDir(dir)
	if err != nil {
		return nil, err
	}
	docs := make([]*Doc, 0, len(files))
	for _, doc := range files {
		file := doc["_file"]
		delete(doc, "_file")
		d, errs := Check(doc)
		if errs != nil {
			return nil, fmt.Errorf("%v: %s", file, validation.Describe(errs, "en"))
		}
		d.Version, d.Status = 1, lifecycle.Published
		docs = append(docs, d)
	}
	return NewSnapshot(docs), nil
}
