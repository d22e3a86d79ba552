// Package cli makes the server's commands exit non-zero when they fail. PocketBase's Execute
// runs the root command in a goroutine and drops its error, so `azx-server seed` that failed
// used to exit 0 and scripts took a half-written data folder for a finished one.
package cli

import (
	"fmt"
	"sync/atomic"

	"github.com/spf13/cobra"
)

// Failures records whether any command's RunE returned an error.
type Failures struct{ failed atomic.Bool }

// Watch wraps the RunE of cmd and of every command below it (call it once every command is added).
func (f *Failures) Watch(cmd *cobra.Command) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(c *cobra.Command, args []string) error {
			err := run(c, args)
			if err != nil {
				f.failed.Store(true)
			}
			return err
		}
	}
	for _, sub := range cmd.Commands() {
		f.Watch(sub)
	}
}

// Failed reports whether a watched command failed.
func (f *Failures) Failed() bool { return f.failed.Load() }

// RefuseUnknown makes an unknown command an error of the root command, so it is watched too
// (cobra reports it from Execute, whose error PocketBase drops).
func RefuseUnknown(root *cobra.Command) {
	root.Args = cobra.ArbitraryArgs
	root.RunE = func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return fmt.Errorf("unknown command %q for %q; see %s --help", args[0], c.Name(), c.Name())
		}
		return c.Help()
	}
}
