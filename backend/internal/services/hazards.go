package services

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/audit"
	"azx/backend/internal/records"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// HazardDefinition is the definition key of the hazard records a report creates.
const HazardDefinition = "hazard"

// foundHazards lists the report's data.hazards items.
func foundHazards(data map[string]any) []map[string]any {
	list, _ := data["hazards"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		m, _ := v.(map[string]any)
		out = append(out, m)
	}
	return out
}

// latestHazardVersion is the newest published version of the hazard definition (0: none).
func latestHazardVersion(app core.App) int {
	var v int
	_ = app.DB().Select("version").From("form_definitions").
		Where(dbx.HashExp{"key": HazardDefinition, "status": "published"}).
		OrderBy("version DESC").Limit(1).Row(&v)
	return v
}

// hazardData is the hazard record an item of a report becomes: the item as entered, found by
// the insurer's service on the service date. Its number is the server's (internal/numbering):
// a number an older report item carries is not taken over.
func hazardData(item map[string]any, serviceDate string) map[string]any {
	d := make(map[string]any, len(item)+2)
	for k, v := range item {
		d[k] = v
	}
	delete(d, "hazard_no")
	d["source"] = "insurer_service"
	if serviceDate != "" {
		// the hour is not recorded; noon keeps the date the same in UTC and in Beijing time
		d["found_at"] = serviceDate + "T12:00:00+08:00"
	}
	return d
}

// newHazard builds (unsaved) the hazard record of item i of report r.
func newHazard(app core.App, r *core.Record, data map[string]any, item map[string]any, i, version int) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(Hazards)
	if err != nil {
		return nil, err
	}
	date, _ := data["service_date"].(string)
	raw, err := json.Marshal(hazardData(item, date))
	if err != nil {
		return nil, err
	}
	h := core.NewRecord(col)
	h.Set("definition", HazardDefinition)
	h.Set("version", version)
	h.Set("data", json.RawMessage(raw))
	h.Set("policy", r.GetString("policy"))
	h.Set("enterprise", r.GetString("enterprise"))
	if !r.IsNew() {
		// a new report is not stored yet: the policy gives the hazard the same parties
		h.Set("service_report", r.Id)
	}
	return h, nil
}

// checkFoundHazards validates the new hazard items of a report against the hazard definition,
// reporting each error under data.hazards.<i>; items that already became hazards (in a
// previous revision) cannot change.
func checkFoundHazards(app core.App, r *core.Record, data, prevData map[string]any, errs validation.Errors) {
	items := foundHazards(data)
	done := foundHazards(prevData)
	for i, old := range done {
		if i >= len(items) || !reflect.DeepEqual(items[i], old) {
			validation.Add(errs, fmt.Sprintf("data.hazards.%d", i), validation.New("hazard_recorded",
				"该隐患已登记入隐患台账，不能在服务记录中修改或删除；请在隐患台账中处理",
				"This hazard is already in the hazard ledger; it cannot be changed or removed here, use the ledger"))
		}
	}
	if len(items) <= len(done) {
		return
	}
	version := latestHazardVersion(app)
	if version == 0 {
		validation.Add(errs, "data.hazards", validation.New("definition_unknown",
			"没有已发布的隐患表单定义，无法登记隐患", "No published hazard definition: hazards cannot be recorded"))
		return
	}
	for i := len(done); i < len(items); i++ {
		if items[i] == nil {
			continue // the report's own schema reports it
		}
		h, err := newHazard(app, r, data, items[i], i, version)
		if err != nil {
			continue
		}
		addHazardErrors(errs, i, records.Prepare(app, h))
	}
}

// addHazardErrors files a hazard's data errors under the report's item.
func addHazardErrors(errs validation.Errors, i int, err error) {
	found, ok := err.(validation.Errors)
	if !ok {
		return
	}
	prefix := fmt.Sprintf("data.hazards.%d", i)
	for k, v := range found {
		fe, ok := v.(*validation.FieldError)
		if !ok {
			continue
		}
		switch {
		case k == "data":
			validation.Add(errs, prefix, fe)
		case strings.HasPrefix(k, "data."):
			rest := strings.TrimPrefix(k, "data.")
			if rest == "source" || rest == "found_at" {
				continue // set by the server from the report
			}
			validation.Add(errs, prefix+"."+rest, fe)
		}
	}
}

// createFoundHazards saves the hazards of the report's new items once the report row is
// written, inside the same transaction (the audit handler opened it): the report and its
// hazards commit or roll back together, and each hazard gets its own audit entry.
func createFoundHazards(e *core.RecordEvent) error {
	prev := stored.Previous(e.App, e.Record)
	if err := e.Next(); err != nil {
		return err
	}
	data := decode(e.Record.Get("data"))
	items := foundHazards(data)
	var prevData map[string]any
	if prev != nil {
		prevData = decode(prev.Get("data"))
	}
	start := len(foundHazards(prevData))
	if len(items) <= start {
		return nil
	}
	version := latestHazardVersion(e.App)
	actor := audit.ActorOf(e.Record)
	for i := start; i < len(items); i++ {
		h, err := newHazard(e.App, e.Record, data, items[i], i, version)
		if err != nil {
			return err
		}
		h.Set("service_report", e.Record.Id)
		audit.SetActor(h, actor)
		err = e.App.SaveWithContext(e.Context, h)
		audit.ClearActor(h)
		if err != nil {
			errs := validation.Errors{}
			addHazardErrors(errs, i, err)
			if len(errs) > 0 {
				return errs
			}
			return err
		}
	}
	return nil
}
