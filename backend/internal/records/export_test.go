package records

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// LatestEarlierSQL is the renewal look-up every policy write runs, for the plan test.
const LatestEarlierSQL = latestEarlierSQL

// ListPlan is SQLite's plan of a records API list, its steps joined by " | ", for the plan tests.
func ListPlan(app core.App, collection *core.Collection, info *core.RequestInfo) (string, error) {
	steps, err := listPlan(app, collection, info)
	details := make([]string, len(steps))
	for i, s := range steps {
		details[i] = s.Detail
	}
	return strings.Join(details, " | "), err
}

// Analyze is the statistics refresh `serve` runs on start and hourly.
var Analyze = analyze
