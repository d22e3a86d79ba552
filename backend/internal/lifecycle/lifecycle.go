// Package lifecycle is the life of a versioned document that administrators publish: form
// definitions (internal/definitions) and rule packs (internal/packs). A version is a draft
// until it is published, then immutable; it may be retired, never brought back; only drafts
// are deleted. Each kind names its codes and words (Kind); the rules are written once here.
package lifecycle

import (
	"io"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/spf13/cobra"

	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// Statuses of a version: the definition-status vocabulary's (schemas/vocabularies/
// definition-status.json), which rule packs share.
const (
	Draft     = vocab.DefinitionStatusDraft
	Published = vocab.DefinitionStatusPublished
	Retired   = vocab.DefinitionStatusRetired
)

// moves reports an allowed status move: staying, or to the status's `next` (draft → published
// → retired, nothing back).
func moves(from, to string) bool {
	next, _ := vocab.DefinitionStatus.Attr(from, "next").(string)
	return vocab.DefinitionStatus.Has(from) && (to == from || to == next)
}

// Kind describes one kind of versioned document.
type Kind struct {
	// Code prefixes the error codes: "definition" gives definition_immutable, ...
	Code string
	// Name in both languages: 表单定义 / definition.
	Zh, En string
	// Content lists the fields a published version may never change, besides key and version;
	// Hash(record, field) says whether a field changed (canonical JSON, so formatting does not).
	Content []string
	// Hash gives a field's fingerprint; nil compares the raw values.
	Hash func(r *core.Record, field string) string
}

func (k Kind) fingerprint(r *core.Record, field string) string {
	if k.Hash != nil {
		return k.Hash(r, field)
	}
	return r.GetString(field)
}

// Check applies the lifecycle to a save of r (orig is the stored row, nil for a new one):
// the version number, the status move, immutability once published, and published_at (set
// by the server when a version is published, kept afterwards, empty for drafts).
func (k Kind) Check(r, orig *core.Record, errs validation.Errors) {
	if r.GetInt("version") < 1 {
		validation.Add(errs, "version", validation.New(k.Code+"_version", "版本号必须是不小于 1 的整数", "The version must be a whole number of at least 1"))
	}
	status := r.GetString("status")
	if orig == nil {
		if status == Retired {
			validation.Add(errs, "status", validation.New(k.Code+"_status_transition",
				"新建的"+k.Zh+"只能是草稿或已发布", "A new "+k.En+" must be draft or published"))
		}
	} else {
		from := orig.GetString("status")
		if !moves(from, status) {
			validation.Add(errs, "status", validation.New(k.Code+"_status_transition",
				k.Zh+"状态只能由草稿→已发布→已停用，不能从 "+from+" 改为 "+status,
				"A "+k.En+" moves only draft → published → retired, not "+from+" → "+status))
		}
		if from != Draft {
			for _, f := range k.Content {
				if k.fingerprint(orig, f) != k.fingerprint(r, f) {
					validation.Add(errs, f, validation.New(k.Code+"_immutable",
						"已发布的"+k.Zh+"不能修改 "+f+"，请发布新版本", "A published "+k.En+"'s "+f+" cannot change; publish a new version"))
				}
			}
			if orig.GetString("key") != r.GetString("key") {
				validation.Add(errs, "key", validation.New(k.Code+"_immutable",
					"已发布的"+k.Zh+"不能修改标识", "A published "+k.En+"'s key cannot change"))
			}
			if orig.GetInt("version") != r.GetInt("version") {
				validation.Add(errs, "version", validation.New(k.Code+"_immutable",
					"已发布的"+k.Zh+"不能修改版本号", "A published "+k.En+"'s version cannot change"))
			}
		}
		if from == Published || from == Retired {
			r.Set("published_at", orig.Get("published_at"))
		}
	}
	if status == Published && (orig == nil || orig.GetString("status") == Draft) {
		r.Set("published_at", types.NowDateTime())
	}
	if status == Draft {
		r.Set("published_at", "")
	}
}

// CheckDelete refuses deleting a version that is no longer a draft.
func (k Kind) CheckDelete(orig *core.Record) error {
	if orig != nil && orig.GetString("status") != Draft {
		return validation.Errors{"status": validation.New(k.Code+"_not_draft",
			"只能删除草稿状态的"+k.Zh, "Only draft "+k.En+"s can be deleted")}
	}
	return nil
}

// LoadCommand is the `<use> load [--from dir]` command of a kind whose built-in versions are
// files: it runs the migrations, then loadDir publishes the files of dir.
func LoadCommand(app core.App, use, short, loadShort, from string, loadDir func(app core.App, dir string, out io.Writer) error) *cobra.Command {
	root := &cobra.Command{Use: use, Short: short}
	load := &cobra.Command{
		Use:   "load",
		Short: loadShort,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := app.RunAllMigrations(); err != nil {
				return err
			}
			return loadDir(app, from, cmd.OutOrStdout())
		},
	}
	load.Flags().StringVar(&from, "from", from, "folder of the files to load")
	root.AddCommand(load)
	return root
}
