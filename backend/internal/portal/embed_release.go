//go:build release

package portal

import "embed"

// site is the demo portal as `npm run release` stages it (index.html, demo/, dist/).
//
//go:embed all:site
var site embed.FS

const embedded = true
