package bulk

import (
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/packs"
)

// writeFlags stores one system finding per rule a record imported in import mode breaks, in
// the row's transaction (a row and its flags go in together or not at all); they carry the
// rule's code and source, the row of the file and the upload, and the policy's parties and
// region so the regulators of the region and the insurer read them.
func writeFlags(tx core.App, col *core.Collection, u *uploader, rec *core.Record, row int, problems []packs.Problem) ([]Flag, error) {
	out := make([]Flag, 0, len(problems))
	for _, p := range problems {
		f := core.NewRecord(col)
		f.Set("policy", rec.Id)
		f.Set("enterprise", rec.GetString("enterprise"))
		f.Set("insurer", rec.GetString("insurer"))
		f.Set("rule", p.Code)
		f.Set("path", p.Path)
		f.Set("source", p.Source.Zh)
		f.Set("message_zh", p.Zh)
		f.Set("message_en", p.En)
		f.Set("row", row)
		f.Set("upload", u.upload)
		for _, c := range []string{"region_code", "city_code", "province_code"} {
			f.Set(c, rec.GetString(c))
		}
		if err := tx.Save(f); err != nil {
			return nil, err
		}
		fe := fieldError(p.Code, p.Zh, p.En, u.lang)
		out = append(out, Flag{Code: p.Code, Path: p.Path, Source: p.Source.Zh, SourceEn: p.Source.En,
			Message: fe.Message, MessageZh: p.Zh, MessageEn: p.En})
	}
	return out, nil
}
