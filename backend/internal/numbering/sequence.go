package numbering

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"azx/backend/internal/stored"
)

// Table holds one counter per scope (migration 1764800000_sequences).
const Table = "azx_sequences"

// china is the time zone a number's year is read in (UTC+8, no daylight saving).
var china = time.FixedZone("CST", 8*3600)

// Scope names one sequence: a prefix, a region and a year.
func Scope(prefix, region string, year int) string {
	return prefix + ":" + region + ":" + strconv.Itoa(year)
}

// Format writes the seq-th number of a scope: YH-330602-2026-000017.
func Format(prefix, region string, year, seq int) string {
	return fmt.Sprintf("%s-%s-%d-%06d", prefix, region, year, seq)
}

var formatted = regexp.MustCompile(`^([0-9A-Z]{2,6})-([0-9]{6})-([0-9]{4})-([0-9]{6,})$`)

// Parse reads a number made by Format back into its scope and position (ok false otherwise).
func Parse(no string) (prefix, region string, year, seq int, ok bool) {
	m := formatted.FindStringSubmatch(no)
	if m == nil {
		return "", "", 0, 0, false
	}
	year, _ = strconv.Atoi(m[3])
	seq, err := strconv.Atoi(m[4])
	if err != nil {
		return "", "", 0, 0, false
	}
	return m[1], m[2], year, seq, true
}

// Next takes the next number of scope. One statement reads and moves the counter, and SQLite
// runs one writer at a time, so two concurrent writes never get the same number; inside the
// record's transaction, a write that rolls back gives its number back.
func Next(app core.App, scope string) (int, error) {
	var last int
	err := app.NonconcurrentDB().NewQuery(
		`INSERT INTO ` + Table + ` (scope, last) VALUES ({:scope}, 1)
		 ON CONFLICT(scope) DO UPDATE SET last = last + 1
		 RETURNING last`).Bind(dbx.Params{"scope": scope}).Row(&last)
	return last, err
}

// Reserve moves the counter of scope to at least seq: a number written by server code (the
// seed, an import by a superuser) is never handed out again.
//
// Plain SQL with ? placeholders (stored.Exec): every record the seed or an import writes with its
// own number runs it, and dbx rewrote {:name} placeholders by regular expressions each time.
func Reserve(app core.App, scope string, seq int) error {
	return stored.Exec(app, reserveSQL, scope, seq)
}

const reserveSQL = `INSERT INTO ` + Table + ` (scope, last) VALUES (?, ?)
		 ON CONFLICT(scope) DO UPDATE SET last = max(last, excluded.last)`

// YearOf is the year, in China, of an RFC 3339 date-time or a YYYY-MM-DD date; ok false when
// the text is neither.
func YearOf(text string) (int, bool) {
	if t, err := time.Parse(time.RFC3339, text); err == nil {
		return t.In(china).Year(), true
	}
	if t, err := time.ParseInLocation(time.DateOnly, text, china); err == nil {
		return t.Year(), true
	}
	return 0, false
}

// ThisYear is the current year in China.
func ThisYear() int { return time.Now().In(china).Year() }
