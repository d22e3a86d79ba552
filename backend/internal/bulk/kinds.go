package bulk

import (
	"github.com/pocketbase/pocketbase/core"
)

// policies: an insurer uploads its own organization's policies. Columns are the policy
// definition's properties (nested by dots: insured.uscc, period.start) plus:
//
//	enterprise_uscc  the insured enterprise in the registry (defaults to insured.uscc)
//	provider_uscc    optional: the service provider organization
//	insurer_uscc     the underwriting insurer: required when a regulator imports its region's
//	                 policies; an insurer's own (or left out) when an insurer uploads
var policies = &kind{
	collection:  "policies",
	definition:  "policy",
	keyColumn:   "policy_no",
	keyIndex:    "idx_policies_policy_no",
	rename:      map[string]string{"enterprise": "enterprise_uscc", "provider": "provider_uscc", "insurer": "insurer_uscc"},
	role:        "insurer",
	importRoles: []string{"insurer", "regulator"},
	extra:       []string{"enterprise_uscc", "provider_uscc", "insurer_uscc"},
	flagged:     true,
	enterpriseOf: func(row map[string]any) string {
		if uscc := peekString(row, "enterprise_uscc"); uscc != "" {
			return uscc
		}
		ins, _ := row["insured"].(map[string]any)
		uscc, _ := ins["uscc"].(string)
		return uscc
	},
	prepare: func(tx core.App, b *batch, u *uploader, row map[string]any, rec *core.Record) map[string]FieldError {
		errs := map[string]FieldError{}
		insurer := u.org()
		if i := takeString(row, "insurer_uscc"); i != "" {
			org, err := u.organization(tx, i, "insurer")
			switch {
			case err != nil:
				errs["insurer_uscc"] = u.fail("bulk_insurer_unknown", "没有该统一社会信用代码的保险机构："+i,
					"No insurer with this unified social credit code: "+i)
			case u.regulator():
				insurer = org.Id
			case org.Id != insurer:
				errs["insurer_uscc"] = u.fail("insurer_not_own", "保险机构只能上传本机构承保的保单", "An insurer can only upload policies it underwrites itself")
			}
		} else if u.regulator() {
			errs["insurer_uscc"] = u.fail("bulk_insurer_required", "须填写保险机构统一社会信用代码（insurer_uscc）",
				"The insurer's unified social credit code (insurer_uscc) is required")
		}
		uscc := takeString(row, "enterprise_uscc")
		if uscc == "" {
			if ins, ok := row["insured"].(map[string]any); ok {
				uscc, _ = ins["uscc"].(string)
			}
		}
		if uscc == "" {
			errs["enterprise_uscc"] = u.fail("bulk_enterprise_required", "须填写投保单位统一社会信用代码（enterprise_uscc）",
				"The enterprise's unified social credit code (enterprise_uscc) is required")
		} else if ent, err := b.enterprise(tx, uscc); err != nil {
			errs["enterprise_uscc"] = u.fail("bulk_enterprise_unknown", "应保单位名录中没有该统一社会信用代码："+uscc,
				"No enterprise with this unified social credit code in the registry: "+uscc)
		} else if u.regulator() && !inScope(u.auth, ent.GetString("region_code")) {
			errs["enterprise_uscc"] = u.fail("bulk_outside_scope", "该投保单位不在您的监管辖区内："+uscc,
				"The enterprise is outside your jurisdiction: "+uscc)
		} else {
			rec.Set("enterprise", ent.Id)
		}
		if p := takeString(row, "provider_uscc"); p != "" {
			org, err := u.organization(tx, p, "provider")
			if err != nil {
				errs["provider_uscc"] = u.fail("bulk_provider_unknown", "没有该统一社会信用代码的技术服务机构："+p,
					"No service provider with this unified social credit code: "+p)
			} else {
				rec.Set("provider", org.Id)
			}
		}
		rec.Set("insurer", insurer)
		if len(errs) > 0 {
			return errs
		}
		return nil
	},
	owns: func(u *uploader, existing *core.Record) bool {
		if u.regulator() {
			return inScope(u.auth, existing.GetString("region_code"))
		}
		return existing.GetString("insurer") == u.org()
	},
}

// enterprises: a regulator uploads the must-insure registry of its region. Columns are the
// enterprise definition's properties (principal.name, principal.mobile, ...).
var enterprises = &kind{
	collection:  "enterprises",
	definition:  "enterprise",
	keyColumn:   "uscc",
	keyIndex:    "idx_enterprises_uscc",
	role:        "regulator",
	importRoles: []string{"regulator"},
	prepare: func(tx core.App, _ *batch, u *uploader, row map[string]any, rec *core.Record) map[string]FieldError {
		region, _ := row["region_code"].(string)
		if region != "" && !inScope(u.auth, region) {
			return map[string]FieldError{"region_code": u.fail("bulk_outside_scope",
				"该单位所在行政区划（"+region+"）不在您的监管辖区内",
				"The enterprise's region ("+region+") is outside your jurisdiction")}
		}
		return nil
	},
	owns: func(u *uploader, existing *core.Record) bool {
		return inScope(u.auth, existing.GetString("region_code"))
	},
}
