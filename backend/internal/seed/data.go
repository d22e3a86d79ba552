package seed

import "time"

// The record bodies (`data`) follow schemas/definitions/*.json; keys match their properties.

func yuan(fen int64) float64 { return float64(fen) / 100 }

func coef(hundredths int64) float64 { return float64(hundredths) / 100 }

func date(t time.Time) string { return t.In(shanghai).Format("2006-01-02") }

func dateTime(t time.Time) string { return t.In(shanghai).Format(time.RFC3339) }

func person(p Person) map[string]any { return map[string]any{"name": p.Name, "mobile": p.Mobile} }

// EnterpriseData is the enterprise definition's record for e.
func EnterpriseData(e Enterprise) map[string]any {
	d := map[string]any{
		"uscc": e.USCC, "name": e.Name, "region_code": e.Region, "address": e.Address,
		"industry": e.Industry, "gbt4754_code": e.GBT4754, "headcount": e.Headcount, "must_insure": e.MustInsure,
		"risk_grade": e.RiskGrade, "size": e.Size, "standardization_level": e.Standardization,
		"principal": person(e.Principal), "safety_contact": person(e.Contact),
	}
	if e.MustInsureOverride != "" {
		d["must_insure_override"] = map[string]any{"value": e.MustInsure, "reason": e.MustInsureOverride}
	}
	if e.RiskGradeOverride != "" {
		d["risk_grade_override"] = map[string]any{"value": demoGradeOverride, "reason": e.RiskGradeOverride}
	}
	return d
}

// PolicyData is the policy definition's record for pol.
func (p *Plan) PolicyData(pol Policy) map[string]any {
	e := p.Enterprises[pol.Ent]
	d := map[string]any{
		"policy_no": pol.No, "legal_basis": pol.LegalBasis, "status": pol.Status, "product_name": pol.Product,
		"insured": map[string]any{"uscc": e.USCC, "name": pol.InsuredName, "region_code": pol.InsuredRegion,
			"contact_name": e.Contact.Name, "contact_mobile": e.Contact.Mobile},
		"period":    map[string]any{"start": date(pol.Start), "end": date(pol.End)},
		"headcount": pol.Headcount, "insured_persons": pol.InsuredPersons,
		"cover_per_person": yuan(pol.Cover), "medical_per_person": yuan(pol.Medical), "premium": yuan(pol.Premium),
		"coverage_scope": pol.Scope,
		"rating": map[string]any{
			"base_rate":       yuan(pol.BaseRate),
			"coefficients":    coefficients(pol.Coefs),
			"premium_by_rate": yuan(pol.PremiumByRate),
		},
		"prevention_clause": pol.Clause, "prevention_budget": yuan(pol.Budget),
	}
	if len(pol.Restrictions) > 0 {
		d["restrictions"] = pol.Restrictions
	}
	if pol.Clause {
		d["prevention_items"] = pol.Items
		d["service_frequency"] = pol.Frequency
	}
	if pol.RenewalOf >= 0 {
		d["renewal_of"] = p.Policies[pol.RenewalOf].No
	}
	return d
}

// ReportData is the service-report definition's record for r.
func (p *Plan) ReportData(r Report) map[string]any {
	pol := p.Policies[r.Policy]
	provider := p.Orgs[pol.Insurer].Name
	if pol.Provider >= 0 {
		provider = p.Orgs[pol.Provider].Name
	}
	staff := make([]any, 0, len(r.Personnel))
	for _, s := range r.Personnel {
		m := map[string]any{"name": s.Name, "role": s.Role}
		if s.Certificate != "" {
			m["certificate"] = s.Certificate
		}
		staff = append(staff, m)
	}
	d := map[string]any{
		"report_no": r.No, "policy_no": pol.No, "service_date": date(r.Date), "service_types": r.Types,
		"service_form": r.Form, "location": r.Location, "status": r.Status, "provider_name": provider,
		"personnel": staff, "content_summary": r.Summary, "cost": yuan(r.Cost),
	}
	if r.Participants > 0 {
		d["participants"] = r.Participants
	}
	if r.Status != "planned" {
		d["hazards_found"] = r.Hazards
		d["major_hazards_found"] = r.MajorHazards
		d["measures"] = "现场检查、查阅资料、人员访谈相结合，形成服务记录并由双方签字确认。"
	}
	if r.Status == "confirmed" {
		e := p.Enterprises[pol.Ent]
		d["follow_up"] = map[string]any{"date": date(day(r.Date, 7)), "satisfaction": "satisfied"}
		d["confirmation"] = map[string]any{"enterprise_signer": e.Contact.Name, "provider_signer": r.Personnel[0].Name, "signed_on": date(day(r.Date, 1))}
	}
	return d
}

// HazardData is the hazard definition's record for h.
func HazardData(h Hazard) map[string]any {
	d := map[string]any{
		"hazard_no": h.No, "source": "insurer_service", "found_at": dateTime(h.FoundAt), "location": h.Location,
		"description": h.Description, "basis": h.Basis, "category": h.Category, "is_major": h.Major,
		"recommendation": h.Recommendation, "rectifier": person(h.Rectifier), "deadline": date(h.Deadline),
	}
	if h.Major {
		c := majorCriteria[h.Standard]
		d["major_criterion"] = map[string]any{"standard_id": h.Standard, "item": c[0], "title": c[1]}
	}
	return d
}

func coefficients(cs []Coef) map[string]any {
	out := make(map[string]any, len(cs))
	for _, c := range cs {
		out[c.Key] = coef(c.H)
	}
	return out
}
