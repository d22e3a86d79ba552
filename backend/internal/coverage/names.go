package coverage

import "azx/backend/internal/seed"

// Region and industry names. The store keeps codes only; the names of Zhejiang's divisions and
// of the industries come from the same tables the demo data is made from. A code without a
// name shows as its code.
var regionNames, industryNames = func() (map[string]string, map[string]string) {
	r := map[string]string{seed.Province.Code: seed.Province.Name}
	for _, c := range seed.Cities {
		r[c.Code] = c.Name
		for _, k := range c.Counties {
			r[k.Code] = k.Name
		}
	}
	i := map[string]string{}
	for _, in := range seed.Industries {
		i[in.Code] = in.Title
	}
	return r, i
}()

// knownChildren lists the named divisions directly under a region, so a region without any
// enterprise still shows (as zero) on the map.
func knownChildren(region string) []string {
	var out []string
	switch Level(region) {
	case "province":
		for _, c := range seed.Cities {
			if c.Code[:2] == region[:2] {
				out = append(out, c.Code)
			}
		}
	case "city":
		for _, c := range seed.Cities {
			if c.Code == region {
				for _, k := range c.Counties {
					out = append(out, k.Code)
				}
			}
		}
	}
	return out
}

func regionName(code string) string {
	if n, ok := regionNames[code]; ok {
		return n
	}
	return code
}

func industryName(code string) string {
	if n, ok := industryNames[code]; ok {
		return n
	}
	return code
}
