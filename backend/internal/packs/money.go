package packs

import (
	"math"
	"math/big"
	"strconv"
)

// Money and coefficients are compared in integers (fen, hundredths) so that the server and
// the browser (which uses BigInt the same way) agree to the cent.

// Fen converts yuan to fen, rounding half away from zero.
func Fen(yuan float64) int64 { return int64(math.Round(yuan * 100)) }

// Hundredths converts a coefficient such as 0.95 to 95; ok is false when it has more than two
// decimals (no regulator's coefficient has).
func Hundredths(c float64) (int64, bool) {
	h := math.Round(c * 100)
	return int64(h), math.Abs(c*100-h) < 1e-6
}

// divHalfUp is n / d rounded half up, for non-negative n and positive d.
func divHalfUp(n, d *big.Int) int64 {
	q := new(big.Int).Add(n, new(big.Int).Quo(d, big.NewInt(2)))
	return q.Quo(q, d).Int64()
}

// BaseRateFen is the pack's industry rate scaled to a cover per person: rate × cover / basis.
func BaseRateFen(rateYuan, coverYuan, basisYuan float64) int64 {
	n := new(big.Int).Mul(big.NewInt(Fen(rateYuan)), big.NewInt(Fen(coverYuan)))
	return divHalfUp(n, big.NewInt(Fen(basisYuan)))
}

// PremiumFen is base rate × every coefficient (hundredths) × persons, in fen rounded half up.
func PremiumFen(baseFen int64, coefs []int64, persons int64) int64 {
	n := new(big.Int).Mul(big.NewInt(baseFen), big.NewInt(persons))
	d := big.NewInt(1)
	for _, c := range coefs {
		n.Mul(n, big.NewInt(c))
		d.Mul(d, big.NewInt(100))
	}
	return divHalfUp(n, d)
}

// RatioFen is premium × ratio in fen, rounded up (a minimum) or down (a maximum).
func RatioFen(premiumFen int64, ratio float64, up bool) int64 {
	bp := int64(math.Round(ratio * 10000)) // basis points
	n := premiumFen * bp
	if up {
		return (n + 9999) / 10000
	}
	return n / 10000
}

// Yuan formats fen as yuan: "20000", or "20000.50" when there are cents.
func Yuan(fen int64) string {
	if fen%100 == 0 {
		return strconv.FormatInt(fen/100, 10)
	}
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return sign + strconv.FormatInt(fen/100, 10) + "." + pad2(fen%100)
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// Coef formats hundredths as a coefficient: 95 → "0.95", 100 → "1", 110 → "1.1".
func Coef(h int64) string {
	s := strconv.FormatFloat(float64(h)/100, 'f', -1, 64)
	return s
}

// Percent formats a ratio: 0.2 → "20%", 0.215 → "21.5%".
func Percent(r float64) string {
	return strconv.FormatFloat(math.Round(r*10000)/100, 'f', -1, 64) + "%"
}
