package bulk

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// decodeText returns a text file as UTF-8: UTF-8 (with or without a BOM) as it is; otherwise
// GB18030, the superset of GBK that Excel and WPS write for "CSV" on a Chinese Windows. Which
// one it was is told back to the uploader.
func decodeText(raw []byte) ([]byte, string, error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if utf8.Valid(raw) {
		return raw, "utf-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", err
	}
	return out, "gb18030", nil
}
