package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Evidence, photos and sign-in sheets show people and premises: a file is served only with a
// short-lived file token of a user who may view its record (PocketBaseStore.fileUrl asks for one),
// never to whoever learns its URL.
var protectedFiles = map[string][]string{
	"service_reports": {"evidence"},
	"hazards":         {"photos"},
	"hazard_events":   {"evidence"},
}

func setFilesProtected(app core.App, protected bool) error {
	for name, fields := range protectedFiles {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		for _, field := range fields {
			if f, ok := col.Fields.GetByName(field).(*core.FileField); ok {
				f.Protected = protected
			}
		}
		if err := app.Save(col); err != nil {
			return err
		}
	}
	return nil
}

func init() {
	m.Register(func(app core.App) error {
		return setFilesProtected(app, true)
	}, func(app core.App) error {
		return setFilesProtected(app, false)
	})
}
