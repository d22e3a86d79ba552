package seed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"azx/backend/internal/packs"
)

// Config selects the size of the demo data set; the same Config always yields the same Plan.
type Config struct {
	Seed             uint64
	Enterprises      int
	Years            int // policy years back from the reference date (1 = current year only)
	EnterpriseLogins int // enterprises that get an organization and a login
	// Packs are the rule packs the policies are made under (packs.Current of the data folder;
	// packs.Shipped in tests): rates, coefficients and thresholds come from them.
	Packs *packs.Snapshot
}

// DefaultConfig is the demo data set of `seed` without flags.
func DefaultConfig() Config {
	return Config{Seed: 42, Enterprises: 5000, Years: 2, EnterpriseLogins: 5}
}

// Password of every demo login.
const Password = "azx-demo-2026"

// shanghai is China Standard Time; fixed so that the generator never depends on the host zone.
var shanghai = time.FixedZone("CST", 8*3600)

// RefDate is "today" for the demo data: generated values never read the clock.
var RefDate = time.Date(2026, 11, 1, 0, 0, 0, 0, shanghai)

// Org is an organization row.
type Org struct {
	Key    string // stable name used by the plan (insurer-1, regulator-330100)
	ID     string
	Name   string
	Kind   string
	USCC   string
	Region string
	Prefix string // policy-number prefix of an insurer
}

// User is a demo login.
type User struct {
	ID, Email, Name, Role, OrgKey, ScopeLevel, RegionScope string
	IndustryScope                                          string // an oversight role's industry ("" = every industry)
}

// Person is a named contact.
type Person struct{ Name, Mobile string }

// Enterprise is one row of the must-insure registry.
type Enterprise struct {
	ID, USCC, Name, Region, City, Address, Industry, RiskGrade, Size, Standardization, GBT4754 string
	Headcount                                                                                  int
	// MustInsure is the packs' (their must_insure_industries for the region on RefDate), or
	// the demo regulator's override where MustInsureOverride gives its reason; the server
	// derives the same when the row is written.
	MustInsure         bool
	MustInsureOverride string
	// RiskGradeOverride is the demo regulator's reason for grading the unit low against the
	// packs' grade (risk_grade_override); empty for the packs' grade.
	RiskGradeOverride  string
	Principal, Contact Person
	OrgKey             string // set for enterprises with a login
}

// Coef is one floating coefficient of a policy: its factor's key and value in hundredths.
type Coef struct {
	Key string
	H   int64
}

// Policy is one policy; money is kept in fen (cents) so values are exact.
type Policy struct {
	ID, No, Status, LegalBasis, Product string
	Ent, Insurer, Provider, RenewalOf   int // indices; Provider and RenewalOf are -1 when absent
	Start, End, UploadedAt              time.Time
	Headcount, InsuredPersons           int
	Cover, Medical, Premium, Budget     int64 // fen
	Clause                              bool
	Items                               []string
	Frequency                           int
	// Rating: base rate per person (fen), the packs' floating coefficients in hundredths (85 =
	// 0.85), in the packs' order, and the premium they give (fen). Premium differs from
	// PremiumByRate only where the rate was misused.
	BaseRate, PremiumByRate int64
	Coefs                   []Coef
	Scope, Restrictions     []string
	// The insured as entered on the policy; differs from the registry row on irregular entries.
	InsuredName, InsuredRegion string
}

// Report is one prevention-service report.
type Report struct {
	ID, No, Status, Form, Location, Summary string
	Policy                                  int
	Date                                    time.Time
	Types                                   []string
	Personnel                               []StaffMember
	Participants, Hazards, MajorHazards     int
	Cost                                    int64 // fen
}

// StaffMember is one member of a service team.
type StaffMember struct{ Name, Role, Certificate string }

// Event is one step of a hazard's closed loop.
type Event struct {
	Action, From, To, Actor, Note string // Actor is a user email
	At                            time.Time
	System                        bool // written by the server (the overdue flag), no user
}

// Hazard is one hazard with the events that brought it to its current status.
type Hazard struct {
	ID, No, Location, Description, Basis, Recommendation, Category, Standard, Status string
	Report, Policy, Ent                                                              int
	Major                                                                            bool
	FoundAt, Deadline                                                                time.Time
	Rectifier                                                                        Person
	Events                                                                           []Event
}

// Plan is the whole demo data set, generated in memory before anything is written.
type Plan struct {
	Config      Config
	Orgs        []Org
	Users       []User
	Enterprises []Enterprise
	Policies    []Policy
	Reports     []Report
	Hazards     []Hazard
	Claims      []Claim
	orgIndex    map[string]int
	// sequences counts the business numbers given per prefix, region and year (numbering.Scope)
	sequences map[string]int
	terms     *termsOfPacks // the packs resolved (packs.go)
}

// Org returns the organization with the given key.
func (p *Plan) Org(key string) Org { return p.Orgs[p.orgIndex[key]] }

func id(prefix string, n int) string { return fmt.Sprintf("%s%0*d", prefix, 15-len(prefix), n) }

func day(t time.Time, d int) time.Time { return t.AddDate(0, 0, d) }

// Generate builds the plan; it is a pure function of cfg.
func Generate(cfg Config) *Plan {
	if cfg.Packs == nil {
		panic("seed: Config.Packs is required (the rule packs the policies are made under)")
	}
	if cfg.Years < 1 {
		cfg.Years = 1
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed_a2c0_2026))
	p := &Plan{Config: cfg, orgIndex: map[string]int{}, sequences: map[string]int{}}
	p.organizations(rng)
	p.enterprises(rng)
	p.policies(rng)
	p.reportsAndHazards(rng)
	p.claims()
	p.logins()
	return p
}

func (p *Plan) addOrg(o Org) {
	o.ID = id("org", len(p.Orgs)+1)
	p.orgIndex[o.Key] = len(p.Orgs)
	p.Orgs = append(p.Orgs, o)
}

var insurerNames = []struct{ name, prefix string }{
	{"中国人民财产保险股份有限公司浙江省分公司", "PICC"},
	{"中国平安财产保险股份有限公司浙江分公司", "PAIC"},
	{"中国太平洋财产保险股份有限公司浙江分公司", "CPIC"},
	{"中国人寿财产保险股份有限公司浙江省分公司", "CLPC"},
	{"中华联合财产保险股份有限公司浙江分公司", "CICP"},
	{"阳光财产保险股份有限公司浙江省分公司", "SSAI"},
	{"中国大地财产保险股份有限公司浙江分公司", "CCIC"},
	{"太平财产保险有限公司浙江分公司", "TPIC"},
	{"浙商财产保险股份有限公司", "ZSIC"},
	{"华泰财产保险有限公司浙江省分公司", "HTIC"},
}

var providerNames = []string{
	"浙江安信安全技术服务有限公司", "杭州安评科技有限公司", "宁波安泰安全咨询有限公司",
	"温州华安安全技术有限公司", "浙江中安应急技术服务有限公司", "金华安达安全生产技术服务有限公司",
}

func (p *Plan) organizations(rng *rand.Rand) {
	p.addOrg(Org{Key: "admin", Name: "浙江省安责险信息平台运维中心", Kind: "admin", Region: Province.Code})
	p.addOrg(Org{Key: "regulator-zj", Name: "浙江省应急管理厅", Kind: "regulator", Region: Province.Code})
	for _, c := range Cities {
		p.addOrg(Org{Key: "regulator-" + c.Code, Name: c.Name + "应急管理局", Kind: "regulator", Region: c.Code})
	}
	p.addOrg(Org{Key: "regulator-330106", Name: "杭州市西湖区应急管理局", Kind: "regulator", Region: "330106"})
	for i, in := range insurerNames {
		p.addOrg(Org{Key: fmt.Sprintf("insurer-%d", i+1), Name: in.name, Kind: "insurer", Region: "330106",
			USCC: NewUSCC(rng, "330100"), Prefix: in.prefix})
	}
	for i, name := range providerNames {
		region := Cities[i%len(Cities)].Counties[0].Code
		p.addOrg(Org{Key: fmt.Sprintf("provider-%d", i+1), Name: name, Kind: "provider", Region: region,
			USCC: NewUSCC(rng, CityOf(region))})
	}
	// read-only oversight (issue 17): the province's construction authority and financial regulator
	p.addOrg(Org{Key: "authority-construction", Name: "浙江省住房和城乡建设厅", Kind: "authority", Region: Province.Code})
	p.addOrg(Org{Key: "financial-zj", Name: "国家金融监督管理总局浙江监管局", Kind: "financial_regulator", Region: Province.Code})
}

func weighted[T any](rng *rand.Rand, xs []T, weight func(T) int) T {
	total := 0
	for _, x := range xs {
		total += weight(x)
	}
	n := rng.IntN(total)
	for _, x := range xs {
		if n -= weight(x); n < 0 {
			return x
		}
	}
	return xs[len(xs)-1]
}

var gbt4754 = map[string]string{
	"coal_mining": "B06", "non_coal_mining": "B10", "hazardous_chemicals": "C26", "fireworks": "C2672",
	"transport": "G54", "construction": "E47", "civil_explosives": "C2671", "metal_smelting": "C31",
	"fishing": "A041", "fuel_station": "F5265", "pharmaceutical": "C27", "hazchem_user": "C33",
	"combustible_dust": "C21", "ship_building": "C373", "confined_space": "N77", "ammonia_refrigeration": "C13",
	"spray_painting": "C36", "crowded_places": "L72", "utilities": "D44", "other": "C34",
}

func (p *Plan) enterprises(rng *rand.Rand) {
	seen := map[string]bool{}
	for i := 0; i < p.Config.Enterprises; i++ {
		city := weighted(rng, Cities, func(c City) int { return c.Weight })
		county := pick(rng, city.Counties)
		in := weighted(rng, Industries, func(x Industry) int { return x.Weight })
		if city.Code == "330900" && rng.IntN(3) == 0 { // Zhoushan: fishing and ship building
			in, _ = IndustryByCode(pick(rng, []string{"fishing", "ship_building"}))
		}
		uscc := NewUSCC(rng, county.Code)
		for seen[uscc] {
			uscc = NewUSCC(rng, county.Code)
		}
		seen[uscc] = true
		headcount := 3 + int(math.Exp(rng.NormFloat64()*1.1+3.6))
		if headcount > 8000 {
			headcount = 8000
		}
		e := Enterprise{
			ID: id("ent", i+1), USCC: uscc, Name: enterpriseName(rng, county, in.Code), Region: county.Code, City: city.Code,
			Address: address(rng, city, county), Industry: in.Code, Headcount: headcount,
			RiskGrade: riskGrade(rng, in), Size: size(headcount), Standardization: pick(rng, []string{"level_1", "level_2", "level_2", "level_3", "level_3", "level_3", "small_compliant", "none"}),
			GBT4754:   gbt4754[in.Code],
			Principal: Person{personName(rng), mobile(rng)}, Contact: Person{personName(rng), mobile(rng)},
		}
		e.MustInsure = p.Terms(e.Region, RefDate).MustInsure(e.Industry)
		if !e.MustInsure && e.City == demoOverrideCity && e.Industry == demoOverrideIndustry {
			e.MustInsure, e.MustInsureOverride = true, demoOverrideReason
		}
		if e.City == demoOverrideCity && in.HighRisk && i%9 == 0 {
			// the system's write keeps the registry's grade (internal/packs: risk.go), so the
			// plan's grade is the override's, the reason beside it as a regulator records it
			e.RiskGrade, e.RiskGradeOverride = demoGradeOverride, demoGradeReason
		}
		p.Enterprises = append(p.Enterprises, e)
	}
}

// The demo's regulator override of must-insure (issue 13): the packs leave key users of
// hazardous chemicals out of Zhejiang's list, and the demo's Shaoxing regulator puts its own
// in, with a recorded reason, through the server's override path, so the compliance report has
// overrides to show. An example, not a Shaoxing rule.
const (
	demoOverrideCity     = "330600"
	demoOverrideIndustry = "hazchem_user"
	demoOverrideReason   = "本市危险化学品使用重点企业纳入应保范围（演示数据）"
	// the demo's Shaoxing regulator grades some high-risk-industry units low against the packs
	// (issue 17: a regulator may override the grade with a reason), in the safe direction: a
	// lower grade plans fewer visits, so no seeded policy's service frequency falls below it
	demoGradeOverride = "low"
	demoGradeReason   = "重大危险源已核销、近三年无事故，经专家评估降为低风险（演示数据）"
)

func riskGrade(rng *rand.Rand, in Industry) string {
	r := rng.IntN(100)
	switch {
	case in.HighRisk && r < 35, !in.HighRisk && r < 10:
		return "high"
	case r < 80:
		return "medium"
	default:
		return "low"
	}
}

func size(headcount int) string {
	switch {
	case headcount >= 1000:
		return "large"
	case headcount >= 300:
		return "medium"
	case headcount >= 20:
		return "small"
	default:
		return "micro"
	}
}
