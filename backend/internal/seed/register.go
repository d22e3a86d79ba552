package seed

import "github.com/pocketbase/pocketbase"

// Register adds the `seed` command.
func Register(app *pocketbase.PocketBase) {
	app.RootCmd.AddCommand(command(app))
}
