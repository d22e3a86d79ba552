package seed

import (
	"math/rand/v2"
	"strings"

	"azx/backend/internal/validation"
)

// ValidUSCC reports whether s is an 18-character code with a correct check character; the
// check itself lives with the server's validation, so seed and server cannot disagree.
func ValidUSCC(s string) bool {
	return validation.ValidUSCC(s)
}

// orgCodeCheck is GB 11714's check character over the 8-character organization code body.
func orgCodeCheck(body string) byte {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(body[i]-'0') * weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// NewUSCC makes a valid code for a company (registration authority 9, type 1) registered
// in region: 91 + region + 9-character organization code (with its own check) + check.
func NewUSCC(rng *rand.Rand, region string) string {
	var b strings.Builder
	b.WriteString("91")
	b.WriteString(region)
	body := make([]byte, 8)
	for i := range body {
		body[i] = byte('0' + rng.IntN(10))
	}
	b.Write(body)
	b.WriteByte(orgCodeCheck(string(body)))
	s := b.String()
	return s + string(validation.USCCCheckChar(s))
}

// NewUSCCForTest is a valid code registered in region, for tests of other packages.
func NewUSCCForTest(region string) string {
	return NewUSCC(rand.New(rand.NewPCG(uint64(len(region)), 7)), region)
}
