package chart

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// The power/interest grid: influence (power) rises up the chart, impact (interest)
// across it. The format rates both low, medium or high, so the grid has nine cells; the
// four quadrants of the usual two-by-two grid are its corners, and the medium row and
// column lie across the lines between them. Every stakeholder is a labelled chip in its
// cell. Chips sharing a cell are stacked in one or two columns, and the cell grows to
// hold them all, so no two labels can overlap however many stakeholders share a cell.

const (
	gridWidth   = 760.0
	gridLeft    = 96.0 // room for the rotated axis title and the level names
	gridRight   = 8.0
	gridTop     = 8.0
	gridBottom  = 52.0
	gridHeader  = 26.0 // a cell's strip for its quadrant's name
	gridPad     = 8.0
	chipLineH   = 15.0
	chipPadY    = 4.0
	chipGap     = 4.0
	chipFont    = 12.0
	chipTextPad = 5.0
	chipLines   = 2
	// oneColumnMax is how many chips a cell stacks in one column before it uses two.
	oneColumnMax = 8
	// minCellContent is the least room for chips a row of cells has, so that a sparse
	// grid still looks like a grid.
	minCellContent = 3*(chipLineH+2*chipPadY) + 2*chipGap
)

// gridChip is one stakeholder's label in the grid: a box holding up to two lines.
type gridChip struct {
	box
	Lines []string
	Full  string
}

// gridLayout is the grid worked out: cell positions, chips and the quadrant labels.
type gridLayout struct {
	Width, Height float64
	ColX          [4]float64 // left edges of the three columns, and the right edge
	RowY          [4]float64 // top edges of the three rows (high influence first), and the bottom
	Chips         []gridChip
	Labels        []box // the quadrant names
}

// quadrantCorners are the four corner cells (row, column; row 0 is high influence) and
// the quadrant each names.
var quadrantCorners = []struct {
	row, col int
	name     string
}{
	{0, 0, "Keep satisfied"},
	{0, 2, "Manage closely"},
	{2, 0, "Monitor"},
	{2, 2, "Keep informed"},
}

func layoutGrid(cells [9][]string) gridLayout {
	l := gridLayout{Width: gridWidth}
	cellW := (gridWidth - gridLeft - gridRight) / 3
	for c := 0; c <= 3; c++ {
		l.ColX[c] = gridLeft + float64(c)*cellW
	}
	// First lay out each cell's chips from the cell's top-left corner, then move them
	// down once the height of every row is known.
	type placed struct {
		chip     gridChip
		row, col int
	}
	var chips []placed
	var contentH [3]float64
	for r := 0; r < 3; r++ {
		contentH[r] = minCellContent
		for c := 0; c < 3; c++ {
			names := cells[r*3+c]
			cols := 1
			if len(names) > oneColumnMax {
				cols = 2
			}
			perCol := (len(names) + cols - 1) / max(cols, 1)
			inner := cellW - 2*gridPad
			colW := (inner - float64(cols-1)*chipGap) / float64(cols)
			y := 0.0
			for i, name := range names {
				// Fill down each column first, so that names read in order.
				col := i / max(perCol, 1)
				if i%max(perCol, 1) == 0 {
					y = 0
				}
				lines := wrapText(name, chipFont, colW-2*chipTextPad, chipLines)
				w := 0.0
				for _, line := range lines {
					w = max(w, textWidth(line, chipFont))
				}
				h := float64(len(lines))*chipLineH + 2*chipPadY
				chips = append(chips, placed{row: r, col: c, chip: gridChip{
					box: box{
						X:    l.ColX[c] + gridPad + float64(col)*(colW+chipGap),
						Y:    y,
						W:    min(colW, w+2*chipTextPad),
						H:    h,
						Text: strings.Join(lines, " "),
					},
					Lines: lines,
					Full:  name,
				}})
				y += h + chipGap
				contentH[r] = max(contentH[r], y-chipGap)
			}
		}
	}
	y := gridTop
	for r := 0; r < 3; r++ {
		l.RowY[r] = y
		y += gridHeader + contentH[r] + gridPad
	}
	l.RowY[3] = y
	l.Height = y + gridBottom
	for _, p := range chips {
		p.chip.Y += l.RowY[p.row] + gridHeader
		l.Chips = append(l.Chips, p.chip)
	}
	for _, q := range quadrantCorners {
		x, y := l.ColX[q.col]+gridPad, l.RowY[q.row]+4
		l.Labels = append(l.Labels, box{X: x, Y: y, W: textWidth(q.name, 13), H: 18, Text: q.name})
	}
	return l
}

// Grid draws the power/interest grid. cells holds the names in each cell, from high
// influence to low and, within a row, from low impact to high; unplaced counts the
// stakeholders without both ratings, whom the description mentions.
func Grid(cells [9][]string, unplaced int) Chart {
	l := layoutGrid(cells)
	id := "chart-grid"
	title := "Power/interest grid"
	desc := gridDescription(cells, unplaced)
	var w svgWriter
	w.start(id, l.Width, l.Height, title, desc)
	xMid := (l.ColX[1] + l.ColX[2]) / 2
	yMid := (l.RowY[1] + l.RowY[2]) / 2
	// The quadrants' tints meet in the middle of the medium row and column.
	quads := []struct {
		class, fill string
		x, y, w, h  float64
	}{
		{"q-satisfied", "#eef3fb", l.ColX[0], l.RowY[0], xMid - l.ColX[0], yMid - l.RowY[0]},
		{"q-manage", "#fbeeee", xMid, l.RowY[0], l.ColX[3] - xMid, yMid - l.RowY[0]},
		{"q-monitor", "#f3f3f3", l.ColX[0], yMid, xMid - l.ColX[0], l.RowY[3] - yMid},
		{"q-informed", "#eef7ef", xMid, yMid, l.ColX[3] - xMid, l.RowY[3] - yMid},
	}
	w.open("g", "aria-hidden", "true")
	for _, q := range quads {
		w.empty("rect", "class", "quadrant "+q.class, "fill", q.fill, "x", num(q.x), "y", num(q.y), "width", num(q.w), "height", num(q.h))
	}
	for c := 0; c <= 3; c++ {
		w.empty("line", "class", "grid-line", "stroke", "#767676", "x1", num(l.ColX[c]), "y1", num(l.RowY[0]), "x2", num(l.ColX[c]), "y2", num(l.RowY[3]))
	}
	for r := 0; r <= 3; r++ {
		w.empty("line", "class", "grid-line", "stroke", "#767676", "x1", num(l.ColX[0]), "y1", num(l.RowY[r]), "x2", num(l.ColX[3]), "y2", num(l.RowY[r]))
	}
	w.empty("line", "class", "grid-mid", "stroke", "#595959", "stroke-dasharray", "6 4", "x1", num(xMid), "y1", num(l.RowY[0]), "x2", num(xMid), "y2", num(l.RowY[3]))
	w.empty("line", "class", "grid-mid", "stroke", "#595959", "stroke-dasharray", "6 4", "x1", num(l.ColX[0]), "y1", num(yMid), "x2", num(l.ColX[3]), "y2", num(yMid))
	w.close("g")
	w.nl()
	for _, q := range l.Labels {
		w.element("text", q.Text, "class", "quadrant-label", "x", num(q.X), "y", num(q.Y+14), "font-size", "13", "font-weight", "bold", "fill", "#1b1f24")
		w.nl()
	}
	levels := []string{"High", "Medium", "Low"}
	for r := 0; r < 3; r++ {
		w.element("text", levels[r], "class", "axis-label", "x", num(gridLeft-8), "y", num((l.RowY[r]+l.RowY[r+1])/2+4), "text-anchor", "end", "fill", "#1b1f24")
		w.nl()
	}
	for c := 0; c < 3; c++ {
		w.element("text", levels[2-c], "class", "axis-label", "x", num((l.ColX[c]+l.ColX[c+1])/2), "y", num(l.RowY[3]+18), "text-anchor", "middle", "fill", "#1b1f24")
		w.nl()
	}
	plotMidY := (l.RowY[0] + l.RowY[3]) / 2
	w.element("text", "Influence (power) →", "class", "axis-title", "x", "20", "y", num(plotMidY),
		"text-anchor", "middle", "transform", fmt.Sprintf("rotate(-90 20 %s)", num(plotMidY)), "font-weight", "bold", "fill", "#1b1f24")
	w.nl()
	w.element("text", "Impact (interest) →", "class", "axis-title", "x", num((l.ColX[0]+l.ColX[3])/2), "y", num(l.RowY[3]+40),
		"text-anchor", "middle", "font-weight", "bold", "fill", "#1b1f24")
	w.nl()
	for _, c := range l.Chips {
		w.open("g", "class", "chip")
		if c.Text != wording.OneLine(c.Full) {
			w.element("title", c.Full)
		}
		w.empty("rect", "class", "chip", "x", num(c.X), "y", num(c.Y), "width", num(c.W), "height", num(c.H), "rx", "3",
			"fill", "#ffffff", "stroke", "#595959")
		w.open("text", "fill", "#1b1f24")
		for i, line := range c.Lines {
			w.element("tspan", line, "x", num(c.X+chipTextPad), "y", num(c.Y+chipPadY+11.5+float64(i)*chipLineH))
		}
		w.close("text")
		w.close("g")
		w.nl()
	}
	return Chart{Title: title, Desc: desc, SVG: w.html()}
}

// gridDescription says in words what the grid shows: how many stakeholders fall in each
// quadrant, and how many between quadrants.
func gridDescription(cells [9][]string, unplaced int) string {
	counts := map[string]int{}
	between, placed := 0, 0
	for k, names := range cells {
		placed += len(names)
		between += len(names)
		for _, q := range quadrantCorners {
			if k == q.row*3+q.col {
				counts[q.name] += len(names)
				between -= len(names)
			}
		}
	}
	parts := []string{
		fmt.Sprintf("%d to manage closely", counts["Manage closely"]),
		fmt.Sprintf("%d to keep satisfied", counts["Keep satisfied"]),
		fmt.Sprintf("%d to keep informed", counts["Keep informed"]),
		fmt.Sprintf("%d to monitor", counts["Monitor"]),
	}
	desc := fmt.Sprintf("%s placed by influence (vertical axis) and impact (horizontal axis): %s, and %d with a medium rating between quadrants.",
		wording.Plural(placed, "stakeholder"), strings.Join(parts, ", "), between)
	if unplaced > 0 {
		desc += fmt.Sprintf(" %s not placed for want of a rating.", wording.Plural(unplaced, "stakeholder"))
	}
	return desc
}
