package services

import (
	"math"
	"net/http"
	"sort"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/types"

	"azx/backend/internal/packs"
	"azx/backend/internal/validation"
	"azx/backend/internal/vocab"
)

// Ledger is a policy's dedicated prevention-fee ledger (专门台账): what its delivered services
// cost against the prevention budget the policy states, and its service plan against what was
// delivered.
type Ledger struct {
	Policy   string  `json:"policy"`
	PolicyNo string  `json:"policy_no"`
	Budget   float64 `json:"budget"`
	Premium  float64 `json:"premium"`
	// Spent: delivered and confirmed services, at actual cost.
	Spent float64 `json:"spent"`
	// Planned: services still planned, at their budgeted cost (never booked in advance).
	Planned    float64 `json:"planned"`
	Remaining  float64 `json:"remaining"`
	OverBudget bool    `json:"over_budget"`
	// ShareOfPremium: spent / premium (0 without a premium).
	ShareOfPremium float64        `json:"share_of_premium"`
	Services       map[string]int `json:"services"`
	// Frequency: services a year the policy agreed (0: not stated).
	Frequency      int      `json:"frequency"`
	AgreedItems    []string `json:"agreed_items"`
	DeliveredTypes []string `json:"delivered_types"`
	MissingItems   []string `json:"missing_items"`
	Hazards        int      `json:"hazards"`
	MajorHazards   int      `json:"major_hazards"`
	// OverBudgetReasons: the services whose cost went beyond the remaining budget, with the reason given.
	OverBudgetReasons []OverBudget `json:"over_budget_reasons"`
	// ProviderStanding: the policy's provider in the lists of its region: "allowed",
	// "blacklisted", "not_whitelisted", or "" when the insurer serves itself.
	ProviderStanding string `json:"provider_standing"`
	// Delivery against the service plan of the enterprise's risk grade, as the coverage
	// figures measure it (packs.Delivery).
	Delivery Delivery `json:"delivery"`
}

// Delivery is a policy's service plan against its booked reports, by today (China).
type Delivery struct {
	RiskGrade string `json:"risk_grade"`
	// PlanVisits: visits a year the grade's plan asks for (0: the packs plan nothing for it).
	PlanVisits      float64 `json:"plan_visits"`
	VisitsPlanned   int     `json:"visits_planned"`
	VisitsDue       int     `json:"visits_due"`
	VisitsDelivered int     `json:"visits_delivered"`
	// AssistanceRequired: assistance visits (帮扶) a period asks for; AssistanceDelivered those booked.
	AssistanceRequired  int  `json:"assistance_required"`
	AssistanceDelivered int  `json:"assistance_delivered"`
	BehindPlan          bool `json:"behind_plan"`
	NoAssistance        bool `json:"no_assistance"`
}

// OverBudget is a booked service whose cost went beyond the remaining budget, and why.
type OverBudget struct {
	Report   string  `db:"id" json:"report"`
	ReportNo string  `db:"report_no" json:"report_no"`
	Cost     float64 `db:"cost" json:"cost"`
	Reason   string  `db:"reason" json:"reason"`
}

func cents(x float64) float64 { return math.Round(x*100) / 100 }

// ComputeLedger sums the service reports of a policy (no access check: callers check).
func ComputeLedger(app core.App, policy *core.Record) (*Ledger, error) {
	l := &Ledger{
		Policy: policy.Id, PolicyNo: policy.GetString("policy_no"),
		Budget: policy.GetFloat("prevention_budget"), Premium: policy.GetFloat("premium"),
		Services:    map[string]int{},
		AgreedItems: []string{}, DeliveredTypes: []string{}, MissingItems: []string{}, OverBudgetReasons: []OverBudget{},
	}
	rows := []struct {
		Status string  `db:"status"`
		N      int     `db:"n"`
		Cost   float64 `db:"cost"`
	}{}
	err := app.DB().Select("status", "count(*) AS n", "coalesce(sum(cost), 0) AS cost").From(ServiceReports).
		Where(dbx.HashExp{"policy": policy.Id}).GroupBy("status").All(&rows)
	if err != nil {
		return nil, err
	}
	for _, s := range vocab.ServiceReportStatus.Codes() {
		l.Services[s] = 0
	}
	for _, r := range rows {
		l.Services[r.Status] = r.N
		// spending is booked once the service happened, never accrued in advance
		if vocab.ServiceReportStatus.Is(r.Status, "booked") {
			l.Spent += r.Cost
		} else if r.Status != "" {
			l.Planned += r.Cost
		}
	}
	l.Spent, l.Planned = cents(l.Spent), cents(l.Planned)
	l.Remaining = cents(l.Budget - l.Spent)
	l.OverBudget = l.Spent > l.Budget
	err = app.DB().Select("id", "coalesce(json_extract(data, '$.report_no'), '') AS report_no", "cost",
		"json_extract(data, '$.over_budget_reason') AS reason").From(ServiceReports).
		Where(dbx.HashExp{"policy": policy.Id}).AndWhere(dbx.In("status", anyOf(vocab.ServiceReportStatus.With("booked"))...)).
		AndWhere(dbx.NewExp("json_extract(data, '$.over_budget_reason') IS NOT NULL")).OrderBy("created", "id").All(&l.OverBudgetReasons)
	if err != nil {
		return nil, err
	}
	if l.Premium > 0 {
		l.ShareOfPremium = math.Round(l.Spent/l.Premium*10000) / 10000
	}

	data := decode(policy.Get("data"))
	if f, ok := data["service_frequency"].(float64); ok {
		l.Frequency = int(f)
	}
	if items, ok := data["prevention_items"].([]any); ok {
		for _, v := range items {
			if s, ok := v.(string); ok {
				l.AgreedItems = append(l.AgreedItems, s)
			}
		}
	}

	types := []struct {
		Types string         `db:"service_types"`
		Date  types.DateTime `db:"service_date"`
	}{}
	err = app.DB().Select("service_types", "service_date").From(ServiceReports).
		Where(dbx.HashExp{"policy": policy.Id}).AndWhere(dbx.In("status", anyOf(vocab.ServiceReportStatus.With("booked"))...)).All(&types)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	booked := make([]bookedVisit, len(types))
	for i, t := range types {
		list := decodeList(t.Types)
		for _, s := range list {
			seen[s] = true
		}
		booked[i] = bookedVisit{day: t.Date.Time().UnixMilli(), assistance: packs.IsAssistance(list)}
	}
	if l.Delivery, err = deliveryOf(app, policy, booked); err != nil {
		return nil, err
	}
	for s := range seen {
		l.DeliveredTypes = append(l.DeliveredTypes, s)
	}
	sort.Strings(l.DeliveredTypes)
	for _, s := range l.AgreedItems {
		if !seen[s] {
			l.MissingItems = append(l.MissingItems, s)
		}
	}

	var hz struct {
		N     int `db:"n"`
		Major int `db:"major"`
	}
	err = app.DB().Select("count(*) AS n", "coalesce(sum(is_major), 0) AS major").From(Hazards).
		Where(dbx.HashExp{"policy": policy.Id}).One(&hz)
	if err != nil {
		return nil, err
	}
	l.Hazards, l.MajorHazards = hz.N, hz.Major

	if provider := policy.GetString("provider"); provider != "" {
		regions := []string{policy.GetString("region_code"), policy.GetString("city_code"), policy.GetString("province_code")}
		lists, whiteExists, err := listingsFor(app, provider, regions)
		if err != nil {
			return nil, err
		}
		switch {
		case lists["black"]:
			l.ProviderStanding = "blacklisted"
		case whiteExists && !lists["white"]:
			l.ProviderStanding = "not_whitelisted"
		default:
			l.ProviderStanding = "allowed"
		}
	}
	return l, nil
}

// ledgerHandler serves GET /api/azx/services/ledger?policy=<id> to whoever may view the policy
// (its insurer, provider and enterprise, a regulator in scope); others get 404, as for the record.
func ledgerHandler(e *core.RequestEvent) error {
	id := e.Request.URL.Query().Get("policy")
	if id == "" {
		return router.NewBadRequestError(validation.Summary, validation.Errors{"policy": validation.New("policy_required",
			"请指明保单", "The policy is required")})
	}
	policy, err := e.App.FindRecordById(Policies, id)
	if err != nil {
		return router.NewNotFoundError("保单不存在或无权查看 / The policy does not exist or is not yours to see", nil)
	}
	if !e.HasSuperuserAuth() {
		info, err := e.RequestInfo()
		if err != nil {
			return err
		}
		ok, err := e.App.CanAccessRecord(policy, info, policy.Collection().ViewRule)
		if err != nil || !ok {
			return router.NewNotFoundError("保单不存在或无权查看 / The policy does not exist or is not yours to see", nil)
		}
	}
	l, err := ComputeLedger(e.App, policy)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, l)
}
