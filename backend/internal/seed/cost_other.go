//go:build !unix

package seed

import "time"

func cost() string { return "unknown" }

func cpuTime() time.Duration { return 0 }
