package coverage

import (
	"cmp"
	"container/heap"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Row is one record behind a figure: an enterprise, or a policy or hazard with its enterprise.
type Row struct {
	Kind         string `db:"kind" json:"kind"`
	EnterpriseID string `db:"enterprise_id" json:"enterpriseId"`
	USCC         string `db:"uscc" json:"uscc"`
	Name         string `db:"name" json:"name"`
	RegionCode   string `db:"region_code" json:"regionCode"`
	RegionName   string `db:"-" json:"regionName"`
	Industry     string `db:"industry" json:"industry"`
	IndustryName string `db:"-" json:"industryName"`
	Headcount    int    `db:"headcount" json:"headcount"`
	MustInsure   bool   `db:"must_insure" json:"mustInsure"`

	PolicyID         string  `db:"policy_id" json:"policyId,omitempty"`
	PolicyNo         string  `db:"policy_no" json:"policyNo,omitempty"`
	Insurer          string  `db:"insurer" json:"insurer,omitempty"`
	InsurerName      string  `db:"insurer_name" json:"insurerName,omitempty"`
	Status           string  `db:"status" json:"status,omitempty"`
	PeriodStart      string  `db:"period_start" json:"periodStart,omitempty"`
	PeriodEnd        string  `db:"period_end" json:"periodEnd,omitempty"`
	InsuredPersons   int     `db:"insured_persons" json:"insuredPersons,omitempty"`
	Premium          float64 `db:"premium" json:"premium,omitempty"`
	PreventionBudget float64 `db:"prevention_budget" json:"preventionBudget,omitempty"`
	UploadedAt       string  `db:"uploaded_at" json:"uploadedAt,omitempty"`
	HazardID         string  `db:"hazard_id" json:"hazardId,omitempty"`
	Deadline         string  `db:"deadline" json:"deadline,omitempty"`
	ClaimID          string  `db:"claim_id" json:"claimId,omitempty"`
	ClaimNo          string  `db:"claim_no" json:"claimNo,omitempty"`
	AccidentDate     string  `db:"accident_date" json:"accidentDate,omitempty"`
	Paid             float64 `db:"paid" json:"paid,omitempty"`
}

// Page is one page of rows.
type Page struct {
	Metric     string `json:"metric"`
	Kind       string `json:"kind"`
	Items      []Row  `json:"items"`
	Page       int    `json:"page"`
	PerPage    int    `json:"perPage"`
	TotalItems int    `json:"totalItems"`
	TotalPages int    `json:"totalPages"`
}

const entCols = "e.id AS enterprise_id, e.uscc, COALESCE(NULLIF(e.name, ''), json_extract(e.data, '$.name'), '') AS name, " +
	"e.region_code, e.industry, e.headcount, e.must_insure"

const polCols = ", p.id AS policy_id, p.policy_no, p.insurer, COALESCE(o.name, '') AS insurer_name, p.status, p.period_start, p.period_end, " +
	"p.insured_persons, p.premium, p.prevention_budget, p.uploaded_at"

// records lists the rows behind metric, in a stable order, one page at a time: the fact index
// picks the rows (the figure's own condition) and orders them; SQL loads that page's rows.
func records(app core.App, q Query, metric string, page, perPage int) (*Page, error) {
	kind := metricKind(q, metric)
	if kind == "" {
		return nil, badParam("metric", "未知的指标："+metric, "Unknown metric: "+metric)
	}
	if q.Insurer != "" && kind != "policy" && kind != "round" && kind != "claim" {
		return nil, badParam("insurer", "按保险机构筛选只适用于保单类指标", "Filtering by insurer applies to policy figures only")
	}
	if kind == "round" {
		return roundRecords(app, q, metric, page, perPage)
	}
	var ids []string
	var total int
	x := factsOf(app)
	err := x.read(app, func() error {
		ids, total = x.list(q, kind, metric, (page-1)*perPage, perPage)
		return nil
	})
	if err != nil {
		return nil, err
	}
	items := []Row{}
	if len(ids) > 0 {
		var from, cols, id string
		switch kind {
		case "enterprise":
			from, cols, id = "enterprises e", "'enterprise' AS kind, "+entCols, "e.id"
		case "policy":
			from, cols, id = policyFrom, "'policy' AS kind, "+entCols+polCols, "p.id"
		case "hazard":
			from, cols, id = hazardFrom, hazardCols, "h.id"
		case "claim":
			from, cols, id = claimFrom, claimCols, "c.id"
		}
		params := dbx.Params{}
		in := make([]string, len(ids))
		for i, v := range ids {
			k := "id" + strconv.Itoa(i)
			params[k], in[i] = v, "{:"+k+"}"
		}
		if err := app.DB().NewQuery("SELECT " + cols + " FROM " + from + " WHERE " + id + " IN (" + strings.Join(in, ",") + ")").
			Bind(params).All(&items); err != nil {
			return nil, err
		}
		// back in the index's order
		at := make(map[string]int, len(ids))
		for i, v := range ids {
			at[v] = i
		}
		key := func(r Row) string {
			switch kind {
			case "policy":
				return r.PolicyID
			case "hazard":
				return r.HazardID
			case "claim":
				return r.ClaimID
			}
			return r.EnterpriseID
		}
		sort.Slice(items, func(a, b int) bool { return at[key(items[a])] < at[key(items[b])] })
	}
	nameRows(app, items)
	return &Page{Metric: metric, Kind: kind, Items: items, Page: page, PerPage: perPage, TotalItems: total, TotalPages: (total + perPage - 1) / perPage}, nil
}

const policyFrom = "policies p JOIN enterprises e ON e.id = p.enterprise LEFT JOIN organizations o ON o.id = p.insurer"

const hazardFrom = "hazards h JOIN enterprises e ON e.id = h.enterprise LEFT JOIN policies p ON p.id = h.policy LEFT JOIN organizations o ON o.id = h.insurer"

const hazardCols = "'hazard' AS kind, " + entCols + ", COALESCE(p.id, '') AS policy_id, COALESCE(p.policy_no, '') AS policy_no, COALESCE(h.insurer, '') AS insurer, " +
	"COALESCE(o.name, '') AS insurer_name, h.status, h.id AS hazard_id, h.deadline"

const claimFrom = "claims c JOIN enterprises e ON e.id = c.enterprise LEFT JOIN policies p ON p.id = c.policy LEFT JOIN organizations o ON o.id = c.insurer"

const claimCols = "'claim' AS kind, " + entCols + ", COALESCE(p.id, '') AS policy_id, COALESCE(p.policy_no, '') AS policy_no, COALESCE(c.insurer, '') AS insurer, " +
	"COALESCE(o.name, '') AS insurer_name, c.status, c.id AS claim_id, c.claim_no, c.accident_date, c.paid"

// list picks the facts where metric holds in the query's area (and window, for policies; of
// one insurer if asked), ordered as the list shows them: enterprises by region and USCC,
// policies by number, hazards by deadline and id. It returns the ids of one page and the total.
func (x *factIndex) list(q Query, kind, metric string, offset, limit int) ([]string, int) {
	j, ok := x.judge(q)
	if !ok {
		return nil, 0
	}
	// one insurer's rows (policies, claims) when asked; records refuses the filter elsewhere
	insurer, known := x.codes.lookup(q.Insurer)
	if q.Insurer != "" && !known {
		return nil, 0
	}
	ofInsurer := func(s sym) bool { return q.Insurer == "" || s == insurer }
	var picked []int32
	var order func(a, b int32) int
	switch kind {
	case "enterprise":
		holds, fewest := enterpriseMetrics[metric], j.fewest()
		for i := range x.ents {
			if e := &x.ents[i]; e.live && j.area.holds(&e.place) && holds(e, fewest[i]) {
				picked = append(picked, int32(i))
			}
		}
		order = func(a, b int32) int {
			ea, eb := &x.ents[a], &x.ents[b]
			if c := strings.Compare(x.codes.strs[ea.place.region], x.codes.strs[eb.place.region]); c != 0 {
				return c
			}
			return strings.Compare(ea.uscc, eb.uscc)
		}
	case "policy":
		holds := policyMetrics[metric]
		for i := range x.pols {
			p := &x.pols[i]
			if p.live && j.area.holds(&p.place) && j.inWindow(p) && ofInsurer(p.insurer) && holds(j, p) {
				picked = append(picked, int32(i))
			}
		}
		order = func(a, b int32) int { return strings.Compare(x.pols[a].no, x.pols[b].no) }
	case "hazard":
		holds := hazardMetrics[metric]
		for i := range x.hazs {
			if h := &x.hazs[i]; h.live && j.area.holds(&h.place) && holds(j, h) {
				picked = append(picked, int32(i))
			}
		}
		order = func(a, b int32) int {
			if c := cmp.Compare(x.hazs[a].deadline, x.hazs[b].deadline); c != 0 {
				return c
			}
			return strings.Compare(x.hazIDs.names[a], x.hazIDs.names[b])
		}
	case "claim":
		holds := claimMetrics[metric]
		for i := range x.claims {
			if c := &x.claims[i]; c.live && j.area.holds(&c.place) && j.claimIn(c) && ofInsurer(c.insurer) && holds(j, c) {
				picked = append(picked, int32(i))
			}
		}
		order = x.claimOrder
	}
	names := map[string][]string{"enterprise": x.entIDs.names, "policy": x.polIDs.names, "hazard": x.hazIDs.names, "claim": x.claimIDs.names}[kind]
	var ids []string
	first := firstK(picked, offset+limit, order)
	for _, n := range first[min(offset, len(first)):] {
		ids = append(ids, names[n])
	}
	return ids, len(picked)
}

// firstK returns the k first of picked in order. A page near the start of a long list keeps
// k in a heap instead of sorting everything (the province's 200,000 policies: ~100 ms sorted).
func firstK(picked []int32, k int, order func(a, b int32) int) []int32 {
	if k >= len(picked)/4 {
		slices.SortFunc(picked, order)
		return picked[:min(k, len(picked))]
	}
	h := &maxHeap{order: order}
	for _, n := range picked {
		if len(h.items) < k {
			heap.Push(h, n)
		} else if order(n, h.items[0]) < 0 {
			h.items[0] = n
			heap.Fix(h, 0)
		}
	}
	slices.SortFunc(h.items, order)
	return h.items
}

// maxHeap keeps the last of the k first on top.
type maxHeap struct {
	items []int32
	order func(a, b int32) int
}

func (h *maxHeap) Len() int           { return len(h.items) }
func (h *maxHeap) Less(i, j int) bool { return h.order(h.items[i], h.items[j]) > 0 }
func (h *maxHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *maxHeap) Push(v any)         { h.items = append(h.items, v.(int32)) }
func (h *maxHeap) Pop() any {
	v := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return v
}

// roundRecords lists the sampled policies of a round behind metric (at most 5,000: in SQL).
func roundRecords(app core.App, q Query, metric string, page, perPage int) (*Page, error) {
	cond, _ := q.roundMetric("p", metric)
	where := q.scopeWhere("p") + " AND " + cond
	if q.Insurer != "" {
		where += " AND p.insurer = {:insurer}"
	}
	params := q.params()
	params["category"] = strings.TrimPrefix(metric, "finding:")
	var total int
	if err := app.DB().NewQuery("SELECT COUNT(*) FROM " + policyFrom + " WHERE " + where).Bind(params).Row(&total); err != nil {
		return nil, err
	}
	params["limit"], params["offset"] = perPage, (page-1)*perPage
	items := []Row{}
	if err := app.DB().NewQuery("SELECT 'policy' AS kind, " + entCols + polCols + " FROM " + policyFrom + " WHERE " + where + " ORDER BY p.policy_no LIMIT {:limit} OFFSET {:offset}").
		Bind(params).All(&items); err != nil {
		return nil, err
	}
	nameRows(app, items)
	return &Page{Metric: metric, Kind: "round", Items: items, Page: page, PerPage: perPage, TotalItems: total, TotalPages: (total + perPage - 1) / perPage}, nil
}
