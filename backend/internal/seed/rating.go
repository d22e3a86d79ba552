package seed

import (
	"math/rand/v2"
	"strings"
)

// fullScope is the cover of the provincial insurance scheme; the first, second and fourth
// items are statutory, a policy without them has had its cover cut (删减保障内容).
var fullScope = []string{"employee_injury", "third_party_injury", "third_party_property", "rescue", "medical_aid", "investigation", "legal"}

// StatutoryScope are the cover items no policy may drop.
var StatutoryScope = []string{"employee_injury", "third_party_injury", "rescue"}

// Coefficient bounds of the rating mechanism, in hundredths (0.7 … 1.3).
const coefMin, coefMax = 70, 130

// standardizationCoef: a better safety-standardization grade pays less.
var standardizationCoef = map[string]int64{"level_1": 80, "level_2": 90, "level_3": 100, "small_compliant": 100, "none": 120}

// restrictionTexts are clauses insurers add outside the scheme (增加限制条件).
var restrictionTexts = []string{
	"仅承保白班作业期间发生的事故",
	"因安全设施未经验收导致的事故不在保险责任范围内",
	"每次事故赔偿人数以 5 人为限",
	"劳务派遣人员不在保险责任范围内",
	"每次事故绝对免赔额 5000 元",
}

// rate fills the rating of pol and its premium. The base rates are EXAMPLE values
// (industries.go: yuan per person per year at a cover of 500,000 per person, scaled to the
// policy's cover), not any city's published tariff; the coefficient values are examples too.
func (p *Plan) rate(rng *rand.Rand, pol *Policy, in Industry, e Enterprise) {
	pol.BaseRate = int64(in.Rate) * pol.Cover / 500000 // fen: yuan × 100 × (cover fen / 100) / 500,000
	pol.Coefs = [4]int64{
		pick(rng, []int64{80, 90, 100, 100, 110, 120, 130}), // accident record
		standardizationCoef[e.Standardization],
		pick(rng, []int64{90, 100, 100, 110}),     // safety credit
		pick(rng, []int64{85, 95, 100, 100, 110}), // dual prevention mechanism
	}
	misuse := -1
	if rng.IntN(100) < pctRateMisused {
		misuse = rng.IntN(4)
	}
	if misuse == 1 { // a coefficient the mechanism does not allow
		pol.Coefs[rng.IntN(4)] = pick(rng, []int64{50, 60, 140, 150})
	}
	pol.PremiumByRate = PremiumByRate(pol.BaseRate, pol.Coefs, pol.InsuredPersons)
	pol.Premium = pol.PremiumByRate
	switch misuse {
	case 0: // premium not by the coefficients: an unapproved discount
		pol.Premium = max(1, min(pol.PremiumByRate-1, pol.PremiumByRate*int64(70+rng.IntN(21))/100))
	case 2: // a statutory cover item cut
		drop := pick(rng, StatutoryScope[1:])
		scope := pol.Scope[:0]
		for _, x := range pol.Scope {
			if x != drop {
				scope = append(scope, x)
			}
		}
		pol.Scope = scope
	case 3:
		pol.Restrictions = []string{pick(rng, restrictionTexts)}
		if rng.IntN(3) == 0 {
			if r := pick(rng, restrictionTexts); r != pol.Restrictions[0] {
				pol.Restrictions = append(pol.Restrictions, r)
			}
		}
	}
}

// PremiumByRate is base rate × the four coefficients × insured persons, in fen rounded half
// up; integer arithmetic so that the plan and the stored yuan values agree to the cent.
func PremiumByRate(baseRate int64, coefs [4]int64, persons int) int64 {
	n := baseRate * int64(persons)
	d := int64(1)
	for _, c := range coefs {
		n *= c
		d *= 100
	}
	return (n + d/2) / d
}

// mismatchedPersons gives an insured-person count that differs from the headcount stated on
// the policy (保额与投保企业人数不匹配). A current policy insures more persons than stated, so
// that it is not also an uninsured-staff case; a past one may go either way.
func mismatchedPersons(rng *rand.Rand, headcount int, current bool) int {
	if !current && headcount >= 2 && rng.IntN(2) == 0 {
		return max(1, min(headcount-1, int(float64(headcount)*(0.5+0.45*rng.Float64()))))
	}
	return headcount + 1 + rng.IntN(max(1, headcount/2))
}

// irregularEntry makes the insured on pol differ from the registry row (录入不规范): a name
// typed as a short form or with the wrong company form, or a region entered as the city or
// as another county.
func irregularEntry(rng *rand.Rand, pol *Policy, e Enterprise) {
	switch rng.IntN(3) {
	case 0:
		pol.InsuredName = strings.TrimSuffix(e.Name, "有限公司")
	case 1:
		pol.InsuredName = strings.TrimSuffix(e.Name, "有限公司") + "有限责任公司"
	default:
		pol.InsuredRegion = e.City
		for _, c := range Cities {
			if c.Code == e.City && rng.IntN(2) == 0 {
				if other := pick(rng, c.Counties); other.Code != e.Region {
					pol.InsuredRegion = other.Code
				}
			}
		}
	}
}
