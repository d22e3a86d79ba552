package cores

import (
	"sync/atomic"
	"testing"
)

// Every index is worked on exactly once, whatever the count against the cores.
func TestEachWorksEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 1000} {
		seen := make([]atomic.Int32, n)
		Each(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d worked %d times", n, i, c)
			}
		}
	}
}

// Start's wait returns only once every call has returned.
func TestStartWaitsForEveryCall(t *testing.T) {
	var done atomic.Int32
	release := make(chan struct{})
	wait := Start(50, func(int) {
		<-release
		done.Add(1)
	})
	if done.Load() != 0 {
		t.Fatal("work finished before it was released")
	}
	close(release)
	wait()
	if got := done.Load(); got != 50 {
		t.Fatalf("wait returned after %d of 50 calls", got)
	}
}
