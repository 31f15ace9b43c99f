// Package safemd writes text from a plan into a published report so that it shows what
// its author wrote and nothing else. Fields the format marks as Markdown go through one
// safe goldmark configuration (goldmark.go), rendered as HTML or rewritten as Markdown
// (rewrite.go); plain text is escaped for Markdown, or for HTML with its addresses
// linked (text.go).
package safemd
