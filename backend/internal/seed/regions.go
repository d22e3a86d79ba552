package seed

import (
	"strings"

	"azx/backend/internal/reference"
)

// Region is a GB/T 2260 administrative division of Zhejiang used by the demo data; its names
// come from the national reference data (schemas/reference/regions.json).
type Region struct {
	Code  string
	Name  string
	Short string // the name as it appears in company names (杭州, 萧山)
}

// City is a prefecture-level city with a few of its real counties and districts.
type City struct {
	Region
	Weight   int // share of the province's enterprises
	Counties []Region
}

// ProvinceCode is Zhejiang's.
const ProvinceCode = "330000"

// cityPlan: Zhejiang's 11 prefecture-level cities, each city's share of the registry and the
// counties the demo data places enterprises in.
var cityPlan = []struct {
	code     string
	weight   int
	counties []string
}{
	{"330100", 15, []string{"330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112", "330127", "330182"}},
	{"330200", 15, []string{"330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282"}},
	{"330300", 12, []string{"330302", "330303", "330304", "330305", "330324", "330381", "330382", "330383"}},
	{"330400", 9, []string{"330402", "330411", "330421", "330424", "330481", "330482", "330483"}},
	{"330500", 6, []string{"330502", "330503", "330521", "330522", "330523"}},
	{"330600", 9, []string{"330602", "330603", "330604", "330624", "330681", "330683"}},
	{"330700", 10, []string{"330702", "330703", "330723", "330726", "330781", "330782", "330783", "330784"}},
	{"330800", 4, []string{"330802", "330803", "330822", "330824", "330825", "330881"}},
	{"330900", 4, []string{"330902", "330903", "330921", "330922"}},
	{"331000", 10, []string{"331002", "331003", "331004", "331022", "331081", "331082", "331083"}},
	{"331100", 4, []string{"331102", "331121", "331122", "331181"}},
}

// Province is Zhejiang (浙江省, 330000).
var Province = regionOf(ProvinceCode)

// Cities are Zhejiang's 11 prefecture-level cities with GB/T 2260 codes and names.
var Cities = func() []City {
	out := make([]City, len(cityPlan))
	for i, c := range cityPlan {
		out[i] = City{Region: regionOf(c.code), Weight: c.weight}
		for _, k := range c.counties {
			out[i].Counties = append(out[i].Counties, regionOf(k))
		}
	}
	return out
}()

var builtinRegions = func() map[string]reference.Region {
	m := map[string]reference.Region{}
	for _, r := range reference.BuiltinRegions() {
		m[r.Code] = r
	}
	return m
}()

// regionOf names a division from the reference data; the short name drops 省/市/区/县.
func regionOf(code string) Region {
	r, ok := builtinRegions[code]
	if !ok {
		panic("seed: region " + code + " is not in the reference data")
	}
	short := r.Name
	for _, suffix := range []string{"省", "市", "区", "县"} {
		if s, found := strings.CutSuffix(short, suffix); found {
			short = s
			break
		}
	}
	return Region{Code: r.Code, Name: r.Name, Short: short}
}

// CityOf returns the city code (XXXX00) of a county code.
func CityOf(code string) string { return code[:4] + "00" }
