//go:build release

package builtin

import "embed"

// files holds one folder per built-in data set, staged by `npm run release` from the list that
// scripts/pocketbase.mjs prepareData loads (files/definitions, ...).
//
//go:embed all:files
var files embed.FS

const embedded = true
