package definitions

import "github.com/pocketbase/pocketbase"

// Register wires the definition lifecycle hooks and the `definitions load` command.
func Register(app *pocketbase.PocketBase) {
	BindHooks(app)
	app.RootCmd.AddCommand(command(app))
}
