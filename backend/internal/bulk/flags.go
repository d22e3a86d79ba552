package bulk

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/audit"
	"azx/backend/internal/loader"
	"azx/backend/internal/packs"
)

// flagRecords are the system findings of one record imported in import mode, one per rule it
// breaks: the rule's code and source, the row of the file and the upload, and the policy's
// parties and region so the regulators of the region and the insurer read them. They are stored
// after it in the chunk's transaction (storeFlags), their audit entries at the chunk's end
// (appendFlagEntries).
func flagRecords(col *core.Collection, u *uploader, rec *core.Record, row int, problems []packs.Problem) ([]*core.Record, []Flag) {
	recs := make([]*core.Record, 0, len(problems))
	out := make([]Flag, 0, len(problems))
	now := types.NowDateTime()
	for _, p := range problems {
		f := core.NewRecord(col)
		f.Set("id", core.GenerateDefaultRandomId())
		f.Set("policy", rec.Id)
		f.Set("enterprise", rec.GetString("enterprise"))
		f.Set("insurer", rec.GetString("insurer"))
		f.Set("rule", clip(p.Code, 100))
		f.Set("path", clip(p.Path, 200))
		f.Set("source", clip(p.Source.Zh, 500))
		f.Set("message_zh", clip(p.Zh, 2000))
		f.Set("message_en", clip(p.En, 2000))
		f.Set("row", row)
		f.Set("upload", u.upload)
		for _, c := range []string{"region_code", "city_code", "province_code"} {
			f.Set(c, rec.GetString(c))
		}
		f.SetRaw("created", now)
		f.SetRaw("updated", now)
		recs = append(recs, f)
		fe := fieldError(p.Code, p.Zh, p.En, u.lang)
		out = append(out, Flag{Code: p.Code, Path: p.Path, Source: p.Source.Zh, SourceEn: p.Source.En,
			Message: fe.Message, MessageZh: p.Zh, MessageEn: p.En})
	}
	return recs, out
}

// clip keeps s within the column's limit in characters (a pack's text is the server's, but the
// column's limit is PocketBase's, which this insert does not pass through).
func clip(s string, max int) string {
	if r := []rune(s); len(r) > max {
		return string(r[:max])
	}
	return s
}

// appendFlagEntries appends the audit entries of a chunk's flags under one head, at its end, once the
// flags are stored (flag): not a PocketBase save each, as the values are the server's own (the
// policy just stored, its parties and region, the packs' codes and texts), so the save's checks
// (three relation look-ups a flag) and hooks would only repeat what the import already knows.
// A flag that could not be stored fails the chunk here.
func appendFlagEntries(tx core.App, b *batch, actor string) error {
	if b.flagErr != nil {
		return b.flagErr
	}
	return audit.AppendExported(tx, b.pending, b.pendingRows, actor)
}

// flag stores the system findings of a row stored although the packs refuse it (import mode),
// beside it in the chunk's transaction (their audit entries follow at the chunk's end,
// appendFlagEntries), and returns them for the answer.
func (b *batch) flag(tx core.App, u *uploader, rec *core.Record, row int, problems []packs.Problem) []Flag {
	built := buildFlags(tx, b.flags, u, rec, row, problems)
	b.storeFlags(tx, built)
	return built.answer
}

// builtFlags are a row's system findings ready to insert: their records, the rows they export
// and what the answer says of them. Building them needs nothing of the transaction but the
// validated record, so the batch load builds them on the core that validated it (load.go), and
// the writer only inserts them.
type builtFlags struct {
	recs   []*core.Record
	rows   []map[string]any
	answer []Flag
	err    error
}

func buildFlags(app core.App, col *core.Collection, u *uploader, rec *core.Record, row int, problems []packs.Problem) builtFlags {
	if len(problems) == 0 {
		return builtFlags{}
	}
	recs, answer := flagRecords(col, u, rec, row, problems)
	built := builtFlags{recs: recs, rows: make([]map[string]any, len(recs)), answer: answer}
	for i, f := range recs {
		if built.rows[i], built.err = f.DBExport(app); built.err != nil {
			break
		}
	}
	return built
}

// storeFlags inserts a row's built flags in the chunk's transaction; the first failure fails the
// chunk at its end (appendFlagEntries).
func (b *batch) storeFlags(tx core.App, built builtFlags) {
	if len(built.recs) == 0 || b.flagErr != nil {
		return
	}
	if built.err != nil {
		b.flagErr = built.err
		return
	}
	if b.flagRows == nil {
		b.flagRows = loader.NewExported(tx, b.flags.Name)
	}
	for i, f := range built.recs {
		if err := b.flagRows.InsertRow(built.rows[i]); err != nil {
			b.flagErr = err
			return
		}
		b.pending = append(b.pending, f)
		b.pendingRows = append(b.pendingRows, built.rows[i])
	}
}
