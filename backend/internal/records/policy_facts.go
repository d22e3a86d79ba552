package records

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/audit"
	"azx/backend/internal/loader"
	"azx/backend/internal/stored"
	"azx/backend/internal/validation"
)

// The facts of a policy that the regulators' figures count are the server's (issue 13): when it
// was uploaded (未按时上传) and which policy it renews (到期未续保). Nothing a client writes moves them.

// stampUpload sets uploaded_at when a policy first arrives, by any path, and keeps it on every
// later save: the time the row arrives, which is now, or for the system's dated history (the demo
// seed sets created with SetRaw, which no client can) the row's created. The system may also
// name the time itself (a test's or a migration's copy of a stored policy).
func stampUpload(app core.App, r *core.Record) {
	if prev := Previous(app, r); prev != nil {
		r.Set("uploaded_at", prev.GetDateTime("uploaded_at"))
		return
	}
	if audit.ActorOf(r) == audit.System {
		if !r.GetDateTime("uploaded_at").IsZero() {
			return
		}
		if created := r.GetDateTime("created"); !created.IsZero() {
			r.Set("uploaded_at", created)
			return
		}
	}
	r.Set("uploaded_at", types.NowDateTime())
}

// renewalRefusal is the one answer to a renewal link the caller may not make, whether or not the
// named policy exists: the answer must not tell an insurer about another insurer's policies.
func renewalRefusal() *validation.FieldError {
	return validation.New("renewal_not_own",
		"续保的原保单不存在，或不是该企业的、您可以查看的保单",
		"The renewed policy does not exist, or is not one of this enterprise's policies that you can read")
}

// deriveRenewal checks a renewal link a client names and replaces it with the server's: the same
// enterprise's latest policy starting before this one. The system's own writes (the seed's
// history) keep a link of the same enterprise.
func deriveRenewal(app core.App, read *loader.Known, r *core.Record, errs validation.Errors) {
	named := r.GetString("renewal_of")
	unchanged := false
	if prev := Previous(app, r); prev != nil {
		unchanged = named == prev.GetString("renewal_of")
	}
	if named != "" && !unchanged && !canRenew(app, r, named) {
		validation.Add(errs, "renewal_of", renewalRefusal())
		named = ""
	}
	if audit.ActorOf(r) == audit.System && named != "" {
		return
	}
	r.Set("renewal_of", latestEarlier(app, read, r))
}

// canRenew: id is a policy of r's enterprise that r's writer may read.
func canRenew(app core.App, r *core.Record, id string) bool {
	if id == r.Id {
		return false
	}
	p, err := app.FindRecordById(Policies, id)
	if err != nil || p.GetString("enterprise") != r.GetString("enterprise") {
		return false
	}
	return CanRead(app, audit.ActorOf(r), p)
}

// latestEarlier is the id of the enterprise's latest policy that starts before r ("" if none),
// from the index (enterprise, period_start, id), asked on every policy write: prepared once a
// transaction (stored.ScanRow).
func latestEarlier(app core.App, read *loader.Known, r *core.Record) string {
	start := r.GetDateTime("period_start")
	if start.IsZero() || r.GetString("enterprise") == "" {
		return ""
	}
	var id string
	if stored.ScanRow(app, latestEarlierSQL, []any{r.GetString("enterprise"), start.String(), r.Id}, &id) != nil {
		return ""
	}
	read.Add(Policies, id)
	return id
}

const latestEarlierSQL = "SELECT id FROM policies WHERE enterprise = ? AND period_start < ? AND id != ? " +
	"ORDER BY period_start DESC, id DESC LIMIT 1"

// CanRead mirrors the view rules of the business collections (README "Roles and scope") for an
// actor as audit names it: the system and superusers read everything, a user its parties' rows
// or, as a regulator, the rows of its scope; an oversight role (industry authority, financial
// regulator) the rows of its scope in its industry.
func CanRead(app core.App, actor string, row *core.Record) bool {
	if actor == audit.System {
		return true
	}
	u, err := app.FindRecordById("users", actor)
	if err != nil {
		return strings.HasPrefix(actor, "_superusers/")
	}
	org := u.GetString("organization")
	switch u.GetString("role") {
	case "regulator":
		return inScope(u, row)
	case "authority", "financial_regulator":
		industry := u.GetString("industry_scope")
		return inScope(u, row) && (industry == "" || row.GetString("industry") == industry)
	case "insurer":
		return org != "" && row.GetString("insurer") == org
	case "provider":
		return org != "" && row.GetString("provider") == org
	case "enterprise":
		return org != "" && row.GetString("enterprise_org") == org
	}
	return false
}
