package lifecycle

import (
	"context"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// PublishFile stores a built-in document (a file of the repository) as the newest published
// version of its key: version 1 for a new key, N+1 when its hash differs from the latest
// published version's, nothing when it is the same. fill sets the record's content fields; the
// hooks of the collection validate the save as they would an administrator's (ctx reaches them).
func PublishFile(ctx context.Context, app core.App, collection, key, hash string, fill func(r *core.Record)) (string, error) {
	col, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		return "", err
	}
	latest := &core.Record{}
	err = app.RecordQuery(col).
		AndWhere(dbx.HashExp{"key": key, "status": Published}).
		OrderBy("version DESC").Limit(1).One(latest)
	if err == nil && latest.GetString("hash") == hash {
		return fmt.Sprintf("%s: unchanged (version %d)", key, latest.GetInt("version")), nil
	}
	var maxVersion int
	_ = app.DB().Select("COALESCE(MAX([[version]]), 0)").From(collection).
		Where(dbx.HashExp{"key": key}).Row(&maxVersion)

	r := core.NewRecord(col)
	r.Set("key", key)
	r.Set("version", maxVersion+1)
	r.Set("status", Published)
	fill(r)
	if err := app.SaveWithContext(ctx, r); err != nil {
		if errs, ok := err.(validation.Errors); ok {
			return "", fmt.Errorf("refused:\n%s", validation.Describe(errs, "en"))
		}
		return "", err
	}
	return fmt.Sprintf("%s: published version %d", key, maxVersion+1), nil
}
