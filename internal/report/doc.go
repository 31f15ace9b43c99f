// Package report works out what a report shows from a loaded plan: the data contract
// (data.go) that the Markdown writer and every HTML template read, and its builders,
// which resolve references, format dates and amounts, judge the timeline and draw the
// charts. It reads no files and runs nothing: the plan's findings and git history
// arrive in Options, so that the same plan always gives the same Data.
package report
