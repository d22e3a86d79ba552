package reference

import (
	"strings"

	"azx/backend/internal/vocab"
)

// LevelOf is the level a six-digit code names by its form (xx0000 province, xxxx00 city, else
// county: the suffixes of vocab.RegionLevel), "" for anything that is not six digits.
func LevelOf(code string) string {
	if len(code) != 6 || strings.Trim(code, "0123456789") != "" {
		return ""
	}
	for _, t := range vocab.RegionLevel.Terms {
		if suffix, _ := t.Attrs["suffix"].(string); strings.HasSuffix(code, suffix) {
			return t.Code
		}
	}
	return ""
}

// ParentOf is the code of the division above by the code's form ("" for a province or a
// malformed code): a county's city xxxx00, a city's province xx0000.
func ParentOf(code string) string {
	switch LevelOf(code) {
	case vocab.RegionLevelCity:
		return code[:2] + "0000"
	case vocab.RegionLevelCounty:
		return code[:4] + "00"
	}
	return ""
}
