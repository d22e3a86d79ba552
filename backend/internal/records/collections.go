// Package records enforces the business collections: every create and update of
// enterprises, policies, service_reports and hazards is validated against the form definition
// version it names, its indexed columns are derived on the server, corrections are versioned,
// and hazard_events drive hazard status.
package records

import "context"

// Business collection names.
const (
	Enterprises    = "enterprises"
	Policies       = "policies"
	ServiceReports = "service_reports"
	Hazards        = "hazards"
	HazardEvents   = "hazard_events"
	Claims         = "claims"
	RecordVersions = "record_versions"
)

// definitionBase is the definition key (or base) a business collection accepts.
var definitionBase = map[string]string{
	Enterprises:    "enterprise",
	Policies:       "policy",
	ServiceReports: "service-report",
	Hazards:        "hazard",
	Claims:         "claim",
}

// IsBusiness reports whether a collection holds definition-validated records.
func IsBusiness(name string) bool {
	_, ok := definitionBase[name]
	return ok
}

var regionColumns = []string{"region_code", "city_code", "province_code"}

// parentColumns are columns copied from a parent record (not from data).
var parentColumns = map[string][]string{
	Enterprises:    {"city_code", "province_code"},
	Policies:       {"region_code", "city_code", "province_code", "industry", "enterprise_org"},
	ServiceReports: {"enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry"},
	Hazards:        {"policy", "enterprise", "insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "industry"},
	HazardEvents:   {"insurer", "provider", "enterprise_org", "region_code", "city_code", "province_code", "from_status"},
	Claims:         {"enterprise", "insurer", "enterprise_org", "region_code", "city_code", "province_code", "industry"},
}

// protected columns are never filled from data, whatever an x-column annotation says.
var protected = map[string]bool{
	"id": true, "created": true, "updated": true, "definition": true, "version": true, "data": true,
	"revision": true, "correction_reason": true, "enterprise": true, "insurer": true, "provider": true,
	"policy": true, "service_report": true, "organization": true, "renewal_of": true,
	"enterprise_org": true, "providers": true,
}

// ClaimEvents is the claims' append-only history (internal/claims).
const ClaimEvents = "claim_events"

// ClaimEventColumns are a claim's columns that only its claim events set (internal/claims): a
// client's value is never taken, on a report or on a correction.
var ClaimEventColumns = []string{"status", "advance_paid", "paid", "stage_due"}

// ServerSave marks a context for a save made by the server itself (a claim moved by its event,
// as a hazard by its hazard event): not a correction, so no reason and no record version.
func ServerSave(ctx context.Context) context.Context { return serverUpdate(ctx) }
