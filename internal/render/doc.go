// Package render writes a report's data (package report) in its two formats:
// GitHub-flavoured Markdown (markdown.go) and one self-contained HTML page from an
// html/template (html.go). Both read the same report.Data, so the two never disagree;
// text from the plan reaches them through package safemd and the charts through package
// chart. It reads no files: a custom template and stylesheet arrive as values.
// docs/render.md describes the reports, the safety rules and the data a custom template
// receives.
package render
