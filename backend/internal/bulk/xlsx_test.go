package bulk

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func (w *world) get(t *testing.T, path, email string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", w.token(t, email))
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	return rec
}

// The template is what a clerk fills in: Chinese headers with notes, drop-down lists of the
// options' Chinese titles, a sheet explaining every column; filled in, it uploads as it is.
func TestXLSXTemplateHasNotesAndListsAndUploadsFilledIn(t *testing.T) {
	w := newWorld(t)
	rec := w.get(t, "/api/azx/bulk/policies/template.xlsx", "insurer-1@azx.demo")
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("template.xlsx: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	book, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := book.GetSheetList(); !slices.Equal(got, []string{dataSheet, notesSheet, optionsSheet}) {
		t.Fatalf("sheets %q", got)
	}
	header, _ := book.GetRows(dataSheet)
	if len(header) != 1 || header[0][0] != "投保单位统一社会信用代码" {
		t.Fatalf("the header row: %q", header)
	}
	// the notes sheet says each header's column path: the test fills the sheet by path
	notes, _ := book.GetRows(notesSheet)
	col := map[string]int{}
	for _, n := range notes[1:] {
		col[n[2]] = slices.Index(header[0], n[0])
	}
	for _, p := range []string{"policy_no", "status", "period.start", "legal_basis", "prevention_clause"} {
		if col[p] < 0 {
			t.Fatalf("no header for %s in %q", p, header[0])
		}
	}
	statusHeader := header[0][col["status"]]
	comments, _ := book.GetComments(dataSheet)
	statusCell, _ := excelize.CoordinatesToCellName(col["status"]+1, 1)
	var note string
	for _, c := range comments {
		if c.Cell == statusCell {
			note = c.Text
			for _, r := range c.Paragraph {
				note += r.Text
			}
		}
	}
	if !strings.Contains(note, "有效") || !strings.Contains(note, "status") {
		t.Fatalf("the note on %s (%s): %q", statusHeader, statusCell, note)
	}
	lists, _ := book.GetDataValidations(dataSheet)
	statusCol, _ := excelize.ColumnNumberToName(col["status"] + 1)
	var statusList string
	for _, dv := range lists {
		if strings.HasPrefix(dv.Sqref, statusCol+"2:") && dv.Type == "list" {
			statusList = dv.Formula1
		}
	}
	if !strings.Contains(statusList, optionsSheet) {
		t.Fatalf("no drop-down list on %s: %+v", statusHeader, lists)
	}
	options, _ := book.GetRows(optionsSheet)
	var offered []string
	for _, r := range options[1:] {
		for _, c := range r {
			offered = append(offered, c)
		}
	}
	if !slices.Contains(offered, "有效") || !slices.Contains(offered, "是") {
		t.Fatalf("the options sheet: %q", options)
	}

	// filled in as a clerk does: option titles from the lists, a date typed as a date (a day serial)
	e := w.enterprise(t, "330100")
	set := func(row int, path string, v any) {
		cell, _ := excelize.CoordinatesToCellName(col[path]+1, row)
		if err := book.SetCellValue(dataSheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for i, no := range []string{"XLSX-0001", "XLSX-0002"} {
		row := i + 2
		set(row, "policy_no", no)
		set(row, "enterprise_uscc", e.USCC)
		set(row, "insured.uscc", e.USCC)
		set(row, "insured.name", e.Name)
		set(row, "legal_basis", "应急〔2025〕27号")
		set(row, "status", "有效")
		set(row, "period.start", 46082) // 2026-03-01
		set(row, "period.end", "2027-02-28")
		set(row, "headcount", e.Headcount)
		set(row, "insured_persons", e.Headcount)
		set(row, "cover_per_person", 500000)
		set(row, "premium", []any{9800.5, -5}[i]) // the second is refused
		set(row, "prevention_clause", "是")
		set(row, "prevention_budget", 2000)
		set(row, "prevention_items", "01;03")
	}
	filled, err := book.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	ct, body := multipartFile(t, "filled.xlsx", filled.Bytes())
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if res.Status != 200 || res.Result.Encoding != "xlsx" || res.Result.Created != 1 || len(res.Result.Failed) != 1 ||
		res.Result.Failed[0].Row != 2 || res.Result.Failed[0].Errors["premium"].Code == "" {
		t.Fatalf("the filled template: %d %+v %v", res.Status, res.Result, res.Body)
	}
	stored, err := w.app.FindFirstRecordByData("policies", "policy_no", "XLSX-0001")
	if err != nil {
		t.Fatal(err)
	}
	if stored.GetString("status") != "active" || stored.GetString("legal_basis") != "2025" || !strings.HasPrefix(stored.GetString("period_start"), "2026-03-0") {
		t.Fatalf("stored: status %q legal_basis %q period_start %q", stored.GetString("status"), stored.GetString("legal_basis"), stored.GetString("period_start"))
	}
}

func TestABrokenXLSXIsRefusedWhole(t *testing.T) {
	w := newWorld(t)
	ct, body := multipartFile(t, "broken.xlsx", []byte("PK\x03\x04 not really a workbook"))
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if res.Status != 400 || res.Body["code"] != "bulk_invalid_file" || !strings.Contains(res.Body["message"].(string), "XLSX") {
		t.Fatalf("a broken XLSX: %d %v", res.Status, res.Body)
	}
}
