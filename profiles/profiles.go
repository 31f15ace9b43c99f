// Package profiles embeds the built-in profiles: one YAML file each, in the form a team
// writes its own under `profiles:` in .planrc.yaml. They live here, outside internal/,
// because organisations read them to write their own.
package profiles

import "embed"

// Builtin holds the built-in profiles, one NAME.yaml each.
//
//go:embed *.yaml
var Builtin embed.FS
