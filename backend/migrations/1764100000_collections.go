package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"azx/backend/internal/vocab"
)

// Fixed collection ids keep relations and file paths stable across fresh installs.
const (
	idOrganizations   = "azx_organizations"
	idDefinitions     = "azx_form_definitions"
	idEnterprises     = "azx_enterprises"
	idPolicies        = "azx_policies"
	idServiceReports  = "azx_service_reports"
	idHazards         = "azx_hazards"
	idHazardEvents    = "azx_hazard_events"
	idRecordVersions  = "azx_record_versions"
	idAuditLog        = "azx_audit_log"
	maxEvidenceFiles  = 20
	maxEvidenceBytes  = 10 << 20
	maxDataJSONBytes  = 2 << 20
	maxSnapshotsBytes = 4 << 20
)

// regionCodePattern: six digits of GB/T 2260. The select fields' values are the vocabularies'
// codes (schemas/vocabularies, generated into internal/vocab).
var regionCodePattern = `^\d{6}$`

func init() {
	m.Register(up, down)
}

func text(name string, required bool) *core.TextField {
	return &core.TextField{Name: name, Required: required}
}

func number(name string, onlyInt bool) *core.NumberField {
	return &core.NumberField{Name: name, OnlyInt: onlyInt}
}

func relation(name, collectionID string, required bool) *core.RelationField {
	return &core.RelationField{Name: name, CollectionId: collectionID, MaxSelect: 1, Required: required}
}

func sel(name string, values ...string) *core.SelectField {
	return &core.SelectField{Name: name, Values: values, MaxSelect: 1}
}

func timestamps(c *core.Collection) {
	c.Fields.Add(&core.AutodateField{Name: "created", OnCreate: true})
	c.Fields.Add(&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true})
}

// business adds the fields every business collection shares: the definition it was validated
// against, the record itself, and the correction bookkeeping.
func business(c *core.Collection) {
	c.Fields.Add(
		text("definition", true),
		&core.NumberField{Name: "version", OnlyInt: true, Required: true},
		&core.JSONField{Name: "data", MaxSize: maxDataJSONBytes},
		&core.NumberField{Name: "revision", OnlyInt: true},
		&core.TextField{Name: "correction_reason", Max: 2000},
	)
}

// regionColumns are derived by the server from the related enterprise.
func regionColumns(c *core.Collection, withIndustry bool) {
	c.Fields.Add(
		&core.TextField{Name: "region_code", Pattern: regionCodePattern},
		&core.TextField{Name: "city_code", Pattern: regionCodePattern},
		&core.TextField{Name: "province_code", Pattern: regionCodePattern},
	)
	if withIndustry {
		c.Fields.Add(text("industry", false))
	}
}

// setRules is a no-op here: the access rules are set by the next migration, once the
// denormalized party columns they read exist (stores migrated before that get them replaced).
func setRules(c *core.Collection) {}

// applyRules sets a collection's rules from Rules().
func applyRules(c *core.Collection) {
	r := Rules()[c.Name]
	c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule, c.DeleteRule = r["list"], r["view"], r["create"], r["update"], r["delete"]
	if c.IsAuth() {
		c.ManageRule = r["manage"]
	}
}

func up(app core.App) error {
	orgs := core.NewBaseCollection("organizations", idOrganizations)
	orgs.Fields.Add(
		text("name", true),
		&core.SelectField{Name: "kind", Values: vocab.OrganizationKind.Codes(), MaxSelect: 1, Required: true},
		text("uscc", false),
		&core.TextField{Name: "region_code", Pattern: regionCodePattern},
	)
	timestamps(orgs)
	orgs.AddIndex("idx_organizations_kind", false, "kind", "")
	orgs.AddIndex("idx_organizations_uscc", false, "uscc", "")
	setRules(orgs)
	if err := app.Save(orgs); err != nil {
		return err
	}

	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.Fields.Add(
		sel("role", vocab.Role.Codes()...),
		relation("organization", idOrganizations, false),
		sel("scope_level", vocab.RegionLevel.Codes()...),
		&core.TextField{Name: "region_scope", Pattern: regionCodePattern},
	)
	users.AddIndex("idx_users_organization", false, "organization", "")
	users.AddIndex("idx_users_role", false, "role", "")
	if err := app.Save(users); err != nil {
		return err
	}

	defs := core.NewBaseCollection("form_definitions", idDefinitions)
	defs.Fields.Add(
		&core.TextField{Name: "key", Required: true, Pattern: `^[a-z][a-z0-9_.-]*$`, Max: 100},
		&core.NumberField{Name: "version", OnlyInt: true, Required: true},
		&core.SelectField{Name: "status", Values: vocab.DefinitionStatus.Codes(), MaxSelect: 1, Required: true},
		text("industry", false),
		text("title", false),
		text("base", false),
		&core.JSONField{Name: "schema", MaxSize: maxDataJSONBytes},
		text("hash", false),
		&core.DateField{Name: "published_at"},
	)
	timestamps(defs)
	defs.AddIndex("idx_form_definitions_key_version", true, "key, version", "")
	defs.AddIndex("idx_form_definitions_status", false, "status", "")
	setRules(defs)
	if err := app.Save(defs); err != nil {
		return err
	}

	ent := core.NewBaseCollection("enterprises", idEnterprises)
	business(ent)
	ent.Fields.Add(text("uscc", true), text("name", false))
	regionColumns(ent, true)
	ent.Fields.Add(
		number("headcount", true),
		&core.BoolField{Name: "must_insure"},
		sel("risk_grade", vocab.RiskGrade.Codes()...),
		relation("organization", idOrganizations, false),
	)
	timestamps(ent)
	ent.AddIndex("idx_enterprises_uscc", true, "uscc", "")
	ent.AddIndex("idx_enterprises_city_industry", false, "city_code, industry", "")
	ent.AddIndex("idx_enterprises_province", false, "province_code", "")
	ent.AddIndex("idx_enterprises_region", false, "region_code", "")
	ent.AddIndex("idx_enterprises_organization", false, "organization", "")
	// enterprises' read rule joins policies, which do not exist yet: rules are set below.
	if err := app.Save(ent); err != nil {
		return err
	}

	pol := core.NewBaseCollection("policies", idPolicies)
	business(pol)
	pol.Fields.Add(
		text("policy_no", true),
		relation("enterprise", idEnterprises, true),
		relation("insurer", idOrganizations, true),
		relation("provider", idOrganizations, false),
	)
	regionColumns(pol, true)
	pol.Fields.Add(
		text("legal_basis", false),
		&core.DateField{Name: "period_start"},
		&core.DateField{Name: "period_end"},
		number("headcount", true),
		number("insured_persons", true),
		number("cover_per_person", false),
		number("premium", false),
		number("prevention_budget", false),
		&core.BoolField{Name: "prevention_clause"},
		sel("status", vocab.PolicyStatus.Codes()...),
		&core.DateField{Name: "uploaded_at"},
	)
	timestamps(pol)
	pol.AddIndex("idx_policies_policy_no", true, "policy_no", "")
	pol.AddIndex("idx_policies_city_industry", false, "city_code, industry", "")
	pol.AddIndex("idx_policies_insurer_period", false, "insurer, period_start", "")
	pol.AddIndex("idx_policies_enterprise", false, "enterprise", "")
	pol.AddIndex("idx_policies_provider", false, "provider", "")
	pol.AddIndex("idx_policies_status", false, "status", "")
	pol.AddIndex("idx_policies_province", false, "province_code", "")
	pol.AddIndex("idx_policies_region", false, "region_code", "")
	pol.AddIndex("idx_policies_period_end", false, "period_end", "")
	setRules(pol)
	if err := app.Save(pol); err != nil {
		return err
	}

	// the self relation needs the collection to exist first
	pol.Fields.Add(relation("renewal_of", idPolicies, false))
	if err := app.Save(pol); err != nil {
		return err
	}

	setRules(ent)
	if err := app.Save(ent); err != nil {
		return err
	}

	rep := core.NewBaseCollection("service_reports", idServiceReports)
	business(rep)
	rep.Fields.Add(
		relation("policy", idPolicies, true),
		relation("enterprise", idEnterprises, false),
		relation("insurer", idOrganizations, false),
		relation("provider", idOrganizations, false),
	)
	regionColumns(rep, true)
	rep.Fields.Add(
		&core.DateField{Name: "service_date"},
		&core.JSONField{Name: "service_types", MaxSize: 4096},
		number("cost", false),
		sel("status", vocab.ServiceReportStatus.Codes()...),
		&core.FileField{Name: "evidence", MaxSelect: maxEvidenceFiles, MaxSize: maxEvidenceBytes},
	)
	timestamps(rep)
	rep.AddIndex("idx_service_reports_policy", false, "policy", "")
	rep.AddIndex("idx_service_reports_enterprise", false, "enterprise", "")
	rep.AddIndex("idx_service_reports_insurer_date", false, "insurer, service_date", "")
	rep.AddIndex("idx_service_reports_provider", false, "provider", "")
	rep.AddIndex("idx_service_reports_status", false, "status", "")
	rep.AddIndex("idx_service_reports_city_industry", false, "city_code, industry", "")
	rep.AddIndex("idx_service_reports_province", false, "province_code", "")
	rep.AddIndex("idx_service_reports_region", false, "region_code", "")
	setRules(rep)
	if err := app.Save(rep); err != nil {
		return err
	}

	haz := core.NewBaseCollection("hazards", idHazards)
	business(haz)
	haz.Fields.Add(
		relation("service_report", idServiceReports, false),
		relation("policy", idPolicies, false),
		relation("enterprise", idEnterprises, true),
		relation("insurer", idOrganizations, false),
		relation("provider", idOrganizations, false),
	)
	regionColumns(haz, true)
	haz.Fields.Add(
		&core.BoolField{Name: "is_major"},
		&core.SelectField{Name: "status", Values: vocab.HazardStatus.Codes(), MaxSelect: 1},
		&core.DateField{Name: "found_at"},
		&core.DateField{Name: "deadline"},
		&core.DateField{Name: "closed_at"},
		&core.FileField{Name: "photos", MaxSelect: maxEvidenceFiles, MaxSize: maxEvidenceBytes},
	)
	timestamps(haz)
	haz.AddIndex("idx_hazards_enterprise", false, "enterprise", "")
	haz.AddIndex("idx_hazards_policy", false, "policy", "")
	haz.AddIndex("idx_hazards_service_report", false, "service_report", "")
	haz.AddIndex("idx_hazards_insurer", false, "insurer", "")
	haz.AddIndex("idx_hazards_provider", false, "provider", "")
	haz.AddIndex("idx_hazards_status", false, "status", "")
	haz.AddIndex("idx_hazards_city_industry", false, "city_code, industry", "")
	haz.AddIndex("idx_hazards_province", false, "province_code", "")
	haz.AddIndex("idx_hazards_region", false, "region_code", "")
	haz.AddIndex("idx_hazards_deadline", false, "deadline", "")
	setRules(haz)
	if err := app.Save(haz); err != nil {
		return err
	}

	ev := core.NewBaseCollection("hazard_events", idHazardEvents)
	ev.Fields.Add(
		relation("hazard", idHazards, true),
		&core.TextField{Name: "action", Required: true, Max: 100},
		&core.SelectField{Name: "from_status", Values: vocab.HazardStatus.Codes(), MaxSelect: 1},
		&core.SelectField{Name: "to_status", Values: vocab.HazardStatus.Codes(), MaxSelect: 1},
		relation("actor", "_pb_users_auth_", false),
		&core.TextField{Name: "note", Max: 5000},
		&core.FileField{Name: "evidence", MaxSelect: maxEvidenceFiles, MaxSize: maxEvidenceBytes},
	)
	regionColumns(ev, false)
	timestamps(ev)
	ev.AddIndex("idx_hazard_events_hazard", false, "hazard", "")
	ev.AddIndex("idx_hazard_events_province", false, "province_code", "")
	ev.AddIndex("idx_hazard_events_city", false, "city_code", "")
	ev.AddIndex("idx_hazard_events_region", false, "region_code", "")
	setRules(ev)
	if err := app.Save(ev); err != nil {
		return err
	}

	ver := core.NewBaseCollection("record_versions", idRecordVersions)
	ver.Fields.Add(
		text("collection_name", true),
		text("record_id", true),
		number("revision", true),
		&core.JSONField{Name: "snapshot", MaxSize: maxSnapshotsBytes},
		&core.TextField{Name: "reason", Max: 2000},
		text("actor", false),
	)
	timestamps(ver)
	ver.AddIndex("idx_record_versions_record", true, "collection_name, record_id, revision", "")
	setRules(ver)
	if err := app.Save(ver); err != nil {
		return err
	}

	audit := core.NewBaseCollection("audit_log", idAuditLog)
	audit.Fields.Add(
		&core.NumberField{Name: "seq", OnlyInt: true, Required: true},
		text("at", true),
		text("actor", false),
		text("collection_name", true),
		text("record_id", true),
		&core.SelectField{Name: "action", Values: []string{"create", "update", "delete"}, MaxSelect: 1, Required: true},
		text("record_hash", false),
		text("prev_hash", true),
		text("hash", true),
	)
	audit.AddIndex("idx_audit_log_seq", true, "seq", "")
	audit.AddIndex("idx_audit_log_record", false, "collection_name, record_id, seq", "")
	setRules(audit)
	return app.Save(audit)
}

func down(app core.App) error {
	for _, name := range []string{"audit_log", "record_versions", "hazard_events", "hazards", "service_reports", "policies", "enterprises", "form_definitions"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err == nil {
		for _, f := range []string{"role", "organization", "scope_level", "region_scope"} {
			users.Fields.RemoveByName(f)
		}
		users.RemoveIndex("idx_users_organization")
		users.RemoveIndex("idx_users_role")
		if err := app.Save(users); err != nil {
			return err
		}
	}
	if c, err := app.FindCollectionByNameOrId("organizations"); err == nil {
		return app.Delete(c)
	}
	return nil
}
