// Package builtin loads the built-in data a release binary carries (form definitions and
// whatever else scripts/pocketbase.mjs prepareData loads in a checkout) when it starts serving,
// so a new release's definitions are published on the first start after an upgrade, as its
// migrations are applied.
//
// Each folder files/<name> is loaded by the binary's own `<name> load --from <folder>` command,
// the one prepareData runs, so adding a data set to prepareData's list is all a release needs.
package builtin

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/spf13/cobra"
)

// ServeHookID is the id of the serve hook that loads the built-in data.
const ServeHookID = "azxBuiltinLoad"

// Names lists the embedded data sets ("definitions", ...).
func Names() ([]string, error) {
	if !embedded {
		return nil, nil
	}
	entries, err := fs.ReadDir(files, "files")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// Register loads every embedded data set before a release binary starts listening; a data set
// that fails to load stops the start.
func Register(app *pocketbase.PocketBase) {
	if !embedded {
		return
	}
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: ServeHookID,
		Func: func(se *core.ServeEvent) error {
			if err := Load(app); err != nil {
				return err
			}
			return se.Next()
		},
	})
}

// Load runs `<name> load --from <copy>` for every embedded data set.
func Load(app *pocketbase.PocketBase) error {
	names, err := Names()
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := loadOne(app, name); err != nil {
			return fmt.Errorf("built-in %s: %w", name, err)
		}
	}
	return nil
}

func loadOne(app *pocketbase.PocketBase, name string) error {
	cmd := loadCommand(app.RootCmd, name)
	if cmd == nil || cmd.Flags().Lookup("from") == nil {
		return fmt.Errorf("this binary has no `%s load --from` command", name)
	}
	dir, err := os.MkdirTemp("", "azx-builtin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	sub, err := fs.Sub(files, filepath.ToSlash(filepath.Join("files", name)))
	if err != nil {
		return err
	}
	if err := os.CopyFS(dir, sub); err != nil {
		return err
	}
	fmt.Printf("built-in %s:\n", name)
	if err := cmd.Flags().Set("from", dir); err != nil {
		return err
	}
	cmd.SetOut(os.Stdout)
	return cmd.RunE(cmd, nil)
}

func loadCommand(root *cobra.Command, name string) *cobra.Command {
	for _, c := range root.Commands() {
		if c.Name() != name {
			continue
		}
		for _, sub := range c.Commands() {
			if sub.Name() == "load" {
				return sub
			}
		}
	}
	return nil
}
