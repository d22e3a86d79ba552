package bulk

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeText returns a text file as UTF-8: UTF-8 (with or without a BOM) as it is; otherwise
// GB18030, the superset of GBK that Excel and WPS write for "CSV" on a Chinese Windows. Which
// one it was is told back to the uploader.
func decodeText(raw []byte) ([]byte, string, error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if !textual(raw) {
		return nil, "", errNotText
	}
	if utf8.Valid(raw) {
		return raw, "utf-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", err
	}
	if bytes.ContainsRune(out, utf8.RuneError) {
		return nil, "", errNotText
	}
	return out, "gb18030", nil
}

var errNotText = errors.New("not text")

// textual: no control characters but tab and line ends, as in any CSV or JSON a person or a
// spreadsheet writes; an image or another binary file has them within its first bytes.
func textual(raw []byte) bool {
	for _, b := range raw[:min(len(raw), 64<<10)] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return false
		}
	}
	return true
}
