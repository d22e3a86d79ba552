//go:build unix

package seed

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

// cost is the CPU time (user + system) and the peak resident memory of this process so far, for
// the seed's last lines (the benchmark reads them: wall time alone says little on a shared machine).
func cost() string {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return "unknown"
	}
	cpu := time.Duration(u.Utime.Nano() + u.Stime.Nano())
	peak := int64(u.Maxrss) * 1024 // kilobytes on Linux
	if runtime.GOOS == "darwin" {
		peak = int64(u.Maxrss) // bytes
	}
	return fmt.Sprintf("%.1f CPU s, peak RSS %d MiB", cpu.Seconds(), peak>>20)
}

// cpuTime is the CPU time (user + system) of this process so far, for each step's line.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
