package migrations

import "strings"

// Access rules as PocketBase filter strings. They are built from a few named pieces so the
// intent of each rule stays readable; README "Roles and scope" is the contract.

const (
	signedIn = `@request.auth.id != ""`
	isAdmin  = `@request.auth.role = "admin"`
	// hasOrg guards every party match: a user without an organization must not match rows whose
	// relation is empty.
	hasOrg = `@request.auth.organization != ""`
)

// scope is the regulator's region match on the row's derived columns (prefix "" for the row
// itself, "hazard." for a hazard event checked through its hazard).
func scope(prefix string) string {
	return regionOf("regulator", prefix)
}

// regionOf is the region match of a user of role whose scope_level and region_scope name a region.
func regionOf(role, prefix string) string {
	return `(@request.auth.role = "` + role + `" && (` +
		`(@request.auth.scope_level = "province" && ` + prefix + `province_code = @request.auth.region_scope) || ` +
		`(@request.auth.scope_level = "city" && ` + prefix + `city_code = @request.auth.region_scope) || ` +
		`(@request.auth.scope_level = "county" && ` + prefix + `region_code = @request.auth.region_scope)))`
}

// oversight is a read-only role's match (issue 17: industry authorities, financial regulators):
// the region of its scope, as a regulator's, and its industry when it has one (industry_scope).
func oversight(role string) string {
	return `(` + regionOf(role, "") + ` && (@request.auth.industry_scope = "" || industry = @request.auth.industry_scope))`
}

// party matches a signed-in user of role whose organization equals the given relation path.
func party(role, path string) string {
	return `(@request.auth.role = "` + role + `" && ` + hasOrg + ` && ` + path + ` = @request.auth.organization)`
}

func anyOf(parts ...string) string {
	return strings.Join(parts, " || ")
}

func ptr(s string) *string { return &s }

// Rules of each collection, exported through Rules() for documentation and tests.
var (
	orgRead = signedIn

	userRead = `id = @request.auth.id || ` + isAdmin

	// form definitions and rule packs: published and retired versions are public to users,
	// drafts are the administrators'
	definitionRead   = signedIn + ` && (status != "draft" || ` + isAdmin + `)`
	definitionDelete = isAdmin + ` && status = "draft"`

	enterpriseRead = anyOf(
		`@request.auth.role = "insurer"`,
		party("enterprise", "organization"),
		// providers: space-separated ids the server keeps from the enterprise's policies
		`(@request.auth.role = "provider" && `+hasOrg+` && providers ~ @request.auth.organization)`,
		scope(""),
		oversight("authority"),
		oversight("financial_regulator"),
	)
	enterpriseWrite = scope("")

	policyRead = anyOf(
		party("insurer", "insurer"),
		party("provider", "provider"),
		party("enterprise", "enterprise_org"),
		scope(""),
		oversight("authority"),
		oversight("financial_regulator"),
	)
	policyCreate = party("insurer", "insurer")
	policyUpdate = `(` + party("insurer", "insurer") +
		` && (@request.body.insurer:isset = false || @request.body.insurer = @request.auth.organization))`

	// enterprise_org is the enterprise's organization, copied by the server (no join in list rules).
	// service reports and hazards: the insurer and provider columns are copied from the policy
	// (and report) by the server before the rule runs, so a party cannot claim someone else's policy.
	partiesRead = anyOf(
		party("insurer", "insurer"),
		party("provider", "provider"),
		party("enterprise", "enterprise_org"),
		scope(""),
	)
	// hazards: the industry authority of the hazard's region and industry reads its major hazards
	// (escalations reach it as they reach the regulator); the financial regulator sees none
	hazardRead   = anyOf(partiesRead, `(`+oversight("authority")+` && is_major = true)`)
	partiesWrite = anyOf(
		party("insurer", "insurer"),
		party("provider", "provider"),
	)

	// hazard events carry copies of their hazard's party columns
	hazardEventRead = anyOf(
		party("insurer", "insurer"),
		party("provider", "provider"),
		party("enterprise", "enterprise_org"),
		scope(""),
	)
	// flags of imported records: the regulators of the region and the policy's insurer
	systemFindingRead = anyOf(party("insurer", "insurer"), scope(""))

	hazardEventCreate = anyOf(
		party("insurer", "hazard.insurer"),
		party("provider", "hazard.provider"),
		party("enterprise", "hazard.enterprise.organization"),
		scope("hazard."),
	)

	// claims carry their policy's parties (insurer, enterprise_org), copied by the server before
	// the create rule runs: the enterprise reports its accident, the insurer reports and corrects;
	// claim events (survey, payments, settlement) are the insurer's (internal/claims checks the
	// action's roles) and copy the claim's parties.
	claimRead = anyOf(
		party("insurer", "insurer"),
		party("enterprise", "enterprise_org"),
		scope(""),
		oversight("authority"),
		oversight("financial_regulator"),
	)
	claimWrite = anyOf(
		party("insurer", "insurer"),
		party("enterprise", "enterprise_org"),
	)
	claimEventCreate = party("insurer", "claim.insurer")
)

// Rules returns every collection's rules (nil = superusers only), keyed by collection then
// by rule name; used by tests and by the report in README.
func Rules() map[string]map[string]*string {
	return map[string]map[string]*string{
		"organizations": {"list": ptr(orgRead), "view": ptr(orgRead), "create": ptr(isAdmin), "update": ptr(isAdmin), "delete": ptr(isAdmin)},
		"users":         {"list": ptr(userRead), "view": ptr(userRead), "create": ptr(isAdmin), "update": ptr(isAdmin), "delete": ptr(isAdmin), "manage": ptr(isAdmin)},
		"form_definitions": {"list": ptr(definitionRead), "view": ptr(definitionRead), "create": ptr(isAdmin),
			"update": ptr(isAdmin), "delete": ptr(definitionDelete)},
		"rule_packs": {"list": ptr(definitionRead), "view": ptr(definitionRead), "create": ptr(isAdmin),
			"update": ptr(isAdmin), "delete": ptr(definitionDelete)},
		"enterprises": {"list": ptr(enterpriseRead), "view": ptr(enterpriseRead), "create": ptr(enterpriseWrite),
			"update": ptr(enterpriseWrite), "delete": nil},
		"policies": {"list": ptr(policyRead), "view": ptr(policyRead), "create": ptr(policyCreate),
			"update": ptr(policyUpdate), "delete": nil},
		"service_reports": {"list": ptr(partiesRead), "view": ptr(partiesRead), "create": ptr(partiesWrite),
			"update": ptr(partiesWrite), "delete": nil},
		"hazards": {"list": ptr(hazardRead), "view": ptr(hazardRead), "create": ptr(partiesWrite),
			"update": ptr(partiesWrite), "delete": nil},
		"hazard_events": {"list": ptr(hazardEventRead), "view": ptr(hazardEventRead), "create": ptr(hazardEventCreate),
			"update": nil, "delete": nil},
		"system_findings": {"list": ptr(systemFindingRead), "view": ptr(systemFindingRead), "create": nil, "update": nil, "delete": nil},
		"claims": {"list": ptr(claimRead), "view": ptr(claimRead), "create": ptr(claimWrite),
			"update": ptr(claimWrite), "delete": nil},
		"claim_events": {"list": ptr(claimRead), "view": ptr(claimRead), "create": ptr(claimEventCreate),
			"update": nil, "delete": nil},
		"record_versions": {"list": ptr(isAdmin), "view": ptr(isAdmin), "create": nil, "update": nil, "delete": nil},
		"audit_log":       {"list": ptr(isAdmin), "view": ptr(isAdmin), "create": nil, "update": nil, "delete": nil},
	}
}
