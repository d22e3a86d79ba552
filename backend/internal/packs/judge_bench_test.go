package packs

import "testing"

// BenchmarkJudgePolicy is the server's rule evaluation of one policy (computations and every
// rule of the packs in force), as the policy hook runs it: `npm run bench` reports it in µs.
// Every answer is checked: a valid policy must pass, a bad one must be refused.
func BenchmarkJudgePolicy(b *testing.B) {
	snap, err := Shipped(packsDir())
	if err != nil {
		b.Fatal(err)
	}
	var suzhou *Doc
	for _, d := range snap.Docs() {
		if d.Key == "js-suzhou" {
			suzhou = d
		}
	}
	if suzhou == nil || len(suzhou.Tests) < 2 {
		b.Fatal("the Suzhou pack and its tests are needed")
	}
	valid, bad := suzhou.Tests[0], suzhou.Tests[1]
	region, day := valid.Where(suzhou)
	ctx := func(t Test) Context {
		return Context{Record: t.Record, Enterprise: t.Enterprise, Previous: t.Previous, Date: day}
	}
	snap.Effective(region, day) // resolved once, as the server's snapshot keeps it
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := valid
		if i%2 == 1 {
			t = bad
		}
		v := snap.Effective(region, day).Judge("policy", ctx(t))
		if (len(v.Refusals) == 0) != (i%2 == 0) {
			b.Fatalf("%s: refusals %v", t.Name, v.Refusals)
		}
	}
}
