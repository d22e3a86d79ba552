package records

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// Prepare derives the server-owned columns of a record of enterprises, policies,
// service_reports, hazards or hazard_events and validates its data against the form
// definition version it names; records of other collections are left alone.
//
// It sets, overwriting whatever the caller put there:
//   - the columns named by x-column annotations of the definition's schema, from data;
//   - city_code and province_code of an enterprise from its region_code;
//   - region_code, city_code, province_code, industry (and enterprise, insurer, provider,
//     policy) of policies, service reports and hazards from their enterprise, policy or report;
//   - region columns and from_status of a hazard event from its hazard.
//
// It returns nil, or a validation.Errors (an ozzo validation.Errors) mapping a field path
// ("data.cover_per_person", "version", "enterprise") to a *validation.FieldError with zh and en
// messages. It never panics and never writes. app.Save runs it again through the model hooks,
// so calling it is only needed to collect errors before saving (bulk upload, seed).
func Prepare(app core.App, record *core.Record) error {
	if record == nil {
		return nil
	}
	name := record.Collection().Name
	if !IsBusiness(name) && name != HazardEvents {
		return nil
	}
	errs, _ := derive(app, nil, record)
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// mergeErrors combines our field errors with the result of the rest of the validate chain
// (PocketBase's own field checks), keeping ours for a path both report.
func mergeErrors(errs validation.Errors, nextErr error, d *derived) error {
	if len(errs) == 0 {
		return nextErr
	}
	// a column filled from data is not reported again when data itself was refused
	dataRefused := false
	for k := range errs {
		if k == "data" || strings.HasPrefix(k, "data.") {
			dataRefused = true
			break
		}
	}
	fromData := map[string]bool{}
	if dataRefused && d != nil && d.def != nil {
		for _, c := range d.def.Columns {
			fromData[c.Name] = true
		}
	}
	// without a usable definition no column was filled: only the client's own fields count
	noDefinition := d != nil && d.def == nil && (errs["definition"] != nil || errs["version"] != nil)
	if pbErrs, ok := nextErr.(validation.Errors); ok {
		for k, v := range pbErrs {
			if noDefinition && !clientField[k] {
				continue
			}
			if _, taken := errs[k]; !taken && !fromData[k] {
				errs[k] = v
			}
		}
	}
	return errs
}

// clientField are fields a client sets itself (never derived from data).
var clientField = map[string]bool{
	"definition": true, "version": true, "data": true, "correction_reason": true,
	"enterprise": true, "insurer": true, "provider": true, "policy": true, "service_report": true,
	"hazard": true, "organization": true, "renewal_of": true, "evidence": true, "photos": true, "notified_to": true,
}
