package coverage

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
)

// china is the zone of the dates a regulator types: a period "2026-01-01" starts at midnight
// in Beijing time, which PocketBase stores as 2025-12-31 16:00 UTC.
var china = time.FixedZone("CST", 8*3600)

// pbTime is PocketBase's stored date format.
const pbTime = "2006-01-02 15:04:05.000Z"

// Query is what every figure is filtered by.
type Query struct {
	Region      string // the region whose figures (and children's) are asked for
	Industry    string // one industry code, or "" for all
	From, To    string // the period window as stored UTC times, or "" (no window)
	At          string // "today" for overdue deadlines, as a stored date (YYYY-MM-DD 00:00:00.000Z)
	MinSharePct int    // a minimum prevention budget asked for, percent of premium; -1: each policy's packs' floor
	Insurer     string // only for lists: the policies of one insurer
	Round       string // an inspection round: its sample and findings
	Sample      string // the round's sampled policy ids, JSON
}

// Windowed reports whether a period window was given.
func (q Query) Windowed() bool { return q.From != "" }

func (q Query) params() dbx.Params {
	return dbx.Params{
		"province": q.Region[:2] + "0000", "city": q.Region[:4] + "00", "region": q.Region,
		"industry": q.Industry, "from": q.From, "to": q.To, "at": q.At, "pct": q.MinSharePct, "insurer": q.Insurer,
		"round": q.Round, "sample": q.Sample,
	}
}

// scopeWhere restricts alias's rows to the query's region and industry. Province and city are
// always named, so the coverage indexes (leading columns province, city, region) serve a range.
func (q Query) scopeWhere(alias string) string {
	w := alias + ".province_code = {:province}"
	switch Level(q.Region) {
	case "city":
		w += " AND " + alias + ".city_code = {:city}"
	case "county":
		w += " AND " + alias + ".city_code = {:city} AND " + alias + ".region_code = {:region}"
	}
	if q.Industry != "" {
		w += " AND " + alias + ".industry = {:industry}"
	}
	return w
}

func dateParam(v url.Values, name string, endOfDay bool) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return "", nil
	}
	d, err := time.ParseInLocation("2006-01-02", s, china)
	if err != nil {
		return "", badParam(name, name+" 须为 YYYY-MM-DD 格式的日期", name+" must be a date YYYY-MM-DD")
	}
	if endOfDay {
		d = d.Add(24*time.Hour - time.Millisecond)
	}
	return d.UTC().Format(pbTime), nil
}

var industryPattern = func(s string) bool {
	if len(s) > 50 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// parseQuery reads region, industry, from, to, at and min_share from a request; region is
// checked by authorize afterwards.
func parseQuery(v url.Values, now time.Time) (Query, error) {
	q := Query{Region: strings.TrimSpace(v.Get("region")), Industry: strings.TrimSpace(v.Get("industry")), MinSharePct: -1}
	if !industryPattern(q.Industry) {
		return q, badParam("industry", "行业代码无效", "The industry code is not valid")
	}
	var err error
	if q.From, err = dateParam(v, "from", false); err != nil {
		return q, err
	}
	if q.To, err = dateParam(v, "to", true); err != nil {
		return q, err
	}
	if (q.From == "") != (q.To == "") {
		return q, badParam("to", "统计期间须同时给出起止日期", "A period needs both from and to")
	}
	if q.From != "" && q.From > q.To {
		return q, badParam("to", "统计期间的结束日期早于开始日期", "The period ends before it starts")
	}
	// deadlines are calendar dates (stored at 00:00Z): one is overdue once its day has passed
	at := strings.TrimSpace(v.Get("at"))
	if at == "" {
		at = now.In(china).Format("2006-01-02")
	}
	if _, err := time.Parse("2006-01-02", at); err != nil {
		return q, badParam("at", "at 须为 YYYY-MM-DD 格式的日期", "at must be a date YYYY-MM-DD")
	}
	q.At = at + " 00:00:00.000Z"
	if s := strings.TrimSpace(v.Get("min_share")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 100 {
			return q, badParam("min_share", "预防费用最低比例须为 0–100 之间的整数（百分比）", "min_share must be a whole percentage 0–100")
		}
		q.MinSharePct = n
	}
	return q, nil
}
