package security

import "github.com/pocketbase/pocketbase/core"

// RateLimitRules are AZX's PocketBase rate limits, per client address (behind a reverse proxy
// the address comes from --trusted-proxy). A migration stores them, switched on, in the
// settings of every data folder; operators tune them in the admin UI (Settings → Rate limits).
// Superusers are never limited. Labels: PocketBase's tags ("*:auth" is every sign-in of an auth
// collection, "*:create" every record create) or path prefixes; a request counts against the
// first rule that matches, a prefix rule only if no tag rule did.
func RateLimitRules() []core.RateLimitRule {
	return []core.RateLimitRule{
		// sign-in by password, OTP or OAuth2: 10 a minute per address and collection
		{Label: "*:auth", MaxRequests: 10, Duration: 60},
		// mails sent on request (OTP, password reset, verification, e-mail change)
		{Label: "*:requestOTP", MaxRequests: 5, Duration: 60},
		{Label: "*:requestPasswordReset", MaxRequests: 5, Duration: 60},
		{Label: "*:requestVerification", MaxRequests: 5, Duration: 60},
		{Label: "*:requestEmailChange", MaxRequests: 5, Duration: 60},
		// record writes, per collection
		{Label: "*:create", MaxRequests: 60, Duration: 10},
		{Label: "*:update", MaxRequests: 60, Duration: 10},
		{Label: "*:delete", MaxRequests: 20, Duration: 10},
		// AZX's own write routes: bulk uploads, inspection rounds and findings, the overdue sweep
		{Label: "POST /api/azx/", MaxRequests: 20, Duration: 10},
		{Label: "/api/batch", MaxRequests: 3, Duration: 1},
		// everything else under /api/ (reads, realtime): 60 a second on average
		{Label: "/api/", MaxRequests: 600, Duration: 10},
	}
}
