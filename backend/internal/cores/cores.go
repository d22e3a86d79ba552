// Package cores runs a batch's independent pieces of work on as many goroutines as there are
// cores: a bulk import's or the seed's validations, an audit batch's row hashes.
package cores

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls work(i) for every i in [0, n), on min(GOMAXPROCS, n) goroutines that each take the
// next index not yet taken, and returns once every call has.
func Each(n int, work func(i int)) {
	Start(n, work)()
}

// Start is Each returning at once: the calls go on while the caller works, and wait returns once
// every one has (a writer that takes each result as it is ready, in order).
func Start(n int, work func(i int)) (wait func()) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		}()
	}
	return wg.Wait
}
