package chart

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// The power/interest grid: influence (power) rises up the chart, impact (interest)
// across it. The format rates both low, medium or high, so the grid has nine cells: the
// four quadrants of the usual two-by-two grid are its corners, the only cells tinted
// with a quadrant's colour, and a medium rating puts a stakeholder in one of the
// untinted cells between them, each headed with where it lies ("Between keep satisfied
// and manage closely"), so that no group can be read as in a quadrant it is not in.
// Every stakeholder is a chip holding its whole name, wrapped onto as many lines as it
// needs and never cut; chips flow along the rows of their cell, and a row of cells grows
// to hold them all, so no two labels can overlap however many share a cell.

const (
	gridWidth     = 760.0
	gridLeft      = 96.0 // room for the rotated axis title and the level names
	gridRight     = 8.0
	gridTop       = 8.0
	gridBottom    = 52.0
	gridPad       = 8.0
	cellTitleFont = 13.0
	cellTitleLine = 16.0
	chipLineH     = 15.0
	chipPadY      = 4.0
	chipGap       = 5.0
	chipFont      = 12.0
	chipTextPad   = 5.0
	// minCellContent is the least room for chips a row of cells has, so that a sparse
	// grid still looks like a grid.
	minCellContent = 2*(chipLineH+2*chipPadY) + chipGap
)

// Where names the cell of the grid that an influence and an impact put a stakeholder
// in, each 0 (low), 1 (medium) or 2 (high): one of the four quadrants, or between two
// of them when a rating is medium.
func Where(influence, impact int) string {
	return cellNames[influence][impact]
}

var cellNames = [3][3]string{
	// influence low: impact low, medium, high
	{"Monitor", "Between monitor and keep informed", "Keep informed"},
	{"Between monitor and keep satisfied", "Centre of the grid", "Between keep informed and manage closely"},
	{"Keep satisfied", "Between keep satisfied and manage closely", "Manage closely"},
}

// gridChip is one stakeholder's label in the grid: a box holding its whole name.
type gridChip struct {
	box
	Lines []string
	Full  string
	Cell  int // index into the nine cells, as Grid's argument
}

// gridLayout is the grid worked out: cell positions, chips and the cells' titles.
type gridLayout struct {
	Width, Height float64
	ColX          [4]float64 // left edges of the three columns, and the right edge
	RowY          [4]float64 // top edges of the three rows (high influence first), and the bottom
	Chips         []gridChip
	Titles        [9]gridTitle
}

// gridTitle is the heading of a cell: a quadrant's name, or where between quadrants.
type gridTitle struct {
	box
	Lines    []string
	Quadrant bool
}

// cellName is the name of cell k of Grid's argument (row 0 high influence, column 0 low
// impact).
func cellName(k int) string { return Where(2-k/3, k%3) }

// isQuadrant says whether cell k is a corner, one of the four quadrants.
func isQuadrant(k int) bool { return k/3 != 1 && k%3 != 1 }

func layoutGrid(cells [9][]string) gridLayout {
	l := gridLayout{Width: gridWidth}
	cellW := (gridWidth - gridLeft - gridRight) / 3
	inner := cellW - 2*gridPad
	for c := 0; c <= 3; c++ {
		l.ColX[c] = gridLeft + float64(c)*cellW
	}
	// Each cell is laid out from its own top-left corner first, and moved down once the
	// height of every row is known.
	var titleH, contentH [3]float64
	for k, names := range cells {
		r, c := k/3, k%3
		lines := wrapAll(cellName(k), cellTitleFont, inner)
		l.Titles[k] = gridTitle{box: box{X: l.ColX[c] + gridPad, Y: gridPad / 2, W: widest(lines, cellTitleFont), H: float64(len(lines)) * cellTitleLine, Text: cellName(k)}, Lines: lines, Quadrant: isQuadrant(k)}
		titleH[r] = max(titleH[r], float64(len(lines))*cellTitleLine+gridPad)
		// Chips flow left to right and wrap to a new line of chips at the cell's edge,
		// so that short names share a line and the names read in the plan's order.
		x, y, lineH := 0.0, 0.0, 0.0
		for _, name := range names {
			lines := wrapAll(name, chipFont, inner-2*chipTextPad)
			w := min(widest(lines, chipFont)+2*chipTextPad, inner)
			h := float64(len(lines))*chipLineH + 2*chipPadY
			if x > 0 && x+w > inner {
				x, y, lineH = 0, y+lineH+chipGap, 0
			}
			l.Chips = append(l.Chips, gridChip{
				box:   box{X: l.ColX[c] + gridPad + x, Y: y, W: w, H: h, Text: strings.Join(lines, " ")},
				Lines: lines, Full: name, Cell: k,
			})
			x += w + chipGap
			lineH = max(lineH, h)
		}
		contentH[r] = max(contentH[r], minCellContent, y+lineH)
	}
	y := gridTop
	for r := 0; r < 3; r++ {
		l.RowY[r] = y
		y += titleH[r] + contentH[r] + gridPad
	}
	l.RowY[3] = y
	l.Height = y + gridBottom
	for i := range l.Chips {
		r := l.Chips[i].Cell / 3
		l.Chips[i].Y += l.RowY[r] + titleH[r]
	}
	for k := range l.Titles {
		l.Titles[k].Y += l.RowY[k/3]
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
	quadrantClass := map[int]struct{ class, fill string }{
		0: {"q-satisfied", "#eef3fb"},
		2: {"q-manage", "#fbeeee"},
		6: {"q-monitor", "#f3f3f3"},
		8: {"q-informed", "#eef7ef"},
	}
	w.open("g", "aria-hidden", "true")
	for k := range cells {
		r, c := k/3, k%3
		class, fill := "cell between", "#ffffff"
		if q, ok := quadrantClass[k]; ok {
			class, fill = "cell quadrant "+q.class, q.fill
		}
		w.empty("rect", "class", class, "data-cell", strconv.Itoa(k), "fill", fill,
			"x", num(l.ColX[c]), "y", num(l.RowY[r]), "width", num(l.ColX[c+1]-l.ColX[c]), "height", num(l.RowY[r+1]-l.RowY[r]))
	}
	for c := 0; c <= 3; c++ {
		w.empty("line", "class", "grid-line", "stroke", "#767676", "x1", num(l.ColX[c]), "y1", num(l.RowY[0]), "x2", num(l.ColX[c]), "y2", num(l.RowY[3]))
	}
	for r := 0; r <= 3; r++ {
		w.empty("line", "class", "grid-line", "stroke", "#767676", "x1", num(l.ColX[0]), "y1", num(l.RowY[r]), "x2", num(l.ColX[3]), "y2", num(l.RowY[r]))
	}
	w.close("g")
	w.nl()
	for _, t := range l.Titles {
		attrs := []string{"class", "cell-label", "fill", "#1b1f24", "font-size", num(cellTitleFont)}
		if t.Quadrant {
			attrs = append(attrs, "font-weight", "bold")
		} else {
			attrs[1] = "cell-label between-label"
			attrs = append(attrs, "font-style", "italic")
		}
		w.open("text", attrs...)
		for i, line := range t.Lines {
			w.element("tspan", line, "x", num(t.X), "y", num(t.Y+12+float64(i)*cellTitleLine))
		}
		w.close("text")
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
		w.open("g", "class", "chip", "data-cell", strconv.Itoa(c.Cell))
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
	return w.chart(title, desc)
}

// gridDescription says in words what the grid shows: how many stakeholders fall in each
// quadrant, and how many between quadrants.
func gridDescription(cells [9][]string, unplaced int) string {
	counts := map[string]int{}
	between, placed := 0, 0
	for k, names := range cells {
		placed += len(names)
		if isQuadrant(k) {
			counts[cellName(k)] += len(names)
		} else {
			between += len(names)
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
