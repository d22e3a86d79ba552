package bulk

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"
	"golang.org/x/text/encoding/simplifiedchinese"

	"azx/backend/internal/definitions"
	"azx/backend/internal/packs"
)

// cover 300,000 under the 2025 measures breaks cn-2025's minimum (400,000): a rule-pack
// violation, not a schema error
func lowCoverLine(no, uscc, name string, headcount int) string {
	return fmt.Sprintf("%s,%s,%s,%s,2025,active,2026-03-01,2027-02-28,%d,%d,300000,9800,是,2000,01;03\n",
		no, uscc, uscc, name, headcount, headcount)
}

// judged is a world whose policies are judged by the rule packs, as the server's are.
func judged(t *testing.T) *world {
	return newWorld(t, func(app *pocketbase.PocketBase) { packs.BindPolicies(app) })
}

func TestImportModeStoresRulePackViolationsAndFlagsThem(t *testing.T) {
	w := judged(t)
	e := w.enterprise(t, "330100")
	csv := policyHeader + lowCoverLine("IMP-0001", e.USCC, e.Name, e.Headcount) +
		policyLine("IMP-0003", e, "-5") // a schema error still refuses the row
	ct, body := multipartFile(t, "history.csv", []byte(csv))

	// an entry (no mode) refuses what the packs refuse, as every interactive write does
	entry := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if entry.Result.Created != 0 || len(entry.Result.Failed) != 2 || len(entry.Result.Flagged) != 0 {
		t.Fatalf("entry upload: %+v", entry.Result)
	}
	var refusedByPack bool
	for _, f := range entry.Result.Failed {
		if f.Key == "IMP-0001" {
			for path, fe := range f.Errors {
				refusedByPack = refusedByPack || (strings.HasPrefix(path, "cover_per_person") && fe.MessageZh != "")
			}
		}
	}
	if !refusedByPack {
		t.Fatalf("the low cover was not refused at cover_per_person in entry mode: %+v", entry.Result.Failed)
	}

	res := w.post(t, "/api/azx/bulk/policies?mode=import&upload=u-1", "insurer-1@azx.demo", ct, body, "en")
	if res.Status != 200 || res.Result.Mode != "import" || res.Result.Created != 1 || len(res.Result.Failed) != 1 ||
		res.Result.Failed[0].Key != "IMP-0003" || res.Result.Failed[0].Errors["premium"].Code == "" {
		t.Fatalf("import: %d %+v", res.Status, res.Result)
	}
	if len(res.Result.Flagged) != 1 || res.Result.Flagged[0].Row != 1 || res.Result.Flagged[0].Key != "IMP-0001" {
		t.Fatalf("flagged rows: %+v", res.Result.Flagged)
	}
	var flag Flag
	for _, f := range res.Result.Flagged[0].Rules {
		if f.Code == "cover_below_minimum" {
			flag = f
		}
	}
	if flag.Path != "cover_per_person" || !strings.Contains(flag.Source, "27号") || flag.SourceEn == "" || flag.MessageZh == "" || flag.Message != flag.MessageEn {
		t.Fatalf("a flag carries its rule, source and messages: %+v", res.Result.Flagged[0].Rules)
	}
	stored, err := w.app.FindFirstRecordByData("policies", "policy_no", "IMP-0001")
	if err != nil || stored.GetFloat("cover_per_person") != 300000 {
		t.Fatalf("the violating policy is stored as it was: %v", err)
	}
	findings, err := w.app.FindAllRecords("system_findings", dbx.HashExp{"policy": stored.Id, "rule": "cover_below_minimum"})
	if err != nil || len(findings) != 1 {
		t.Fatalf("system findings of the flagged policy: %d %v", len(findings), err)
	}
	sf := findings[0]
	if sf.GetString("rule") != flag.Code || sf.GetString("source") != flag.Source || sf.GetInt("row") != 1 ||
		sf.GetString("upload") != "u-1" || sf.GetString("city_code") != "330100" || sf.GetString("insurer") != w.plan.Org("insurer-1").ID {
		t.Fatalf("the system finding: rule %s source %s row %d upload %s city %s", sf.GetString("rule"), sf.GetString("source"),
			sf.GetInt("row"), sf.GetString("upload"), sf.GetString("city_code"))
	}

	// the same file again (a dropped connection, resumed): nothing stored twice, no flag twice
	again := w.post(t, "/api/azx/bulk/policies?mode=import&upload=u-1", "insurer-1@azx.demo", ct, body, "")
	if again.Result.Created != 0 || again.Result.Unchanged != 1 || len(again.Result.Flagged) != 0 {
		t.Fatalf("the import resumed: %+v", again.Result)
	}
	if n, _ := w.app.CountRecords("system_findings", dbx.HashExp{"policy": stored.Id}); n != int64(len(res.Result.Flagged[0].Rules)) {
		t.Fatalf("%d system findings after importing the file twice", n)
	}
}

func TestRegulatorsImportTheirRegionsPoliciesNamingTheInsurer(t *testing.T) {
	w := judged(t)
	e := w.enterprise(t, "330100")
	other := w.enterprise(t, "330200")
	insurer, err := w.app.FindRecordById("organizations", w.plan.Org("insurer-2").ID)
	if err != nil {
		t.Fatal(err)
	}
	header := "insurer_uscc," + policyHeader
	csv := header + insurer.GetString("uscc") + "," + lowCoverLine("REG-0001", e.USCC, e.Name, e.Headcount) +
		insurer.GetString("uscc") + "," + lowCoverLine("REG-0002", other.USCC, other.Name, other.Headcount) +
		"," + lowCoverLine("REG-0003", e.USCC, e.Name, e.Headcount)
	ct, body := multipartFile(t, "region.csv", []byte(csv))
	if res := w.post(t, "/api/azx/bulk/policies", "regulator-330100@azx.demo", ct, body, ""); res.Status != 403 {
		t.Fatalf("a regulator's entry upload of policies: %d", res.Status)
	}
	res := w.post(t, "/api/azx/bulk/policies?mode=import", "regulator-330100@azx.demo", ct, body, "")
	if res.Status != 200 || res.Result.Created != 1 || len(res.Result.Flagged) != 1 || len(res.Result.Failed) != 2 {
		t.Fatalf("a regulator's import: %d %+v", res.Status, res.Result)
	}
	codes := map[string]string{}
	for _, f := range res.Result.Failed {
		for col, fe := range f.Errors {
			codes[f.Key] = col + ":" + fe.Code
		}
	}
	if codes["REG-0002"] != "enterprise_uscc:bulk_outside_scope" || codes["REG-0003"] != "insurer_uscc:bulk_insurer_required" {
		t.Fatalf("a regulator's refused rows: %v", codes)
	}
	stored, err := w.app.FindFirstRecordByData("policies", "policy_no", "REG-0001")
	if err != nil || stored.GetString("insurer") != insurer.Id {
		t.Fatalf("the imported policy's insurer: %v", err)
	}
}

func TestGBKFilesWithChineseHeadersAreRead(t *testing.T) {
	w := newWorld(t)
	e := w.enterprise(t, "330100")
	// the header is the definition's own Chinese titles, so the test follows the definition
	def := policyTitles(t, w)
	cols := []string{"policy_no", "enterprise_uscc", "legal_basis", "status", "period.start", "period.end", "headcount",
		"insured_persons", "cover_per_person", "premium", "prevention_clause", "prevention_budget", "insured.uscc", "insured.name"}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = def[c]
	}
	line := fmt.Sprintf("GBK-0001,%s,2025,active,2026-03-01,2027-02-28,%d,%d,500000,9800,是,2000,%s,%s\n", e.USCC, e.Headcount, e.Headcount, e.USCC, e.Name)
	utf := strings.Join(titles, ",") + "\n" + line
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(utf))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(gbk, []byte(utf)) {
		t.Fatal("the test file is not GBK")
	}
	ct, body := multipartFile(t, "gbk.csv", gbk)
	res := w.post(t, "/api/azx/bulk/policies", "insurer-1@azx.demo", ct, body, "")
	if res.Status != 200 || res.Result.Created != 1 || res.Result.Encoding != "gb18030" {
		t.Fatalf("a GBK file with Chinese headers %q: %d %+v %v", titles, res.Status, res.Result, res.Body)
	}
	if _, err := w.app.FindFirstRecordByData("policies", "policy_no", "GBK-0001"); err != nil {
		t.Fatal("the GBK row was not stored")
	}
}

// policyTitles is the shortest Chinese header the upload accepts for each column.
func policyTitles(t *testing.T, w *world) map[string]string {
	t.Helper()
	version, err := latestVersion(w.app, "policy")
	if err != nil {
		t.Fatal(err)
	}
	def, err := definitions.Lookup(w.app, "policy", version)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for alias, path := range headerAliases(def.Schema.Doc(), policies.extra) {
		chinese := strings.IndexFunc(alias, func(r rune) bool { return r > 0x2e80 }) >= 0
		if chinese && (out[path] == "" || len([]rune(alias)) < len([]rune(out[path]))) {
			out[path] = alias
		}
	}
	for _, c := range []string{"policy_no", "period.start", "cover_per_person", "enterprise_uscc"} {
		if out[c] == "" {
			t.Fatalf("no Chinese header for %s", c)
		}
	}
	return out
}
