package logic

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Exact decimal arithmetic for money: a number is read as the decimal it prints as (its
// shortest round-trip digits, what JavaScript's String(x) shows), products and quotients are
// exact, and only the result is rounded. components/core/logic-operations.ts does the same with
// BigInt, so the browser and the server agree to the cent where floating point would not
// (256.67 × 0.95 × 50 is 12191.825 exactly, 12191.824999999999 in doubles).

// maxScale bounds the powers of ten an exact result may need (a value beyond 1e±400 is no
// amount of money; the limit keeps administrator-written logic cheap).
const maxScale = 800

// decimalOf is f as digits × 10^exp; false for NaN and ±Infinity.
func decimalOf(f float64) (*big.Int, int, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, 0, false
	}
	if f == 0 {
		return new(big.Int), 0, true
	}
	mant, expPart, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	neg := strings.HasPrefix(mant, "-")
	digits := strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1)
	exp, _ := strconv.Atoi(expPart)
	n, _ := new(big.Int).SetString(digits, 10)
	if neg {
		n.Neg(n)
	}
	return n, exp - (len(digits) - 1), true
}

var ten = big.NewInt(10)

func pow10(n int) *big.Int { return new(big.Int).Exp(ten, big.NewInt(int64(n)), nil) }

// roundExact is Π factors ÷ Π divisors rounded to places decimals: "half_up" (half away from
// zero, the default), "ceiling" (toward +∞) or "floor" (toward −∞). NaN for a value that is not
// a finite number, a zero divisor, bad places or an unknown mode.
func roundExact(factors, divisors []any, placesArg, modeArg any) float64 {
	places := 0.0
	if placesArg != nil {
		places = numberArg(placesArg)
	}
	if places != math.Trunc(places) || places < 0 || places > 20 {
		return math.NaN()
	}
	mode := "half_up"
	if modeArg != nil {
		s, ok := modeArg.(string)
		if !ok {
			return math.NaN()
		}
		mode = s
	}
	if mode != "half_up" && mode != "ceiling" && mode != "floor" {
		return math.NaN()
	}
	num, den := big.NewInt(1), big.NewInt(1)
	scale := int(places)
	for _, f := range factors {
		d, e, ok := decimalOf(numberArg(f))
		if !ok {
			return math.NaN()
		}
		num.Mul(num, d)
		scale += e
	}
	for _, f := range divisors {
		d, e, ok := decimalOf(numberArg(f))
		if !ok || d.Sign() == 0 {
			return math.NaN()
		}
		den.Mul(den, d)
		scale -= e
	}
	if scale > maxScale || scale < -maxScale {
		return math.NaN()
	}
	if scale >= 0 {
		num.Mul(num, pow10(scale))
	} else {
		den.Mul(den, pow10(-scale))
	}
	neg := num.Sign()*den.Sign() < 0
	num.Abs(num)
	den.Abs(den)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Sign() != 0 {
		up := false
		switch mode {
		case "half_up":
			up = new(big.Int).Lsh(r, 1).Cmp(den) >= 0
		case "ceiling":
			up = !neg
		case "floor":
			up = neg
		}
		if up {
			q.Add(q, big.NewInt(1))
		}
	}
	if q.Sign() == 0 {
		return 0
	}
	s := q.String()
	if n := int(places); n > 0 {
		if len(s) <= n {
			s = strings.Repeat("0", n-len(s)+1) + s
		}
		s = s[:len(s)-n] + "." + s[len(s)-n:]
	}
	if neg {
		s = "-" + s
	}
	out, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return out
}

// numberArg reads an argument that must be a number: a number, or a string that is one
// (" 12.5 "); anything else (null, "", true, a list) is NaN, never the 0 JavaScript would make
// of it, so a missing amount cannot pass for zero.
func numberArg(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case string:
		if jsTrim(x) != "" {
			return toNumber(x)
		}
	}
	return math.NaN()
}

// asList is an argument that should be a list: a list as it is, anything else as one item.
func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{v}
}

func opRound(a []any, _ any, _ int) (any, error) {
	return roundExact([]any{at(a, 0)}, nil, at(a, 1), at(a, 2)), nil
}

func opRoundProduct(a []any, _ any, _ int) (any, error) {
	var divisors []any
	if len(a) > 3 && a[3] != nil {
		divisors = asList(a[3])
	}
	return roundExact(asList(at(a, 0)), divisors, at(a, 1), at(a, 2)), nil
}
