package chart

// The engagement matrix and the coverage chart have a row per stakeholder group, named
// on the left over striped rows. A name is never cut, lest two groups read the same: a
// long one wraps and its row grows.

const (
	// chartWidth and chartLeft are the width of a row chart and of its margin.
	chartWidth = 760.0
	chartLeft  = 8.0
	// rowMinH is a row's height with a name of one line; rowLineH a line's.
	rowMinH  = 26.0
	rowLineH = 15.0
)

// rowLayout is where each row of a chart lies: its name's lines and its top, from the
// chart's header down; tops has one more entry, the bottom of the last row.
type rowLayout struct {
	names [][]string
	tops  []float64
}

// layoutRows wraps each name to nameW and stacks the rows below a header headH tall.
func layoutRows(names []string, nameW, headH float64) rowLayout {
	l := rowLayout{names: make([][]string, len(names)), tops: make([]float64, len(names)+1)}
	l.tops[0] = headH
	for r, name := range names {
		l.names[r] = wrapAll(name, 12, nameW-8)
		l.tops[r+1] = l.tops[r] + max(rowMinH, float64(len(l.names[r]))*rowLineH+8)
	}
	return l
}

// bottom is the bottom of the last row.
func (l rowLayout) bottom() float64 { return l.tops[len(l.tops)-1] }

// row writes row r's stripe (every other row) and name, and returns the row's middle,
// where its marks go.
func (l rowLayout) row(w *svgWriter, r int) (cy float64) {
	top, rowH := l.tops[r], l.tops[r+1]-l.tops[r]
	cy = top + rowH/2
	if r%2 == 0 {
		w.empty("rect", "class", "stripe", "x", num(chartLeft), "y", num(top), "width", num(chartWidth-chartLeft), "height", num(rowH), "fill", "#f3f5f7")
	}
	w.open("text", "class", "row-label", "fill", "#1b1f24")
	firstY := cy + 4 - float64(len(l.names[r])-1)*rowLineH/2
	for i, line := range l.names[r] {
		w.element("tspan", line, "x", num(chartLeft+4), "y", num(firstY+float64(i)*rowLineH))
	}
	w.close("text")
	return cy
}
