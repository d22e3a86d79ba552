package records

import "github.com/pocketbase/pocketbase"

// Register wires this package's hooks, routes and commands into the app.
func Register(app *pocketbase.PocketBase) {}
