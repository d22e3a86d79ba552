package validation

import "testing"

func TestValidUSCC(t *testing.T) {
	// codes made by the JavaScript fixtures (test/fixtures/uscc.mjs), an independent implementation
	valid := []string{"91330602MA2E10001E", "91330106MA2E200029"}
	for _, c := range valid {
		if !ValidUSCC(c) {
			t.Errorf("ValidUSCC(%q) = false, want true", c)
		}
	}
	// a code built here from its first 17 characters
	first := "92320500MA1XYB12P"
	built := first + string(USCCCheckChar(first))
	if !ValidUSCC(built) {
		t.Errorf("ValidUSCC(%q) = false for a code with a computed check character", built)
	}

	invalid := map[string]string{
		"wrong check character": "91330602MA2E10001F",
		"too short":             "91330602MA2E10001",
		"too long":              "91330602MA2E10001EE",
		"letter I not allowed":  "91330602MA2I10001E",
		"letter O not allowed":  "91330602MA2O10001E",
		"lower case":            "91330602ma2e10001e",
		"letter in region part": "9133A602MA2E10001E",
		"empty":                 "",
		"multibyte":             "91330602MA2E1000１E",
	}
	for why, c := range invalid {
		if ValidUSCC(c) {
			t.Errorf("ValidUSCC(%q) = true, want false (%s)", c, why)
		}
	}
}

func TestRegionAndMobile(t *testing.T) {
	for _, c := range []string{"330602", "110000", "820000", "320500"} {
		if !ValidRegionCode(c) {
			t.Errorf("ValidRegionCode(%q) = false", c)
		}
	}
	for _, c := range []string{"100000", "830000", "33060", "3306021", "33060a", ""} {
		if ValidRegionCode(c) {
			t.Errorf("ValidRegionCode(%q) = true", c)
		}
	}
	for _, c := range []string{"13800000001", "19912345678"} {
		if !ValidMobile(c) {
			t.Errorf("ValidMobile(%q) = false", c)
		}
	}
	for _, c := range []string{"12800000001", "1380000000", "138000000012", "1380000000a"} {
		if ValidMobile(c) {
			t.Errorf("ValidMobile(%q) = true", c)
		}
	}
	if CityCode("330602") != "330600" || ProvinceCode("330602") != "330000" || CityCode("33") != "" {
		t.Error("CityCode/ProvinceCode derive the wrong codes")
	}
}
