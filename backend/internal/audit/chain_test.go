package audit

import (
	"fmt"
	"strings"
	"testing"
)

// chain builds n correctly linked entries in memory.
func chain(n int) []Entry {
	var out []Entry
	prev := Genesis
	for i := 1; i <= n; i++ {
		v := fmt.Sprintf("%d", i)
		e := Entry{ID: "e" + v, Seq: int64(i), At: "2026-03-01 08:00:0" + v + ".000Z", Actor: "u1",
			Collection: "policies", RecordID: "p" + v, Action: "create",
			RecordHash: RowHash(map[string]*string{"id": &v}), PrevHash: prev}
		e.Hash = e.Computed()
		prev = e.Hash
		out = append(out, e)
	}
	return out
}

func kinds(ps []Problem) string {
	var k []string
	for _, p := range ps {
		k = append(k, fmt.Sprintf("%d:%s", p.Seq, p.Kind))
	}
	return strings.Join(k, ",")
}

func TestIntactChainVerifies(t *testing.T) {
	if ps := VerifyChain(chain(5)); len(ps) != 0 {
		t.Fatalf("intact chain reported %v", ps)
	}
	if ps := VerifyChain(nil); len(ps) != 0 {
		t.Fatalf("empty chain reported %v", ps)
	}
}

func TestLinkHashFollowsTheFormula(t *testing.T) {
	// sha256("p|1|at|a|c|r|create|h")
	got := LinkHash("p", 1, "at", "a", "c", "r", "create", "h")
	if len(got) != 64 || got == LinkHash("p", 2, "at", "a", "c", "r", "create", "h") {
		t.Fatalf("LinkHash does not depend on seq: %s", got)
	}
}

func TestTamperingIsDetected(t *testing.T) {
	cases := map[string]struct {
		tamper func([]Entry) []Entry
		want   string
	}{
		"an entry's action edited":      {func(c []Entry) []Entry { c[2].Action = "update"; return c }, "3:altered"},
		"an entry's record hash edited": {func(c []Entry) []Entry { c[1].RecordHash = strings.Repeat("f", 64); return c }, "2:altered"},
		"an entry's hash edited":        {func(c []Entry) []Entry { c[3].Hash = strings.Repeat("0", 64); return c }, "4:altered,5:broken_link"},
		"an entry removed":              {func(c []Entry) []Entry { return append(c[:2], c[3:]...) }, "4:gap,4:broken_link"},
		"two entries swapped":           {func(c []Entry) []Entry { c[1], c[2] = c[2], c[1]; return c }, "3:gap,3:broken_link,2:out_of_order,2:broken_link,4:broken_link"},
		"an entry rewritten and rehashed": {func(c []Entry) []Entry {
			c[0].Actor = "forger"
			c[0].Hash = c[0].Computed()
			return c
		}, "2:broken_link"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got := kinds(VerifyChain(c.tamper(chain(5))))
			if got != c.want {
				t.Errorf("problems = %s, want %s", got, c.want)
			}
		})
	}
}

func TestRowHashIsCanonical(t *testing.T) {
	a, b, n := "1", "x", (*string)(nil)
	h1 := RowHash(map[string]*string{"a": &a, "b": &b, "c": n})
	h2 := RowHash(map[string]*string{"c": n, "b": &b, "a": &a})
	if h1 != h2 {
		t.Fatal("RowHash depends on map order")
	}
	empty, zero := "", "0"
	if RowHash(map[string]*string{"a": &a}) != RowHash(map[string]*string{"a": &a, "added": &empty, "other": n}) {
		t.Fatal("an empty column added later changes the hash of old rows")
	}
	if RowHash(map[string]*string{"a": &a, "c": &zero}) == RowHash(map[string]*string{"a": &a, "c": &empty}) {
		t.Fatal("a value emptied does not change the hash")
	}
}
