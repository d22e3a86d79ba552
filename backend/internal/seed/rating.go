package seed

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
)

// restrictionTexts are clauses insurers add outside the scheme (增加限制条件).
var restrictionTexts = []string{
	"仅承保白班作业期间发生的事故",
	"因安全设施未经验收导致的事故不在保险责任范围内",
	"每次事故赔偿人数以 5 人为限",
	"劳务派遣人员不在保险责任范围内",
	"每次事故绝对免赔额 5000 元",
}

// rate fills the rating of pol and its premium by the packs' terms t: the base rate of the
// industry scaled to the cover (rounded half up to the fen, as the packs compute it), one of
// each factor's allowed values (the registry's grade where the factor follows one, the band of
// the insured persons), and, on a few policies, the rate misused the ways the bulletin found.
func (p *Plan) rate(rng *rand.Rand, pol *Policy, t *Terms, e Enterprise) {
	if t.BasisCover > 0 {
		pol.BaseRate = (t.Rates[e.Industry]*pol.Cover*2 + t.BasisCover) / (t.BasisCover * 2)
	}
	pol.Coefs = make([]Coef, 0, len(t.Factors))
	for _, f := range t.Factors {
		c := Coef{Key: f.Key, H: 100}
		switch {
		case len(f.Bands) > 0:
			c.H = f.BandOf(pol.InsuredPersons)
		case len(f.Options) > 0:
			o := pick(rng, f.Options)
			if g := e.grade(f.FromEnterprise); g != "" {
				for _, x := range f.Options {
					if x.Code == g {
						o = x
					}
				}
			}
			c.H = o.H
		}
		pol.Coefs = append(pol.Coefs, c)
	}
	misuse := -1
	if rng.IntN(100) < pctRateMisused {
		misuse = rng.IntN(4)
	}
	if misuse == 1 { // a coefficient the mechanism does not allow: beyond every allowed value
		if i := rng.IntN(len(pol.Coefs)); len(t.Factors[i].Options) > 0 {
			hi, lo := int64(0), int64(math.MaxInt64)
			for _, o := range t.Factors[i].Options {
				hi, lo = max(hi, o.H), min(lo, o.H)
			}
			pol.Coefs[i].H = hi + max(hi-lo, 1)
		} else {
			misuse = 0
		}
	}
	pol.PremiumByRate = PremiumByRate(pol.BaseRate, pol.Coefs, pol.InsuredPersons)
	pol.Premium = pol.PremiumByRate
	switch misuse {
	case 0: // premium not by the coefficients: an unapproved discount
		pol.Premium = max(1, min(pol.PremiumByRate-1, pol.PremiumByRate*int64(70+rng.IntN(21))/100))
	case 2: // a statutory cover item cut
		if len(t.Statutory) > 1 {
			drop := pick(rng, t.Statutory[1:])
			scope := pol.Scope[:0]
			for _, x := range pol.Scope {
				if x != drop {
					scope = append(scope, x)
				}
			}
			pol.Scope = scope
		}
	case 3:
		pol.Restrictions = []string{pick(rng, restrictionTexts)}
		if rng.IntN(3) == 0 {
			if r := pick(rng, restrictionTexts); r != pol.Restrictions[0] {
				pol.Restrictions = append(pol.Restrictions, r)
			}
		}
	}
}

// grade is the registry's value of a field a coefficient follows ("" when it records none).
func (e Enterprise) grade(field string) string {
	if field == "standardization_level" {
		return e.Standardization
	}
	return ""
}

// PremiumByRate is base rate × every coefficient × insured persons, in fen rounded half up;
// integer arithmetic so that the plan and the stored yuan values agree to the cent.
func PremiumByRate(baseRate int64, coefs []Coef, persons int) int64 {
	n := new(big.Int).Mul(big.NewInt(baseRate), big.NewInt(int64(persons)))
	d := big.NewInt(1)
	for _, c := range coefs {
		n.Mul(n, big.NewInt(c.H))
		d.Mul(d, big.NewInt(100))
	}
	n.Add(n, new(big.Int).Quo(d, big.NewInt(2)))
	return n.Quo(n, d).Int64()
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
