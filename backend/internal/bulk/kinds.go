package bulk

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// policies: an insurer uploads its own organization's policies. Columns are the policy
// definition's properties (nested by dots: insured.uscc, period.start) plus:
//
//	enterprise_uscc  the insured enterprise in the registry (defaults to insured.uscc)
//	provider_uscc    optional: the service provider organization
var policies = &kind{
	collection: "policies",
	definition: "policy",
	keyColumn:  "policy_no",
	rename:     map[string]string{"enterprise": "enterprise_uscc", "provider": "provider_uscc"},
	prepare: func(tx core.App, u *uploader, row map[string]any, rec *core.Record) map[string]FieldError {
		errs := map[string]FieldError{}
		uscc := takeString(row, "enterprise_uscc")
		if uscc == "" {
			if ins, ok := row["insured"].(map[string]any); ok {
				uscc, _ = ins["uscc"].(string)
			}
		}
		if uscc == "" {
			errs["enterprise_uscc"] = u.fail("bulk_enterprise_required", "须填写投保单位统一社会信用代码（enterprise_uscc）",
				"The enterprise's unified social credit code (enterprise_uscc) is required")
		} else if ent, err := tx.FindFirstRecordByData("enterprises", "uscc", uscc); err != nil {
			errs["enterprise_uscc"] = u.fail("bulk_enterprise_unknown", "应保单位名录中没有该统一社会信用代码："+uscc,
				"No enterprise with this unified social credit code in the registry: "+uscc)
		} else {
			rec.Set("enterprise", ent.Id)
		}
		if p := takeString(row, "provider_uscc"); p != "" {
			org := &core.Record{}
			err := tx.RecordQuery("organizations").AndWhere(dbx.HashExp{"uscc": p, "kind": "provider"}).Limit(1).One(org)
			if err != nil {
				errs["provider_uscc"] = u.fail("bulk_provider_unknown", "没有该统一社会信用代码的技术服务机构："+p,
					"No service provider with this unified social credit code: "+p)
			} else {
				rec.Set("provider", org.Id)
			}
		}
		rec.Set("insurer", u.org())
		if len(errs) > 0 {
			return errs
		}
		return nil
	},
	owns: func(u *uploader, existing *core.Record) bool {
		return existing.GetString("insurer") == u.org()
	},
}

// enterprises: a regulator uploads the must-insure registry of its region. Columns are the
// enterprise definition's properties (principal.name, principal.mobile, ...).
var enterprises = &kind{
	collection: "enterprises",
	definition: "enterprise",
	keyColumn:  "uscc",
	prepare: func(tx core.App, u *uploader, row map[string]any, rec *core.Record) map[string]FieldError {
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
