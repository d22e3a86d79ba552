package coverage

import (
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/bulk"
)

// The inspectors' findings sheet: a round's findings from the file the team kept (XLSX, CSV in
// UTF-8 or GBK, JSON), one finding a row: the policy number, the category (its code, or its
// Chinese or English title as the packs name it) and a note. Each row is judged as a single
// finding is (findingCheck); a refused row is listed with its field errors in both languages
// and the others are stored. A row already stored for the round (same policy, category and
// note) is "unchanged", so a sheet sent again stores nothing twice. Only a draft round takes a
// sheet: a published round is what the bulletin rests on.

// sheetColumns are the sheet's columns and the headers that may name them.
var sheetColumns = map[string][]string{
	"policy_no": {"保单号", "保单号码", "保险单号", "Policy number", "Policy no", "policy"},
	"category":  {"问题类别", "问题类型", "类别", "类别代码", "Category", "Problem category", "Category code"},
	"note":      {"说明", "备注", "问题描述", "Note", "Notes", "Description"},
}

// SheetResult is the answer to a findings sheet, in the shape of a bulk upload's.
type SheetResult struct {
	Created   int            `json:"created"`
	Unchanged int            `json:"unchanged"`
	Failed    []bulk.Failure `json:"failed"`
	Encoding  string         `json:"encoding"`
}

// sheetField renames a single finding's fields to the sheet's columns.
var sheetField = map[string]string{"policy": "policy_no"}

func importFindingsSheet(e *core.RequestEvent, round *core.Record, inspected []string) (*SheetResult, error) {
	if roundOf(e.App, round).Status != "draft" {
		return nil, &apiError{Status: 400, Code: "round_published",
			Zh: "已发布的检查轮次不能再导入问题清单", En: "A published inspection round takes no findings sheet"}
	}
	rows, enc, rerr := bulk.ReadTable(e, sheetColumns)
	if rerr != nil {
		return nil, &apiError{Status: rerr.Status, Code: rerr.Code, Zh: rerr.Zh, En: rerr.En}
	}
	check, err := newFindingCheck(e.App, round, inspected)
	if err != nil {
		return nil, err
	}
	byNumber, err := sampledNumbers(e.App, check.sample)
	if err != nil {
		return nil, err
	}
	unmatched := map[string]bool{}
	for _, no := range roundOf(e.App, round).Unmatched {
		unmatched[no] = true
	}
	stored, err := storedFindings(e.App, round.Id)
	if err != nil {
		return nil, err
	}
	lang := language(e.Request)
	out := &SheetResult{Failed: []bulk.Failure{}, Encoding: enc}
	err = e.App.RunInTransaction(func(tx core.App) error {
		for _, row := range rows {
			no := bulk.Text(row.Fields, "policy_no")
			refuse := func(field string, ae *apiError) {
				out.Failed = append(out.Failed, bulk.Failure{Row: row.Num, Key: no, Errors: map[string]bulk.FieldError{field: fieldOf(ae, lang)}})
			}
			if row.Err != nil {
				refuse("row", &apiError{Code: row.Err.Code, Zh: row.Err.Zh, En: row.Err.En})
				continue
			}
			in, ae := sheetFinding(row.Fields, no, byNumber, unmatched, check.cats)
			if ae != nil {
				refuse(ae.Field, ae)
				continue
			}
			key := findingKey(in.Policy, in.Category, in.Note)
			if stored[key] {
				out.Unchanged++
				continue
			}
			f, err := check.record(tx, e.Auth, in)
			if err != nil {
				ae, ok := err.(*apiError)
				if !ok {
					return err
				}
				field := ae.Field
				if renamed, ok := sheetField[field]; ok {
					field = renamed
				} else if field == "" {
					field = "policy_no" // a region the team is not assigned
				}
				refuse(field, ae)
				continue
			}
			if err := tx.Save(f); err != nil {
				return err
			}
			stored[key] = true
			out.Created++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// sheetFinding reads one row into a finding, or refuses it at the column at fault.
func sheetFinding(fields map[string]any, no string, byNumber map[string]string, unmatched map[string]bool, cats []Category) (NewFinding, *apiError) {
	for column := range fields {
		if _, ok := sheetColumns[column]; !ok {
			return NewFinding{}, &apiError{Code: "findings_sheet_column", Field: column,
				Zh: "未知列：" + column + "（应为 保单号、问题类别、说明）", En: "Unknown column: " + column + " (expected policy number, category, note)"}
		}
	}
	if no == "" {
		return NewFinding{}, badParam("policy_no", "请填写保单号", "Give the policy number")
	}
	id, ok := byNumber[no]
	if !ok && unmatched[no] {
		return NewFinding{}, badParam("policy_no", "该保单未上传系统，不能登记问题（已计入未上传保单）",
			"This policy was never uploaded, so no finding can be recorded on it (it counts as not uploaded)")
	}
	if !ok {
		return NewFinding{}, badParam("policy_no", "该保单号不在本轮抽查样本中", "This policy number is not in the round's sample")
	}
	category, ok := categoryNamed(cats, bulk.Text(fields, "category"))
	if !ok {
		return NewFinding{}, badParam("category", "问题类别须为本地区规则包列出的类别代码或名称", "The category must be a code or title the region's rule packs list")
	}
	return NewFinding{Policy: id, Category: category, Note: bulk.Text(fields, "note")}, nil
}

// categoryNamed finds a category by its code or its Chinese or English title.
func categoryNamed(cats []Category, cell string) (string, bool) {
	cell = strings.TrimSpace(cell)
	for _, c := range cats {
		if cell != "" && (strings.EqualFold(cell, c.Code) || cell == c.Zh || strings.EqualFold(cell, c.En)) {
			return c.Code, true
		}
	}
	return "", false
}

// sampledNumbers maps the policy numbers of a round's sample to their ids.
func sampledNumbers(app core.App, sample map[string]bool) (map[string]string, error) {
	ids := make([]any, 0, len(sample))
	for id := range sample {
		ids = append(ids, id)
	}
	var rows []struct {
		ID string `db:"id"`
		No string `db:"policy_no"`
	}
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	if err := app.DB().Select("id", "policy_no").From("policies").Where(dbx.In("id", ids...)).All(&rows); err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.No] = r.ID
	}
	return out, nil
}

func findingKey(policy, category, note string) string {
	return policy + "\x00" + category + "\x00" + strings.TrimSpace(note)
}

// storedFindings are the round's findings already stored, by findingKey.
func storedFindings(app core.App, round string) (map[string]bool, error) {
	list, err := listFindings(app, round, "")
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(list))
	for _, f := range list {
		out[findingKey(f.Policy, f.Category, f.Note)] = true
	}
	return out, nil
}

// fieldOf is a refusal as a row's field error, in the caller's language.
func fieldOf(ae *apiError, lang string) bulk.FieldError {
	msg := ae.Zh
	if lang == "en" {
		msg = ae.En
	}
	return bulk.FieldError{Code: ae.Code, Message: msg, MessageZh: ae.Zh, MessageEn: ae.En}
}
