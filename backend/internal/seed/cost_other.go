//go:build !unix

package seed

func cost() string { return "unknown" }
