package validation

import "strings"

// usccAlphabet is the GB 32100-2015 character set; a character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidUSCC reports whether s is a unified social credit code (GB 32100-2015): 18 characters
// of the code alphabet, characters 3 to 8 a GB/T 2260 region code, and a correct check
// character.
func ValidUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return false
		}
		if i >= 2 && i < 8 && (s[i] < '0' || s[i] > '9') {
			return false
		}
		sum += v * usccWeights[i]
	}
	check := (31 - sum%31) % 31
	return s[17] == usccAlphabet[check]
}

// USCCCheckChar returns the check character for the first 17 characters of a code, or 0 when
// they are not all in the alphabet (used by tests and the seed to make valid codes).
func USCCCheckChar(first17 string) byte {
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

// ValidRegionCode reports whether s is a six-digit GB/T 2260 code whose province part is
// between 11 and 82.
func ValidRegionCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	p := int(s[0]-'0')*10 + int(s[1]-'0')
	return p >= 11 && p <= 82
}

// ValidMobile reports whether s is a mainland China mobile number (^1[3-9]\d{9}$).
func ValidMobile(s string) bool {
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < 11; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CityCode and ProvinceCode derive the city and province of a region code.
func CityCode(region string) string {
	if len(region) != 6 {
		return ""
	}
	return region[:4] + "00"
}

// ProvinceCode is the province code (first two digits + "0000") of a region code.
func ProvinceCode(region string) string {
	if len(region) != 6 {
		return ""
	}
	return region[:2] + "0000"
}
