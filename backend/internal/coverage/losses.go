package coverage

import (
	"cmp"
	"strings"
	"time"
)

// Loss figures (issue 17): what claims cost against what the premium earned and the cover
// exposed. Definitions (DOMAIN.md, "Claims"; Beijing's notice, seed 004: "制定北京地区各行业、
// 领域安责险纯风险损失率", which names the figure but does not define it):
//   - 赔付率 lossRatio = claims paid ÷ earned premium. Claims paid: every payment of the claims
//     (advance payments and settlements; claims.paid, which the claim events alone move) whose
//     accident falls in the window (any, without one). Earned premium: each active or expired
//     policy's premium pro rata to the part of its period that lies in the window and has
//     passed by "at".
//   - 纯风险损失率 pureLossRate = claims paid ÷ earned exposure, the exposure being the sum
//     insured (cover per person × insured persons) earned the same way. Prevention-service
//     spending is never in the numerator: it is booked in service reports, not as claims.
//     The notices leave the official figure to the insurance association; confirm against its
//     table before treating this one as official.

// claimFact is one claim as the loss figures read it.
type claimFact struct {
	live     bool
	paid     float64
	place    place
	insurer  sym
	accident int64 // the accident day, midnight in China, in Unix ms
}

// accidentMs reads a claim's accident day (YYYY-MM-DD, a calendar day in China).
func accidentMs(b []byte) int64 {
	if len(b) == 0 {
		return noDate
	}
	d, err := time.ParseInLocation(time.DateOnly, string(b), china)
	if err != nil {
		return badDate
	}
	return d.UnixMilli()
}

// claimIn: a claim whose accident falls in the window (every claim without one).
func (j *judge) claimIn(c *claimFact) bool {
	return !j.windowed || c.accident != noDate && c.accident != badDate && c.accident >= j.from && c.accident <= j.to
}

// Claim metrics: claims in the window, and those of them paid anything.
func claimAll(*judge, *claimFact) bool      { return true }
func claimPaid(_ *judge, c *claimFact) bool { return c.paid > 0 }

var claimMetrics = map[string]func(*judge, *claimFact) bool{"claims": claimAll, "claims_paid": claimPaid}

// earnedShare is the part of a policy's period in the window and past by "at" (0–1); a policy
// neither active nor expired (surrendered, cancelled) earns nothing here.
func (j *judge) earnedShare(p *polFact) float64 {
	if p.status != polActive && p.status != polExpired || p.start <= badDate || p.end <= badDate || p.end <= p.start {
		return 0
	}
	lo, hi := p.start, min(p.end, j.at)
	if j.windowed {
		lo, hi = max(lo, j.from), min(hi, j.to)
	}
	if hi <= lo {
		return 0
	}
	return float64(hi-lo) / float64(p.end-p.start)
}

// claimOrder lists claims by accident day and id.
func (x *factIndex) claimOrder(a, b int32) int {
	if c := cmp.Compare(x.claims[a].accident, x.claims[b].accident); c != 0 {
		return c
	}
	return strings.Compare(x.claimIDs.names[a], x.claimIDs.names[b])
}

func (x *factIndex) putClaim(id string, f claimFact) {
	f.live = true
	n := x.claimIDs.of(id, func() { x.claims = append(x.claims, claimFact{}) })
	x.claims[n] = f
}
