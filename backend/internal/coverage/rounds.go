package coverage

import (
	"azx/backend/internal/vocab"
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/validation"
)

// MaxSample bounds one round's sample: an inspection team reads every sampled policy.
const MaxSample = 5000

// Round is an inspection round as the API shows it.
type Round struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Region     string   `json:"region"`
	RegionName string   `json:"regionName"`
	Industry   string   `json:"industry"`
	From       string   `json:"from"`
	To         string   `json:"to"`
	Seed       int64    `json:"seed"`
	SampleSize int      `json:"sampleSize"`
	Population int      `json:"population"`
	Sample     []string `json:"sample"`
	Created    string   `json:"created"`
	// draft until published; only a draft is deleted
	Status string `json:"status"`
	// drawn by the server, or the inspectors' own list of policy numbers
	Source      string       `json:"source"`
	Unmatched   []string     `json:"unmatched"`
	Assignments []Assignment `json:"assignments"`
}

// NewRound is what a regulator sends to draw a sample.
type NewRound struct {
	Name     string  `json:"name"`
	Region   string  `json:"region"`
	Industry string  `json:"industry"`
	From     string  `json:"from"`
	To       string  `json:"to"`
	Seed     float64 `json:"seed"`
	Size     float64 `json:"size"`
	// Policies: the inspectors' own list of policy numbers (then seed and size are not used)
	Policies    []string     `json:"policies"`
	Assignments []Assignment `json:"assignments"`
}

// Draw picks k of ids (sorted) reproducibly: the same seed over the same population gives the
// same sample, in the same order (a partial Fisher–Yates shuffle driven by PCG).
func Draw(ids []string, seed uint64, k int) []string {
	pool := slices.Clone(ids)
	slices.Sort(pool)
	k = min(k, len(pool))
	rng := rand.New(rand.NewPCG(seed, 0x5a3d1e))
	for i := 0; i < k; i++ {
		j := i + rng.IntN(len(pool)-i)
		pool[i], pool[j] = pool[j], pool[i]
	}
	return pool[:k]
}

// population lists the policies a round samples from: in the region (and industry), in force
// during the window (or now), by id — the "active" figure's policies, from the fact index.
func population(app core.App, q Query) ([]string, error) {
	x := factsOf(app)
	var ids []string
	err := x.read(app, func() error {
		j, ok := x.judge(q)
		if !ok {
			return nil
		}
		for i := range x.pols {
			if p := &x.pols[i]; p.live && j.area.holds(&p.place) && polActiveM(j, p) {
				ids = append(ids, x.polIDs.names[i])
			}
		}
		return nil
	})
	slices.Sort(ids)
	return ids, err
}

func roundOf(app core.App, r *core.Record) *Round {
	var sample []string
	_ = json.Unmarshal([]byte(r.GetString("sample")), &sample)
	if sample == nil {
		sample = []string{}
	}
	unmatched, assignments := []string{}, []Assignment{}
	_ = json.Unmarshal([]byte(r.GetString("unmatched")), &unmatched)
	_ = json.Unmarshal([]byte(r.GetString("assignments")), &assignments)
	status := r.GetString("status")
	if status == "" {
		status = vocab.RoundStatusPublished // drawn before rounds had a status: never deletable
	}
	source := r.GetString("source")
	if source == "" {
		source = "drawn"
	}
	if unmatched == nil {
		unmatched = []string{}
	}
	if assignments == nil {
		assignments = []Assignment{}
	}
	day := func(field string) string {
		d := r.GetDateTime(field)
		if d.IsZero() {
			return ""
		}
		return d.Time().In(china).Format("2006-01-02")
	}
	return &Round{
		ID: r.Id, Name: r.GetString("name"), Region: r.GetString("region_code"), RegionName: namesOf(app).RegionName(r.GetString("region_code")),
		Industry: r.GetString("industry"), From: day("period_from"), To: day("period_to"), Seed: int64(r.GetInt("seed")),
		SampleSize: r.GetInt("sample_size"), Population: r.GetInt("population"), Sample: sample,
		Created: r.GetDateTime("created").String(),
		Status:  status, Source: source, Unmatched: unmatched, Assignments: assignments,
	}
}

func regionFields(r *core.Record, region string) {
	r.Set("region_code", region)
	r.Set("province_code", validation.ProvinceCode(region))
	if Level(region) != "province" {
		r.Set("city_code", validation.CityCode(region))
	}
}

// createRound validates a draw request, draws the sample and stores the round.
func createRound(app core.App, auth *core.Record, in NewRound, q Query) (*Round, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" || utf8.RuneCountInString(name) > 200 {
		return nil, badParam("name", "请填写检查轮次名称（不超过 200 字）", "Give the round a name (at most 200 characters)")
	}
	assignments, inspectors, err := checkAssignments(q.Region, in.Assignments)
	if err != nil {
		return nil, err
	}
	var sample, unmatched []string
	source, populationSize := "drawn", 0
	if in.Policies != nil {
		source = "list"
		if sample, unmatched, err = listSample(app, q.Region, in.Policies); err != nil {
			return nil, err
		}
		populationSize = len(sample) + len(unmatched)
	} else {
		if in.Seed != math.Trunc(in.Seed) || in.Seed < 0 || in.Seed > 1<<53 {
			return nil, badParam("seed", "随机种子须为非负整数", "The seed must be a non-negative whole number")
		}
		if in.Size != math.Trunc(in.Size) || in.Size < 1 || in.Size > MaxSample {
			return nil, badParam("size", "抽查份数须为 1–5000 之间的整数", "The sample size must be a whole number from 1 to 5000")
		}
		ids, err := population(app, q)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, badParam("region", "所选地区和期间内没有可抽查的保单", "There are no policies to sample in this region and period")
		}
		sample, populationSize = Draw(ids, uint64(in.Seed), int(in.Size)), len(ids)
	}
	col, err := app.FindCollectionByNameOrId("inspection_rounds")
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	r.Set("name", name)
	regionFields(r, q.Region)
	r.Set("industry", q.Industry)
	if q.Windowed() {
		r.Set("period_from", q.From)
		r.Set("period_to", q.To)
	}
	r.Set("seed", int64(in.Seed))
	r.Set("sample_size", len(sample))
	r.Set("population", populationSize)
	r.Set("sample", sample)
	r.Set("status", vocab.RoundStatusDraft)
	r.Set("source", source)
	r.Set("unmatched", unmatched)
	r.Set("assignments", assignments)
	r.Set("inspectors", inspectors)
	r.Set("created_by", auth.Id)
	if err := app.Save(r); err != nil {
		return nil, err
	}
	return roundOf(app, r), nil
}

// loadRound finds a round the caller may read in full: a regulator whose scope holds the
// round's region (404 for one outside it, as the API does).
func loadRound(app core.App, auth *core.Record, id string) (*core.Record, error) {
	r, inspected, err := loadRoundFor(app, auth, id)
	if err == nil && inspected != nil {
		return nil, roundNotFound()
	}
	return r, err
}

func roundNotFound() error {
	return &apiError{Status: 404, Code: "not_found", Zh: "检查轮次不存在", En: "The inspection round does not exist"}
}

// loadRoundFor finds a round the caller takes part in: in full (inspected nil) when its scope
// holds the round's region; else as an assigned cross-inspection team, limited to the regions
// the round's table assigns to the caller's region (for this round only).
func loadRoundFor(app core.App, auth *core.Record, id string) (*core.Record, []string, error) {
	r, err := app.FindRecordById("inspection_rounds", id)
	if err != nil {
		return nil, nil, roundNotFound()
	}
	_, err = authorize(auth, r.GetString("region_code"))
	if err == nil {
		return r, nil, nil
	}
	if ae, ok := err.(*apiError); !ok || ae.Status != 403 {
		return nil, nil, err
	}
	if scope, serr := authorize(auth, ""); serr == nil {
		inspected := []string{}
		for _, a := range roundOf(app, r).Assignments {
			if a.Inspector == scope {
				inspected = append(inspected, a.Inspected)
			}
		}
		if len(inspected) > 0 {
			return r, inspected, nil
		}
	}
	return nil, nil, roundNotFound()
}

// inspects reports whether a region is one a restricted team inspects (nil: everything).
func inspects(inspected []string, region string) bool {
	if inspected == nil {
		return true
	}
	for _, i := range inspected {
		if within(region, i) {
			return true
		}
	}
	return false
}

// listRounds lists the rounds of a region, and the rounds whose cross-inspection table assigns
// the caller's own scope a region to inspect.
func listRounds(app core.App, region, scope string) ([]*Round, error) {
	col := columnOf(Level(region))
	recs, err := app.FindRecordsByFilter("inspection_rounds", col+" = {:r} || inspectors ~ {:s}", "-created", 200, 0, dbx.Params{"r": region, "s": scope})
	if err != nil {
		return nil, err
	}
	out := []*Round{}
	for _, r := range recs {
		round := roundOf(app, r)
		assigned := slices.ContainsFunc(round.Assignments, func(a Assignment) bool { return a.Inspector == scope })
		if within(r.GetString("region_code"), region) || assigned {
			out = append(out, round)
		}
	}
	return out, nil
}

// Finding is one problem an inspector recorded against a sampled policy.
type Finding struct {
	ID             string `db:"id" json:"id"`
	Round          string `db:"round" json:"round"`
	Policy         string `db:"policy" json:"policy"`
	PolicyNo       string `db:"policy_no" json:"policyNo"`
	Enterprise     string `db:"enterprise" json:"enterprise"`
	EnterpriseName string `db:"enterprise_name" json:"enterpriseName"`
	Insurer        string `db:"insurer" json:"insurer"`
	Category       string `db:"category" json:"category"`
	Note           string `db:"note" json:"note"`
	Region         string `db:"region_code" json:"region"`
	Created        string `db:"created" json:"created"`
}

// NewFinding is what an inspector sends.
type NewFinding struct {
	Policy   string `json:"policy"`
	Category string `json:"category"`
	Note     string `json:"note"`
}

// findingCheck judges new findings against one round: its sample, the categories of its
// region's packs on its day and, for an assigned team, the regions it inspects. A single
// finding and a findings sheet are judged by the same checks.
type findingCheck struct {
	round     *core.Record
	inspected []string
	sample    map[string]bool
	cats      []Category
}

func newFindingCheck(app core.App, round *core.Record, inspected []string) (*findingCheck, error) {
	cats, err := findingCategories(app, round.GetString("region_code"), roundDay(round))
	if err != nil {
		return nil, err
	}
	sample := map[string]bool{}
	for _, id := range roundOf(app, round).Sample {
		sample[id] = true
	}
	return &findingCheck{round: round, inspected: inspected, sample: sample, cats: cats}, nil
}

// record builds the finding's record (not yet saved), or refuses it at one field.
func (c *findingCheck) record(app core.App, auth *core.Record, in NewFinding) (*core.Record, error) {
	if !c.sample[in.Policy] {
		return nil, badParam("policy", "该保单不在本轮抽查样本中", "This policy is not in the round's sample")
	}
	if !slices.ContainsFunc(c.cats, func(cat Category) bool { return cat.Code == in.Category }) {
		return nil, badParam("category", "请选择本地区规则包列出的问题类别", "Choose a problem category the region's rule packs list")
	}
	if utf8.RuneCountInString(in.Note) > 2000 {
		return nil, badParam("note", "说明不得超过 2000 字", "The note must be at most 2000 characters")
	}
	pol, err := app.FindRecordById("policies", in.Policy)
	if err != nil {
		return nil, badParam("policy", "保单不存在", "The policy does not exist")
	}
	if !inspects(c.inspected, pol.GetString("region_code")) {
		return nil, forbidden("本轮交叉检查未分配您检查该地区的保单", "This round's cross-inspection table does not assign you this policy's region")
	}
	col, err := app.FindCollectionByNameOrId("findings")
	if err != nil {
		return nil, err
	}
	f := core.NewRecord(col)
	f.Set("round", c.round.Id)
	f.Set("policy", pol.Id)
	f.Set("enterprise", pol.GetString("enterprise"))
	f.Set("insurer", pol.GetString("insurer"))
	f.Set("category", in.Category)
	f.Set("note", strings.TrimSpace(in.Note))
	f.Set("actor", auth.Id)
	regionFields(f, pol.GetString("region_code"))
	return f, nil
}

func createFinding(app core.App, auth *core.Record, round *core.Record, inspected []string, in NewFinding) (*Finding, error) {
	check, err := newFindingCheck(app, round, inspected)
	if err != nil {
		return nil, err
	}
	f, err := check.record(app, auth, in)
	if err != nil {
		return nil, err
	}
	if err := app.Save(f); err != nil {
		return nil, err
	}
	list, err := listFindings(app, round.Id, f.Id)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// listFindings lists a round's findings (or one of them) with policy number and enterprise name.
func listFindings(app core.App, round, id string) ([]Finding, error) {
	out := []Finding{}
	where := "f.round = {:round}"
	if id != "" {
		where += " AND f.id = {:id}"
	}
	err := app.DB().NewQuery("SELECT f.id, f.round, f.policy, COALESCE(p.policy_no, '') AS policy_no, f.enterprise, " +
		"COALESCE(NULLIF(e.name, ''), json_extract(e.data, '$.name'), '') AS enterprise_name, f.insurer, f.category, f.note, COALESCE(f.region_code, '') AS region_code, f.created " +
		"FROM findings f LEFT JOIN policies p ON p.id = f.policy LEFT JOIN enterprises e ON e.id = f.enterprise WHERE " + where +
		" ORDER BY p.policy_no, f.created").Bind(dbx.Params{"round": round, "id": id}).All(&out)
	return out, err
}
