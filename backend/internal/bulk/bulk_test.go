package bulk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"

	"azx/backend/internal/seed"
	"azx/backend/internal/testapp"
)

// world is a real backend with a small seeded data set and the bulk routes mounted.
type world struct {
	app  *pocketbase.PocketBase
	mux  http.Handler
	plan *seed.Plan
}

func newWorld(t *testing.T, register ...func(*pocketbase.PocketBase)) *world {
	t.Helper()
	app := testapp.New(t, append([]func(*pocketbase.PocketBase){Register}, register...)...)
	p := seed.Generate(seed.Config{Seed: 42, Enterprises: 60, Years: 1, EnterpriseLogins: 1, Packs: testapp.Packs(t)})
	if err := seed.Write(app, p, io.Discard); err != nil {
		t.Fatal(err)
	}
	w := &world{app: app, plan: p, mux: testapp.Serve(t, app)}
	return w
}

func (w *world) token(t *testing.T, email string) string {
	t.Helper()
	return testapp.Token(t, w.app, email)
}

type response struct {
	Status int
	Result Result
	Body   map[string]any
}

func (w *world) post(t *testing.T, path, email, contentType string, body []byte, lang string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	if email != "" {
		req.Header.Set("Authorization", w.token(t, email))
	}
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	out := response{Status: rec.Code}
	_ = json.Unmarshal(rec.Body.Bytes(), &out.Result)
	_ = json.Unmarshal(rec.Body.Bytes(), &out.Body)
	return out
}

func multipartFile(t *testing.T, name string, content []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// enterprise returns a seeded enterprise of the given city.
func (w *world) enterprise(t *testing.T, city string) seed.Enterprise {
	for _, e := range w.plan.Enterprises {
		if e.City == city {
			return e
		}
	}
	t.Fatalf("no seeded enterprise in %s", city)
	return seed.Enterprise{}
}

const policyHeader = "policy_no,enterprise_uscc,insured.uscc,insured.name,legal_basis,status,period.start,period.end,headcount,insured_persons,cover_per_person,premium,prevention_clause,prevention_budget,prevention_items\n"

func policyLine(no string, e seed.Enterprise, premium string) string {
	return fmt.Sprintf("%s,%s,%s,%s,2025,active,2026-03-01,2027-02-28,%d,%d,\"500,000.00\",%s,是,%s,01;03\n",
		no, e.USCC, e.USCC, e.Name, e.Headcount, e.Headcount, premium, "2000.00")
}

func TestPolicyUploadStoresValidRowsReportsBadOnesAndIsIdempotent(t *testing.T) {
	w := newWorld(t)
	e := w.enterprise(t, "330100")
	csv := "\uFEFF" + policyHeader +
		policyLine("BULK-0001", e, "9800.50") +
		policyLine("BULK-0002", e, "10000") +
		policyLine("BULK-0003", e, "-5") // a negative premium
	ct, body := multipartFile(t, "policies.csv", []byte(csv))

	first := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if first.Status != 200 || first.Result.Created != 2 || len(first.Result.Failed) != 1 {
		t.Fatalf("first upload: %d %+v", first.Status, first.Result)
	}
	f := first.Result.Failed[0]
	if f.Row != 3 || f.Key != "BULK-0003" || f.Errors["premium"].Code == "" || f.Errors["premium"].MessageEn == "" || f.Errors["premium"].MessageZh == "" {
		t.Fatalf("the refused row is reported as %+v", f)
	}
	stored, err := w.app.FindFirstRecordByData("policies", "policy_no", "BULK-0001")
	if err != nil {
		t.Fatal(err)
	}
	if stored.GetString("insurer") != w.plan.Org("insurer-1").ID || stored.GetString("city_code") != "330100" ||
		stored.GetFloat("premium") != 9800.5 || stored.GetFloat("cover_per_person") != 500000 {
		t.Fatalf("stored policy columns: insurer %s city %s premium %v cover %v", stored.GetString("insurer"),
			stored.GetString("city_code"), stored.GetFloat("premium"), stored.GetFloat("cover_per_person"))
	}
	if _, err := w.app.FindFirstRecordByData("policies", "policy_no", "BULK-0003"); err == nil {
		t.Fatal("the invalid row was stored")
	}

	again := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if again.Result.Created != 0 || again.Result.Unchanged != 2 || len(again.Result.Failed) != 1 {
		t.Fatalf("second upload of the same file: %+v", again.Result)
	}
	if n, _ := w.app.CountRecords("policies", dbx.NewExp("policy_no LIKE 'BULK-%'")); n != 2 {
		t.Fatalf("%d BULK- policies after uploading the file twice", n)
	}

	changed := policyHeader + policyLine("BULK-0001", e, "9900")
	ct2, body2 := multipartFile(t, "changed.csv", []byte(changed))
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct2, body2, "en")
	if len(res.Result.Failed) != 1 || res.Result.Failed[0].Errors["policy_no"].Code != "bulk_exists_different" ||
		!strings.Contains(res.Result.Failed[0].Errors["policy_no"].Message, "correction") {
		t.Fatalf("a changed existing policy: %+v", res.Result)
	}

	other := w.post(t, "/api/azx/bulk/policies", "insurer-2@azx.demo", ct, body, "")
	for _, f := range other.Result.Failed {
		if f.Key == "BULK-0001" && f.Errors["policy_no"].Code != "bulk_key_taken" {
			t.Fatalf("another insurer's policy number: %+v", f)
		}
	}
	if other.Result.Created != 0 || other.Result.Unchanged != 0 {
		t.Fatalf("another insurer re-uploading the file: %+v", other.Result)
	}
}

func TestPolicyUploadAcceptsJSONAndReportsUnknownEnterprises(t *testing.T) {
	w := newWorld(t)
	e := w.enterprise(t, "330200")
	row := func(no, uscc string) map[string]any {
		return map[string]any{
			"policy_no": no, "enterprise_uscc": uscc, "legal_basis": "2025", "status": "active",
			"insured":   map[string]any{"uscc": e.USCC, "name": e.Name},
			"period":    map[string]any{"start": "2026-05-01", "end": "2027-04-30"},
			"headcount": e.Headcount, "insured_persons": e.Headcount, "cover_per_person": 400000, "premium": 5000,
			"prevention_clause": true, "prevention_budget": 1000,
		}
	}
	body, _ := json.Marshal(map[string]any{"rows": []any{row("JSON-0001", e.USCC), row("JSON-0002", "91330100000000000X")}})
	res := w.post(t, "/api/azx/bulk/policies", "insurer-3@azx.demo", "application/json", body, "")
	if res.Status != 200 || res.Result.Created != 1 || len(res.Result.Failed) != 1 ||
		res.Result.Failed[0].Errors["enterprise_uscc"].Code != "bulk_enterprise_unknown" || res.Result.Failed[0].Row != 2 {
		t.Fatalf("JSON rows: %d %+v", res.Status, res.Result)
	}
	arr, _ := json.Marshal([]any{row("JSON-0003", e.USCC)})
	ct, mp := multipartFile(t, "rows.json", arr)
	if res := w.post(t, "/api/azx/bulk/policies", "insurer-3@azx.demo", ct, mp, ""); res.Result.Created != 1 {
		t.Fatalf("a JSON file: %+v", res.Result)
	}
}

func TestBulkRefusesWrongRolesAndOversizedUploads(t *testing.T) {
	w := newWorld(t)
	body := []byte(`{"rows": []}`)
	if res := w.post(t, "/api/azx/bulk/policies", "", "application/json", body, ""); res.Status != 401 {
		t.Errorf("anonymous upload: %d", res.Status)
	}
	if res := w.post(t, "/api/azx/bulk/policies", "regulator-330100@azx.demo", "application/json", body, ""); res.Status != 403 {
		t.Errorf("a regulator uploading policies: %d", res.Status)
	}
	if res := w.post(t, "/api/azx/bulk/enterprises", "insurer-1@azx.demo", "application/json", body, "en"); res.Status != 403 || res.Body["message_zh"] == "" {
		t.Errorf("an insurer uploading enterprises: %d %v", res.Status, res.Body)
	}
	rows := make([]any, MaxRows+1)
	for i := range rows {
		rows[i] = map[string]any{}
	}
	big, _ := json.Marshal(map[string]any{"rows": rows})
	if res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", "application/json", big, ""); res.Status != 413 || res.Body["code"] != "bulk_too_many_rows" {
		t.Errorf("%d rows: %d %v", len(rows), res.Status, res.Body)
	}
	ct, huge := multipartFile(t, "huge.csv", bytes.Repeat([]byte("x"), MaxBytes+1))
	if res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, huge, ""); res.Status != 413 || res.Body["code"] != "bulk_too_large" {
		t.Errorf("a file over 20 MB: %d %v", res.Status, res.Body)
	}
	if res := w.post(t, "/api/azx/bulk/policies?mode=bulk", "insurer-1@azx.demo", "application/json", body, ""); res.Status != 400 || res.Body["code"] != "bulk_mode_invalid" {
		t.Errorf("an unknown mode: %d %v", res.Status, res.Body)
	}
	if res := w.post(t, "/api/azx/bulk/policies?mode=import", "provider-1@azx.demo", "application/json", body, ""); res.Status != 403 {
		t.Errorf("a provider importing policies: %d", res.Status)
	}
}

func TestEnterpriseUploadStaysInsideTheRegulatorsRegion(t *testing.T) {
	w := newWorld(t)
	header := "uscc,name,region_code,address,industry,headcount,must_insure,risk_grade,principal.name,principal.mobile,safety_contact.name,safety_contact.mobile\n"
	line := func(uscc, region string) string {
		return fmt.Sprintf("%s,测试化工有限公司,%s,浙江省某地工业大道1号,hazardous_chemicals,120,true,high,张三,13800000001,李四,13900000002\n", uscc, region)
	}
	hz := seed.NewUSCCForTest("330106")
	nb := seed.NewUSCCForTest("330203")
	existing := w.enterprise(t, "330100")
	csv := header + line(hz, "330106") + line(nb, "330203") + line(existing.USCC, existing.Region)
	ct, body := multipartFile(t, "enterprises.csv", []byte(csv))
	res := w.post(t, "/api/azx/bulk/enterprises", "regulator-330100@azx.demo", ct, body, "")
	if res.Status != 200 || res.Result.Created != 1 {
		t.Fatalf("city regulator upload: %d %+v", res.Status, res.Result)
	}
	var outside, differs bool
	for _, f := range res.Result.Failed {
		if f.Row == 2 && f.Errors["region_code"].Code == "bulk_outside_scope" {
			outside = true
		}
		if f.Row == 3 && f.Errors["uscc"].Code == "bulk_exists_different" {
			differs = true
		}
	}
	if !outside || !differs {
		t.Fatalf("row errors: %+v", res.Result.Failed)
	}
	stored, err := w.app.FindFirstRecordByData("enterprises", "uscc", hz)
	if err != nil || stored.GetString("city_code") != "330100" || stored.GetInt("headcount") != 120 || !stored.GetBool("must_insure") {
		t.Fatalf("stored enterprise: %v %v", stored, err)
	}
}

func TestTemplateListsTheDefinitionsColumns(t *testing.T) {
	w := newWorld(t)
	req := httptest.NewRequest(http.MethodGet, "/api/azx/bulk/policies/template.csv", nil)
	req.Header.Set("Authorization", w.token(t, "insurer-1@azx.demo"))
	rec := httptest.NewRecorder()
	w.mux.ServeHTTP(rec, req)
	header := strings.TrimPrefix(strings.TrimSpace(rec.Body.String()), "\uFEFF")
	if rec.Code != 200 || !strings.HasPrefix(header, "enterprise_uscc,provider_uscc,policy_no,") ||
		!strings.Contains(header, ",insured.uscc,") || !strings.Contains(header, ",period.start,period.end,") ||
		!strings.Contains(header, ",prevention_items,") {
		t.Fatalf("template: %d %q", rec.Code, header)
	}
}
