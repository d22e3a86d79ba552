package packs

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/logic"
	"azx/backend/internal/validation"
)

// Routes binds the packs API:
//
//	GET  /api/azx/packs/effective?region&date   the merged pack for a region on a day (signed-in users)
//	POST /api/azx/packs/judge                   a record judged by it: {region?, date?, enterprise, record, previous?}
//	POST /api/azx/packs/check                   administrators: a pack document checked, its tests and those of the packs under it run, nothing stored
func Routes(se *core.ServeEvent) {
	g := se.Router.Group("/api/azx/packs")
	g.Bind(apis.RequireAuth("users", core.CollectionNameSuperusers))
	g.GET("/effective", effectiveHandler)
	g.POST("/judge", judgeHandler)
	g.POST("/check", checkHandler)
}

func refuse(errs validation.Errors) error {
	return apis.NewBadRequestError(validation.Summary, errs)
}

// where reads a region (000000 or a GB/T 2260 code) and a day; errors at the parameter's name.
func where(region, day string, errs validation.Errors) {
	if region != National && !validation.ValidRegionCode(region) {
		fieldErr(errs, "region", "invalid_region", "region 须为 GB/T 2260 六位行政区划代码", "region must be a six-digit GB/T 2260 region code")
	}
	if _, err := time.Parse("2006-01-02", day); err != nil || len(day) != 10 {
		fieldErr(errs, "date", "invalid_date", "date 须为 YYYY-MM-DD 格式的日期", "date must be a date YYYY-MM-DD")
	}
}

func effectiveHandler(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	region, day := q.Get("region"), q.Get("date")
	errs := validation.Errors{}
	where(region, day, errs)
	if len(errs) > 0 {
		return refuse(errs)
	}
	snap, err := Current(e.App)
	if err != nil {
		return err
	}
	return e.JSON(http.StatusOK, snap.Effective(region, day))
}

type judgeBody struct {
	Region     string         `json:"region"`
	Date       string         `json:"date"`
	Enterprise map[string]any `json:"enterprise"`
	Record     map[string]any `json:"record"`
	Previous   any            `json:"previous"`
	Today      string         `json:"today"`
}

// judgeHandler judges a record as the policy hook would, without storing anything: the
// browser's parity test holds the element's evaluator to it, and an editor previews with it.
func judgeHandler(e *core.RequestEvent) error {
	var b judgeBody
	if err := json.NewDecoder(http.MaxBytesReader(e.Response, e.Request.Body, 4<<20)).Decode(&b); err != nil {
		return refuse(validation.Errors{"record": validation.New("invalid_json", "请求不是有效的 JSON", "The request is not valid JSON")})
	}
	record, _ := logic.Normalize(b.Record).(map[string]any)
	enterprise, _ := logic.Normalize(b.Enterprise).(map[string]any)
	if b.Region == "" {
		b.Region, _ = enterprise["region_code"].(string)
	}
	if b.Date == "" {
		b.Date = RelevantDate(record)
	}
	errs := validation.Errors{}
	if record == nil {
		fieldErr(errs, "record", "required", "record 须为对象", "record must be an object")
	}
	where(b.Region, b.Date, errs)
	if len(errs) > 0 {
		return refuse(errs)
	}
	snap, err := Current(e.App)
	if err != nil {
		return err
	}
	eff := snap.Effective(b.Region, b.Date)
	v := eff.Judge("policy", Context{Record: record, Enterprise: enterprise, Previous: logic.Normalize(b.Previous), Date: b.Date, Today: dayOrNil(b.Today)})
	return e.JSON(http.StatusOK, map[string]any{"region": b.Region, "date": b.Date, "layers": eff.Layers, "verdict": v})
}

// checkHandler is an administrator's dry run of a pack document: the errors a save would give
// (by path), every test case's verdict against the packs published now, and the other published
// packs whose cases it would make fail (dependents; dependent_tests: how many cases ran).
func checkHandler(e *core.RequestEvent) error {
	if !e.HasSuperuserAuth() && (e.Auth == nil || e.Auth.GetString("role") != "admin") {
		return apis.NewForbiddenError("只有管理员可以检查规则包 / Only administrators can check rule packs.", nil)
	}
	var doc map[string]any
	dec := json.NewDecoder(http.MaxBytesReader(e.Response, e.Request.Body, 8<<20))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return refuse(validation.Errors{"document": validation.New("invalid_json", "规则包不是有效的 JSON", "The pack is not valid JSON")})
	}
	d, errs := Check(doc)
	if errs == nil {
		errs = validation.Errors{}
	}
	if d != nil && len(errs) == 0 {
		checkExtends(e.App, d, errs)
	}
	out := map[string]any{"errors": described(errs), "tests": []TestResult{}}
	if d != nil && len(errs) == 0 {
		published, err := Load(e.App)
		if err != nil {
			return err
		}
		// what a publish would refuse besides its tests
		CheckChangedTables(d, published, errs)
		out["errors"] = described(errs)
		out["tests"] = RunTests(d, published)
		out["dependents"], out["dependent_tests"] = DependentTests(d, published)
	}
	return e.JSON(http.StatusOK, out)
}

// described is field errors as the API shows them: path → {code, message, message_zh, message_en}.
func described(errs validation.Errors) map[string]any {
	out := map[string]any{}
	for k, err := range errs {
		if fe, ok := err.(*validation.FieldError); ok {
			out[k] = fe.Resolve(nil)
		} else {
			out[k] = map[string]any{"code": "invalid", "message": err.Error(), "message_zh": err.Error(), "message_en": err.Error()}
		}
	}
	return out
}
