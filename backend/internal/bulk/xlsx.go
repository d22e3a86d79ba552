package bulk

import (
	"bytes"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// An XLSX upload is read from its first sheet like a CSV: the first row is the header, each
// row after it one record. Cells are read raw (a date cell is its day serial, converted by the
// column's schema in coerce.go), so a number format in the workbook never changes a value.

var zipMagic = []byte("PK\x03\x04")

func isXLSX(raw []byte) bool { return bytes.HasPrefix(raw, zipMagic) }

func parseXLSX(raw []byte, cols columns) (*source, error) {
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, badInput("XLSX 文件无法打开："+err.Error(), "The XLSX file cannot be opened: "+err.Error())
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, badInput("XLSX 文件没有工作表", "The XLSX file has no sheet")
	}
	var open *excelize.Rows // the sheet as last opened: closed when it is read again or the upload ends
	release := func() {
		if open != nil {
			open.Close()
			open = nil
		}
	}
	t := &table{cols: cols, open: func() (recordReader, error) {
		release()
		rows, err := f.Rows(sheets[0])
		if err != nil {
			return nil, badInput("XLSX 工作表无法读取："+err.Error(), "The XLSX sheet cannot be read: "+err.Error())
		}
		open = rows
		return &sheetReader{rows: rows, width: -1}, nil
	}}
	src, err := t.checked()
	if err != nil {
		release()
		f.Close()
		return nil, err
	}
	src.close = func() { release(); f.Close() }
	return src, nil
}

// sheetReader reads a sheet's rows as records as wide as the header: a spreadsheet leaves
// trailing empty cells out, which is not a wrong number of cells.
type sheetReader struct {
	rows  *excelize.Rows
	width int
}

func (s *sheetReader) Read() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	rec, err := s.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	if s.width < 0 {
		for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
			rec = rec[:len(rec)-1]
		}
		s.width = len(rec)
		return rec, nil
	}
	for len(rec) > s.width && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	for len(rec) < s.width {
		rec = append(rec, "")
	}
	return rec, nil
}
