package seed

import (
	"math/rand/v2"
	"strings"
)

// usccAlphabet is GB 32100-2015's 31-character set; a character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheck returns the 18th (check) character for the first 17 characters, or 0 when a
// character is outside the alphabet.
func USCCCheck(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31]
}

// ValidUSCC reports whether s is an 18-character code with a correct check character.
func ValidUSCC(s string) bool {
	return len(s) == 18 && USCCCheck(s[:17]) == s[17]
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
	return s + string(USCCCheck(s))
}

// NewUSCCForTest is a valid code registered in region, for tests of other packages.
func NewUSCCForTest(region string) string {
	return NewUSCC(rand.New(rand.NewPCG(uint64(len(region)), 7)), region)
}
