package packs

import (
	"bytes"
	"encoding/json"

	"azx/backend/internal/definitions"
	"azx/backend/internal/validation"
)

// sameValue: two table values are the same JSON (numbers and key order aside).
func sameValue(a, b any) bool {
	ra, errA := json.Marshal(a)
	rb, errB := json.Marshal(b)
	if errA != nil || errB != nil {
		return false
	}
	ca, errA := definitions.Canonical(ra)
	cb, errB := definitions.Canonical(rb)
	return errA == nil && errB == nil && bytes.Equal(ca, cb)
}

// CheckChangedTables refuses a table of d that changes the value in force where and when d
// starts (the published packs without d's key) and names no source document: a rule that cites
// the table ("依据：{source}") would otherwise give its refusal without a basis. A table copied
// unchanged keeps the source of the one it copies (merge), so it needs none of its own.
func CheckChangedTables(d *Doc, published []*Doc, errs validation.Errors) {
	others := make([]*Doc, 0, len(published))
	for _, p := range published {
		if p.Key != d.Key {
			others = append(others, p)
		}
	}
	eff := NewSnapshot(others).Effective(d.Jurisdiction, d.EffectiveFrom)
	inForce := eff.Tables
	if eff.Proposed != nil {
		inForce = eff.Proposed.Tables
	}
	for _, name := range sortedKeys(d.Tables) {
		t := d.Tables[name]
		before, inherited := inForce[name]
		if !inherited || sameValue(before.Value, t.Value) || (t.Source != nil && t.Source.Document != "") {
			continue
		}
		fieldErr(errs, "tables."+name+".source", "pack_table_source_missing",
			"数据表「"+t.Title.Zh+"」改变了现行的取值，须注明依据（依据文件与条款）",
			"Table “"+t.Title.En+"” changes the value in force: name its source (a document and article)")
	}
}
