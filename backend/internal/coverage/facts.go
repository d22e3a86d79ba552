package coverage

import (
	"math"
	"time"
)

// The fact index: one compact struct per enterprise, policy, service report and hazard holding
// only the columns the figures read, so a fresh figure is one pass in Go over memory instead of
// seconds of SQLite (issue 5: 100,000 enterprises and 200,000 policies under 200 ms).
// Codes (regions, industries, insurers) are interned, dates are Unix milliseconds.

// sym is an interned code; 0 is "" (a row without the code).
type sym uint32

type interner struct {
	ids  map[string]sym
	strs []string
}

func newInterner() *interner { return &interner{ids: map[string]sym{"": 0}, strs: []string{""}} }

func (in *interner) of(s string) sym {
	if id, ok := in.ids[s]; ok {
		return id
	}
	id := sym(len(in.strs))
	in.ids[s] = id
	in.strs = append(in.strs, s)
	return id
}

// ofBytes is of for a value read in place (no copy unless the code is new).
func (in *interner) ofBytes(b []byte) sym {
	if id, ok := in.ids[string(b)]; ok {
		return id
	}
	return in.of(string(b))
}

// lookup finds a code without adding it (a query's parameter never grows the index).
func (in *interner) lookup(s string) (sym, bool) {
	id, ok := in.ids[s]
	return id, ok
}

// slots numbers record ids: a fact's position in its slice. An id referenced before (or
// without) its row gets a slot too: a policy's enterprise, a renewal's renewed policy.
type slots struct {
	ids   map[string]int32
	names []string // the id of each slot
}

func newSlots() slots { return slots{ids: map[string]int32{}} }

func (s *slots) ofBytes(id []byte, grow func()) int32 {
	if n, ok := s.ids[string(id)]; ok {
		return n
	}
	return s.of(string(id), grow)
}

func (s *slots) of(id string, grow func()) int32 {
	if n, ok := s.ids[id]; ok {
		return n
	}
	n := int32(len(s.names))
	s.ids[id] = n
	s.names = append(s.names, id)
	grow()
	return n
}

// place is where a row lies and what it is about, as the scope and the groupings read it.
type place struct {
	province, city, region, industry sym
}

// noDate is a date column left empty (” sorts before every date, as in SQLite).
const noDate = math.MinInt64

// badDate is a non-empty value that is not a date (PocketBase never stores one; kept apart so
// it is neither empty nor comparable).
const badDate = math.MinInt64 + 1

// dateMs reads a stored date ("2006-01-02 15:04:05.000Z") as Unix milliseconds; the stored
// form is read by hand (time.Parse was a tenth of the index's load).
func dateMs[T ~string | ~[]byte](b T) int64 {
	if len(b) == 0 {
		return noDate
	}
	if ms, ok := storedMs(b); ok {
		return ms
	}
	s := string(b)
	t, err := time.Parse(pbTime, s)
	if err != nil {
		if t, err = time.Parse("2006-01-02 15:04:05Z07:00", s); err != nil {
			return badDate
		}
	}
	return t.UnixMilli()
}

func storedMs[T ~string | ~[]byte](b T) (int64, bool) {
	if len(b) != 24 || b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':' || b[19] != '.' || b[23] != 'Z' {
		return 0, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(b[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d, h, mi, sec, ms := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2), num(20, 3)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0 ||
		d > time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day() {
		return 0, false
	}
	// days from the civil date (Howard Hinnant's algorithm)
	if mo <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (mo + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era)*146097 + int64(doe) - 719468
	return ((days*24+int64(h))*60+int64(mi))*60000 + int64(sec)*1000 + int64(ms), true
}

type entFact struct {
	live       bool
	uscc       string // lists are ordered by region and USCC
	place      place
	mustInsure bool
	headcount  float64
	active     int32 // policies with status active naming this enterprise (any region): for lapsed
	grade      sym   // the server's risk grade: its service plan's visits a year (delivery.go)
}

// policy statuses the figures tell apart
const (
	polOther uint8 = iota
	polActive
	polExpired
)

type polFact struct {
	live      bool
	slot      int32  // its own position: the delivery counts are kept by it (delivery.go)
	no        string // policy number: lists are ordered by it
	ent       int32  // slot of the enterprise it names
	place     place
	insurer   sym
	status    uint8
	clause    bool
	terms     terms // the thresholds of the packs in force on its start (terms.go)
	renewedBy int32 // policies naming this one in renewal_of: for lapsed
	renews    int32 // slot of the policy this one renews, -1 for none
	start     int64
	end       int64
	uploaded  int64
	persons   float64
	headcount float64
	premium   float64
	budget    float64
	cover     float64
}

type repFact struct {
	live    bool
	booked  bool  // delivered or confirmed: spending actually booked
	assist  bool  // an assistance visit (帮扶): a service type the vocabulary marks assistance
	pol     int32 // slot of its policy, -1 for none
	place   place
	insurer sym
	date    int64
	cost    float64
}

type hazFact struct {
	live     bool
	major    bool
	open     bool // not in a closed state of the hazard workflow (verified)
	pending  bool // not yet rectified (the workflow's overdue states): overdue once past its deadline
	place    place
	insurer  sym
	deadline int64
}
