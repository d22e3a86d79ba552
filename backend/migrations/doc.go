// Package migrations holds the Go migrations that create AZX's collections, indexes and access rules.
package migrations
