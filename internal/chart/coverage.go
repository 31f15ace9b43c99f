package chart

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// The coverage chart of the report's progress section: one row per stakeholder group,
// one column per phase, and in each cell whether the records show the group engaged in
// the phase. The marks differ in shape as well as fill, so the chart reads without
// colour: a filled square for engaged, an outlined square crossed out for a phase over
// in which a group it was meant for was not engaged, an outlined circle for a group
// still to be engaged in a phase not over, and a short dash where the phase was not
// meant for the group. It reuses the engagement matrix's classes, so report.css styles
// it for light, dark and print with no rule of its own.

// The states of a cell, as status.Group.Phases gives them.
const (
	CoverageEngaged = "engaged"
	CoverageMissed  = "missed"
	CoveragePending = "pending"
	CoverageNone    = "none"
)

const (
	coverageNameW = 200.0
	coverageHeadH = 56.0
	// coverageHeadBold is the width of the headers' 11px bold text in 12px regular's terms.
	coverageHeadBold = 12.4
	coverageLegend   = 40.0
	coverageMark     = 8.0
)

// CoverageRow is one stakeholder group's row: its name and a state per phase.
type CoverageRow struct {
	Name  string
	Cells []string
}

// Coverage draws the coverage chart of groups (rows) across phases (column names), as
// of the day asOf names ("9 Mar 2027").
func Coverage(phases []string, rows []CoverageRow, asOf string) Chart {
	id := "chart-coverage"
	title := "Stakeholder groups engaged, phase by phase"
	desc := coverageDescription(phases, rows, asOf)
	cols := max(len(phases), 1)
	colW := (chartWidth - chartLeft - coverageNameW) / float64(cols)
	names := make([]string, len(rows))
	for r, row := range rows {
		names[r] = row.Name
	}
	layout := layoutRows(names, coverageNameW, coverageHeadH)
	height := layout.bottom() + coverageLegend
	colX := func(i int) float64 { return chartLeft + coverageNameW + (float64(i)+0.5)*colW }
	var w svgWriter
	w.start(id, chartWidth, height, title, desc)
	for i, name := range phases {
		// Up to three lines, set on the same baseline at the bottom of the header, in 11px
		// bold (measured as 12.4px regular, since bold runs wider), so that a long word such
		// as "implementation" fits a column of five without breaking.
		lines := wrapAtMost(name, coverageHeadBold, colW-6, 3)
		top := coverageHeadH - 10 - float64(len(lines)-1)*14
		for k, l := range lines {
			w.element("text", l, "class", "axis-label", "x", num(colX(i)), "y", num(top+float64(k)*14), "text-anchor", "middle", "font-weight", "bold", "font-size", "11", "fill", "#1b1f24")
		}
		w.nl()
	}
	for r, row := range rows {
		cy := layout.row(&w, r)
		for i, state := range row.Cells {
			coverageMarkAt(&w, state, colX(i), cy)
		}
		w.nl()
	}
	legendY := layout.bottom() + 24
	x := chartLeft + 4
	for _, state := range []string{CoverageEngaged, CoverageMissed, CoveragePending, CoverageNone} {
		coverageMarkAt(&w, state, x+coverageMark, legendY-4)
		label := coverageLegendText[state]
		w.element("text", label, "x", num(x+2*coverageMark+6), "y", num(legendY), "fill", "#1b1f24")
		x += 2*coverageMark + 6 + textWidth(label, 12) + 18
	}
	w.nl()
	return w.chart(title, desc)
}

var coverageLegendText = map[string]string{
	CoverageEngaged: "engaged",
	CoverageMissed:  "not engaged, phase over",
	CoveragePending: "still to engage",
	CoverageNone:    "not planned",
}

// coverageMarkAt draws the mark of a state centred on cx, cy.
func coverageMarkAt(w *svgWriter, state string, cx, cy float64) {
	r := coverageMark
	switch state {
	case CoverageEngaged:
		w.empty("rect", "class", "desired", "x", num(cx-r), "y", num(cy-r), "width", num(2*r), "height", num(2*r), "rx", "2", "fill", "#1d4f91")
	case CoverageMissed:
		w.empty("rect", "class", "current", "x", num(cx-r), "y", num(cy-r), "width", num(2*r), "height", num(2*r), "rx", "2", "fill", "#ffffff", "stroke", "#1b1f24", "stroke-width", "1.5")
		w.empty("path", "class", "arrow", "d", fmt.Sprintf("M%s %sL%s %sM%s %sL%s %s", num(cx-r+3), num(cy-r+3), num(cx+r-3), num(cy+r-3), num(cx+r-3), num(cy-r+3), num(cx-r+3), num(cy+r-3)), "stroke", "#1b1f24", "stroke-width", "1.5")
	case CoveragePending:
		w.empty("circle", "class", "current", "cx", num(cx), "cy", num(cy), "r", num(r), "fill", "#ffffff", "stroke", "#1b1f24", "stroke-width", "1.5")
	default:
		w.empty("line", "class", "arrow", "x1", num(cx-4), "y1", num(cy), "x2", num(cx+4), "y2", num(cy), "stroke", "#1b1f24", "stroke-width", "1.5")
	}
}

func coverageDescription(phases []string, rows []CoverageRow, asOf string) string {
	counts := map[string]int{}
	for _, row := range rows {
		for _, c := range row.Cells {
			counts[c]++
		}
	}
	return fmt.Sprintf("Whether the records show each of %s engaged in each of %s, as of %s: %d engaged, %d not engaged in a phase that is over and was meant for them, %d still to engage in a phase not over.",
		wording.Plural(len(rows), "stakeholder group"), wording.Plural(len(phases), "phase"), asOf,
		counts[CoverageEngaged], counts[CoverageMissed], counts[CoveragePending])
}

// wrapAtMost is wrapAll in at most n lines, the last cut to fit when the text needs more.
func wrapAtMost(s string, size, max float64, n int) []string {
	lines := wrapAll(s, size, max)
	if len(lines) > n {
		lines = append(lines[:n-1], fitText(strings.Join(lines[n-1:], " "), size, max))
	}
	return lines
}
