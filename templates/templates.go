// Package templates embeds the files plan writes from: the `plan init` scaffolds and the
// report templates. They live here, outside internal/, because go:embed cannot reach up
// a directory and because organisations read them to write their own.
package templates

import "embed"

// Init holds the `plan init` templates and their index.
//
//go:embed init
var Init embed.FS

// Render holds the `plan render` HTML report template and its stylesheet.
//
//go:embed render
var Render embed.FS
