// Package render turns a loaded plan into the reports people read: GitHub-flavoured
// Markdown (Markdown) and one self-contained HTML page (HTML). Both are built from the
// same Data, worked out once from the plan, the findings of plan check and the schedule
// of package timeline, so the two formats never disagree.
//
// Everything a plan says is untrusted: a report is published. Markdown fields go through
// one safe goldmark configuration (safemd.go), plain text is escaped for its context
// (mdtext.go for Markdown, html/template for HTML), and the charts are SVG drawn here
// (svg_*.go) with every label escaped and laid out so that none overlaps another.
// docs/render.md describes the reports, the safety rules and the data a custom template
// receives.
package render
