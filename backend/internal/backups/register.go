// Package backups drives PocketBase's own backup system from the command line: the schedule and
// where backups go (a folder or S3-compatible storage), a backup now, the list, and an offline
// restore into a stopped server's data folder, also one that was destroyed (see README.md).
package backups

import "github.com/pocketbase/pocketbase"

// Register adds the `backups` command.
func Register(app *pocketbase.PocketBase) {
	app.RootCmd.AddCommand(command(app))
}
