// Package chart draws the report's charts: the power/interest grid, the engagement
// assessment matrix and the timeline as inline SVG for the HTML report (and as SVG files
// of their own, Chart.Standalone, for slides), and the grid as a Mermaid quadrantChart of
// numbered points for the Markdown report. It knows nothing of the report around them: it
// takes names, levels and a schedule, and returns finished text with every label escaped
// and laid out so that none overlaps another and no name is cut so short that two read
// the same.
package chart
