package numbering

import (
	"bytes"
	"encoding/json"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/definitions"
	"azx/backend/internal/stored"
)

// assignOnCreate gives a new record the numbers its definition asks for (x-number). A record
// written for a signed-in user always gets the server's number, whatever the client sent; code
// and superusers (the seed, an import of another system's records) may bring their own, and a
// number in the server's format then moves its sequence past it.
func assignOnCreate(e *core.RecordEvent) error {
	r := e.Record
	def, data := numbered(e.App, r)
	if def == nil {
		return e.Next()
	}
	byUser := audit.UserID(r) != ""
	region := r.GetString("region_code")
	if region == "" {
		region = "000000" // a record without a region (none today) still gets a number
	}
	for _, n := range def.Numbers {
		given, _ := data[n.Property].(string)
		if given != "" && !byUser {
			if prefix, reg, year, seq, ok := Parse(given); ok {
				if err := Reserve(e.App, Scope(prefix, reg, year), seq); err != nil {
					return err
				}
			}
			continue
		}
		year := ThisYear()
		if d, ok := data[n.Date].(string); ok {
			if y, ok := YearOf(d); ok {
				year = y
			}
		}
		seq, err := Next(e.App, Scope(n.Prefix, region, year))
		if err != nil {
			return err
		}
		data[n.Property] = Format(n.Prefix, region, year, seq)
	}
	if err := setData(r, data); err != nil {
		return err
	}
	return e.Next()
}

// keepOnUpdate: a correction never changes an assigned number; the stored one stays.
func keepOnUpdate(e *core.RecordEvent) error {
	r := e.Record
	def, data := numbered(e.App, r)
	if def == nil {
		return e.Next() // nothing numbered: no need to read the stored row
	}
	prev := stored.Previous(e.App, r)
	if prev == nil {
		return e.Next()
	}
	old := decode(prev.Get("data"))
	changed := false
	for _, n := range def.Numbers {
		was, ok := old[n.Property]
		if ok && data[n.Property] != was {
			data[n.Property] = was
			changed = true
		}
	}
	if changed {
		if err := setData(r, data); err != nil {
			return err
		}
	}
	return e.Next()
}

// numbered is the record's definition when it numbers anything, with the record's data.
func numbered(app core.App, r *core.Record) (*definitions.Definition, map[string]any) {
	def, err := definitions.Lookup(app, r.GetString("definition"), r.GetInt("version"))
	if err != nil || len(def.Numbers) == 0 {
		return nil, nil
	}
	data := decode(r.Get("data"))
	if data == nil {
		return nil, nil
	}
	return def, data
}

func decode(v any) map[string]any {
	raw := definitions.RawJSON(v)
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // numbers are written back exactly as they came
	var m map[string]any
	if dec.Decode(&m) != nil {
		return nil
	}
	return m
}

func setData(r *core.Record, data map[string]any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	r.Set("data", json.RawMessage(raw))
	return nil
}
