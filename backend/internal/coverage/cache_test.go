package coverage

import "testing"

func TestCachedUntilAWrite(t *testing.T) {
	computed := 0
	get := func() any {
		out, err := cached("k", false, func() (any, error) { computed++; return computed, nil })
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := get(), get()
	if a != b || computed != 1 {
		t.Fatalf("the second read computed again (%v, %v, %d)", a, b, computed)
	}
	if fresh, _ := cached("k", true, func() (any, error) { return -1, nil }); fresh != -1 {
		t.Fatal("fresh=1 answered from the cache")
	}
	dataVersion.Add(1) // what a write to a watched collection does
	if c := get(); c == a || computed != 2 {
		t.Fatalf("a write did not invalidate the answer (%v, %d)", c, computed)
	}
}
