package bulk

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// ReadTable reads an uploaded table for another route (a round's findings sheet): the same
// files as a bulk upload (a multipart `file`: CSV in UTF-8 or GBK/GB18030, XLSX, a JSON array;
// or a JSON body {"rows": [...]}), with the same limits and refusals. names maps each column to
// the headers that may name it (its path, Chinese and English titles; case and spaces
// ignored); cells are kept as text. It answers the rows and the encoding read.
func ReadTable(e *core.RequestEvent, names map[string][]string) ([]Row, string, *RequestError) {
	aliases := map[string]string{}
	for column, spellings := range names {
		aliases[normHeader(column)] = column
		for _, s := range spellings {
			aliases[normHeader(s)] = column
		}
	}
	cols := columns{aliases: aliases, coerce: func(_, cell string) any { return cell }}
	src, encoding, rerr := readRows(e, cols)
	if rerr != nil {
		return nil, "", rerr
	}
	defer src.done()
	// a findings sheet is small (the upload limits hold it): its rows are kept whole
	var rows []Row
	if err := src.each(func(r Row) bool { rows = append(rows, r); return true }); err != nil {
		if re, ok := err.(*RequestError); ok {
			return nil, "", re
		}
		return nil, "", badInput("文件无法读取："+err.Error(), "The file cannot be read: "+err.Error())
	}
	return rows, encoding, nil
}

// Text is a row's cell as text (a JSON row may hold a number), trimmed.
func Text(fields map[string]any, column string) string {
	v, ok := fields[column]
	if !ok || v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(fmt.Sprint(v))
}
