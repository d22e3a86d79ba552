// Package coverage aggregates what regulators look at (DOMAIN.md, "What regulators look at"):
// coverage, renewals, uploads, prevention spending and major hazards per region, industry and
// insurer, the records behind each figure, and inspection rounds (a seeded sample of policies
// and the findings recorded against it). Every answer is limited to the caller's region.
package coverage

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Register adds the routes under /api/azx/coverage and /api/azx/compliance:
//
//	GET  /api/azx/coverage/figures?region&industry&from&to&at&min_share[&fresh=1]
//	GET  /api/azx/coverage/index                what the fact index holds and its load time
//	GET  /api/azx/coverage/records?metric&region&industry&from&to&at&min_share&insurer&round&page&perPage
//	GET  /api/azx/compliance/report?round&region&industry&from&to&at&min_share&insurers=name|size[&fresh=1]
//	GET  /api/azx/compliance/rounds?region
//	POST /api/azx/compliance/rounds            {name, region, industry, from, to, seed, size | policies, assignments}
//	GET  /api/azx/compliance/rounds/{id}/findings
//	POST /api/azx/compliance/rounds/{id}/findings {policy, category, note}
//	POST /api/azx/compliance/rounds/{id}/findings/import  a findings sheet (multipart file: XLSX, CSV, JSON)
//	GET  /api/azx/compliance/rounds/{id}/sample?page&perPage   every sampled policy, a page at a time
//	POST /api/azx/compliance/rounds/{id}/assignments {assignments}  a draft's cross-inspection table
//	POST /api/azx/compliance/rounds/{id}/publish
//	DELETE /api/azx/compliance/rounds/{id}      a draft only
func Register(app *pocketbase.PocketBase) {
	bindInvalidation(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		Routes(se)
		// the fact index loads in the background, so the first regulator rarely waits for it
		x := factsOf(se.App)
		go func() {
			// on stdout too: in production PocketBase logs only to its database, and at 100,000
			// enterprises the load takes seconds an operator should see
			fmt.Println("coverage fact index: loading in the background")
			s, err := x.Stats(se.App)
			if err != nil {
				se.App.Logger().Error("coverage fact index: loading failed; retried on first use", "error", err)
				fmt.Println("coverage fact index: loading failed (retried on first use):", err)
				return
			}
			fmt.Printf("coverage fact index: %d enterprises, %d policies, %d service reports, %d hazards loaded in %.0f ms\n",
				s.Enterprises, s.Policies, s.Reports, s.Hazards, s.LoadMs)
		}()
		return se.Next()
	})
}

// Routes binds the handlers (tests call it on their own serve event).
func Routes(se *core.ServeEvent) {
	c := se.Router.Group("/api/azx/coverage")
	c.Bind(apis.RequireAuth("users"))
	c.GET("/figures", handle(figuresHandler))
	c.GET("/records", handle(recordsHandler))
	c.GET("/index", handle(indexHandler))
	r := se.Router.Group("/api/azx/compliance")
	r.Bind(apis.RequireAuth("users"))
	r.GET("/report", handle(reportHandler))
	r.GET("/rounds", handle(roundsHandler))
	r.POST("/rounds", handle(createRoundHandler))
	r.GET("/rounds/{id}/findings", handle(findingsHandler))
	r.POST("/rounds/{id}/findings", handle(createFindingHandler))
	r.POST("/rounds/{id}/findings/import", handle(findingsSheetHandler))
	r.GET("/rounds/{id}/sample", handle(sampleHandler))
	r.POST("/rounds/{id}/assignments", handle(assignmentsHandler))
	r.POST("/rounds/{id}/publish", handle(publishRoundHandler))
	r.DELETE("/rounds/{id}", handle(deleteRoundHandler))
}

func handle(h func(e *core.RequestEvent) (any, error)) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		out, err := h(e)
		if err != nil {
			return fail(e, err)
		}
		return e.JSON(http.StatusOK, out)
	}
}

// scoped parses the query and checks the caller's scope; it returns the query and the scope.
func scoped(e *core.RequestEvent) (Query, string, error) {
	q, err := parseQuery(e.Request.URL.Query(), time.Now())
	if err != nil {
		return q, "", err
	}
	scope, err := authorize(e.Auth, "")
	if err != nil {
		return q, "", err
	}
	if q.Region, err = authorize(e.Auth, q.Region); err != nil {
		return q, "", err
	}
	return q, scope, nil
}

func figuresHandler(e *core.RequestEvent) (any, error) {
	q, scope, err := scoped(e)
	if err != nil {
		return nil, err
	}
	return cached(cacheKey("figures", scope, q, ""), e.Request.URL.Query().Get("fresh") == "1", func() (any, error) { return coverage(e.App, q, scope) })
}

// indexHandler tells a regulator (and the benchmark) what the fact index holds, waiting for
// its load.
func indexHandler(e *core.RequestEvent) (any, error) {
	if _, err := authorize(e.Auth, ""); err != nil {
		return nil, err
	}
	return factsOf(e.App).Stats(e.App)
}

func intParam(e *core.RequestEvent, name string, def, max int) (int, error) {
	s := e.Request.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, badParam(name, name+" 须为 1–"+strconv.Itoa(max)+" 之间的整数", name+" must be a whole number from 1 to "+strconv.Itoa(max))
	}
	return n, nil
}

func recordsHandler(e *core.RequestEvent) (any, error) {
	q, _, err := scoped(e)
	if err != nil {
		return nil, err
	}
	q.Insurer = e.Request.URL.Query().Get("insurer")
	if id := e.Request.URL.Query().Get("round"); id != "" {
		round, err := loadRound(e.App, e.Auth, id)
		if err != nil {
			return nil, err
		}
		q.Round, q.Sample = round.Id, round.GetString("sample")
	}
	page, perPage, err := pageParams(e)
	if err != nil {
		return nil, err
	}
	return records(e.App, q, e.Request.URL.Query().Get("metric"), page, perPage)
}

func reportHandler(e *core.RequestEvent) (any, error) {
	v := e.Request.URL.Query()
	var round *core.Record
	if id := v.Get("round"); id != "" {
		var err error
		if round, err = loadRound(e.App, e.Auth, id); err != nil {
			return nil, err
		}
		// the round's own region, industry and period, unless the request narrows them
		if v.Get("region") == "" {
			v.Set("region", round.GetString("region_code"))
		}
		r := roundOf(e.App, round)
		if v.Get("industry") == "" {
			v.Set("industry", r.Industry)
		}
		if v.Get("from") == "" && r.From != "" {
			v.Set("from", r.From)
			v.Set("to", r.To)
		}
		e.Request.URL.RawQuery = v.Encode()
	}
	q, scope, err := scoped(e)
	if err != nil {
		return nil, err
	}
	id := ""
	if round != nil {
		id = round.Id
	}
	out, err := cached(cacheKey("report", scope, q, id), e.Request.URL.Query().Get("fresh") == "1", func() (any, error) { return report(e.App, q, scope, round) })
	if err != nil {
		return nil, err
	}
	rep, ok := out.(*Report)
	if !ok {
		return out, nil
	}
	return orderInsurers(rep, e.Request.URL.Query().Get("insurers"))
}

func roundsHandler(e *core.RequestEvent) (any, error) {
	region, err := authorize(e.Auth, e.Request.URL.Query().Get("region"))
	if err != nil {
		return nil, err
	}
	scope, _ := authorize(e.Auth, "")
	return listRounds(e.App, region, scope)
}

func createRoundHandler(e *core.RequestEvent) (any, error) {
	var in NewRound
	if err := e.BindBody(&in); err != nil {
		return nil, badParam("body", "请求体不是有效的 JSON", "The request body is not valid JSON")
	}
	v := e.Request.URL.Query()
	v.Set("region", in.Region)
	v.Set("industry", in.Industry)
	v.Set("from", in.From)
	v.Set("to", in.To)
	e.Request.URL.RawQuery = v.Encode()
	q, _, err := scoped(e)
	if err != nil {
		return nil, err
	}
	return createRound(e.App, e.Auth, in, q)
}

func findingsHandler(e *core.RequestEvent) (any, error) {
	round, inspected, err := loadRoundFor(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	list, err := listFindings(e.App, round.Id, "")
	if err != nil || inspected == nil {
		return list, err
	}
	mine := []Finding{}
	for _, f := range list {
		if inspects(inspected, f.Region) {
			mine = append(mine, f)
		}
	}
	return mine, nil
}

func createFindingHandler(e *core.RequestEvent) (any, error) {
	round, inspected, err := loadRoundFor(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var in NewFinding
	if err := e.BindBody(&in); err != nil {
		return nil, badParam("body", "请求体不是有效的 JSON", "The request body is not valid JSON")
	}
	return createFinding(e.App, e.Auth, round, inspected, in)
}

func findingsSheetHandler(e *core.RequestEvent) (any, error) {
	round, inspected, err := loadRoundFor(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return importFindingsSheet(e, round, inspected)
}

func sampleHandler(e *core.RequestEvent) (any, error) {
	round, inspected, err := loadRoundFor(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	page, perPage, err := pageParams(e)
	if err != nil {
		return nil, err
	}
	return samplePage(e.App, round, inspected, page, perPage)
}

// assignmentsHandler replaces a draft round's cross-inspection table: only a regulator of the
// round's region (an assigned team gets 404, as for the report).
func assignmentsHandler(e *core.RequestEvent) (any, error) {
	round, err := loadRound(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	var in struct {
		Assignments []Assignment `json:"assignments"`
	}
	if err := e.BindBody(&in); err != nil {
		return nil, badParam("body", "请求体不是有效的 JSON", "The request body is not valid JSON")
	}
	return setAssignments(e.App, round, in.Assignments)
}

func publishRoundHandler(e *core.RequestEvent) (any, error) {
	round, err := loadRound(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return publishRound(e.App, round)
}

func deleteRoundHandler(e *core.RequestEvent) (any, error) {
	round, err := loadRound(e.App, e.Auth, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if err := deleteRound(e.App, round); err != nil {
		return nil, err
	}
	return map[string]any{"deleted": round.Id}, nil
}

// pageParams reads ?page (default 1) and ?perPage (default 50, at most 500).
func pageParams(e *core.RequestEvent) (int, int, error) {
	page, err := intParam(e, "page", 1, 1_000_000)
	if err != nil {
		return 0, 0, err
	}
	perPage, err := intParam(e, "perPage", 50, 500)
	return page, perPage, err
}
