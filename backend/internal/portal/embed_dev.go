//go:build !release

package portal

import "embed"

// Without the release tag there is no portal inside: `npm start` serves it from the checkout.
var site embed.FS

const embedded = false
