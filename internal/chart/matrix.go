package chart

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// The engagement assessment matrix: one row per stakeholder, one column per level from
// unaware to leading. The current level is an outlined circle with a C in it, the
// desired level a filled square with a D, and an arrow runs from one to the other, so
// the chart reads without colour.

const (
	matrixNameW  = 330.0
	matrixHeadH  = 30.0
	matrixLegend = 34.0
	markerR      = 9.0
)

// MatrixRow is one stakeholder's row of the matrix: indexes into the levels, -1 when
// not known.
type MatrixRow struct {
	Name             string
	Current, Desired int
}

// Matrix draws the engagement assessment matrix over levels, lowest first.
func Matrix(levels []string, rows []MatrixRow) Chart {
	id := "chart-engagement"
	title := "Engagement assessment matrix"
	desc := matrixDescription(levels, rows)
	colW := (chartWidth - chartLeft - matrixNameW) / float64(len(levels))
	names := make([]string, len(rows))
	for r, row := range rows {
		names[r] = row.Name
	}
	layout := layoutRows(names, matrixNameW, matrixHeadH)
	height := layout.bottom() + matrixLegend
	colX := func(i int) float64 { return chartLeft + matrixNameW + (float64(i)+0.5)*colW }
	var w svgWriter
	w.start(id, chartWidth, height, title, desc)
	for i, l := range levels {
		w.element("text", l, "class", "axis-label", "x", num(colX(i)), "y", "20", "text-anchor", "middle", "font-weight", "bold", "fill", "#1b1f24")
		w.nl()
	}
	for r, row := range rows {
		cy := layout.row(&w, r)
		cur, des := row.Current, row.Desired
		cx, dx := colX(cur), colX(des)
		if cur >= 0 && cur == des {
			cx, dx = cx-markerR-2, dx+markerR+2
		}
		if cur >= 0 && des >= 0 && cur != des {
			// The arrow stops short of both markers; its head points at the desired level.
			dir := 1.0
			if des < cur {
				dir = -1
			}
			x1, x2 := cx+dir*(markerR+3), dx-dir*(markerR+3)
			w.empty("line", "class", "arrow", "x1", num(x1), "y1", num(cy), "x2", num(x2-dir*6), "y2", num(cy), "stroke", "#1b1f24", "stroke-width", "1.5")
			w.empty("path", "class", "arrow-head", "d", fmt.Sprintf("M%s %sL%s %sL%s %sZ", num(x2), num(cy), num(x2-dir*7), num(cy-4), num(x2-dir*7), num(cy+4)), "fill", "#1b1f24")
		}
		if cur >= 0 {
			currentMark(&w, cx, cy)
		}
		if des >= 0 {
			desiredMark(&w, dx, cy)
		}
		w.nl()
	}
	legendY := layout.bottom() + 20
	lx := chartLeft + 4
	currentMark(&w, lx+markerR, legendY-4)
	w.element("text", "current level", "x", num(lx+2*markerR+6), "y", num(legendY), "fill", "#1b1f24")
	lx += 2*markerR + 6 + textWidth("current level", 12) + 16
	desiredMark(&w, lx+markerR, legendY-4)
	w.element("text", "desired level", "x", num(lx+2*markerR+6), "y", num(legendY), "fill", "#1b1f24")
	w.nl()
	return w.chart(title, desc)
}

// currentMark draws a current level's mark, a circle with a C, centred on cx, cy.
func currentMark(w *svgWriter, cx, cy float64) {
	w.empty("circle", "class", "current", "cx", num(cx), "cy", num(cy), "r", num(markerR), "fill", "#ffffff", "stroke", "#1b1f24", "stroke-width", "1.5")
	w.element("text", "C", "class", "current-label", "x", num(cx), "y", num(cy+4), "text-anchor", "middle", "font-size", "11", "font-weight", "bold", "fill", "#1b1f24")
}

// desiredMark draws a desired level's mark, a filled square with a D, centred on cx, cy.
func desiredMark(w *svgWriter, cx, cy float64) {
	w.empty("rect", "class", "desired", "x", num(cx-markerR), "y", num(cy-markerR), "width", num(2*markerR), "height", num(2*markerR), "rx", "2", "fill", "#1d4f91")
	w.element("text", "D", "class", "desired-label", "x", num(cx), "y", num(cy+4), "text-anchor", "middle", "font-size", "11", "font-weight", "bold", "fill", "#ffffff")
}

func matrixDescription(levels []string, rows []MatrixRow) string {
	up, down, same := 0, 0, 0
	for _, row := range rows {
		switch cur, des := row.Current, row.Desired; {
		case cur < 0 || des < 0:
		case des > cur:
			up++
		case des < cur:
			down++
		default:
			same++
		}
	}
	return fmt.Sprintf("Current (C) and desired (D) engagement of %s on a scale from %s to %s: %d to move up, %d to stay where they are, %d to move down.",
		wording.Plural(len(rows), "stakeholder"), strings.ToLower(levels[0]), strings.ToLower(levels[len(levels)-1]), up, same, down)
}
