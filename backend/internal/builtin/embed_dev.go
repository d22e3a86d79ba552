//go:build !release

package builtin

import "embed"

// Without the release tag nothing is inside: scripts/pocketbase.mjs prepareData loads the
// built-in data from the checkout.
var files embed.FS

const embedded = false
