package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// GridMermaid writes the power/interest grid as a Mermaid quadrantChart, which GitHub
// draws from a ```mermaid fence. Mermaid draws a point's label under it and cannot wrap
// or move one, so names would overprint each other: each stakeholder is a point labelled
// with its number instead, counted through the cells in the order of cells (the order
// of the key the report prints beside the chart). cells are as for Grid.
//
// Mermaid has no cells, only the four quadrants, so a rating is a band of the unit
// square: low and high fill most of their half, and medium is a narrow band on the line
// between the halves, its points on the line itself first. Points sit on a lattice wide
// enough for a two- or three-digit label, keep clear of the quadrants' names (which
// Mermaid draws at the top of each quadrant once there are points) and of the edges, so
// that at Mermaid's default size no label overlaps another. A cell with more groups than
// its lattice holds (at least mermaidCellCapacity) is one point labelled with the range
// of its numbers, "1–20": the key names each, and the numbers of a cell run on.
func GridMermaid(cells [9][]string) string {
	var b strings.Builder
	b.WriteString("quadrantChart\n")
	b.WriteString("    title Power/interest grid\n")
	b.WriteString("    x-axis Low impact --> High impact\n")
	b.WriteString("    y-axis Low influence --> High influence\n")
	b.WriteString("    quadrant-1 Manage closely\n")
	b.WriteString("    quadrant-2 Keep satisfied\n")
	b.WriteString("    quadrant-3 Monitor\n")
	b.WriteString("    quadrant-4 Keep informed\n")
	var counts [9]int
	for k, names := range cells {
		counts[k] = len(names)
	}
	for _, p := range mermaidLayout(counts) {
		fmt.Fprintf(&b, "    \"%s\": [%s, %s]\n", p.label, coord(p.x/mermaidPlotW), coord(1-p.y/mermaidPlotH))
	}
	return b.String()
}

// labelled is a point of the Mermaid grid and the label Mermaid writes under it.
type labelled struct {
	point
	label string
}

// mermaidLayout places the points of a grid whose cells hold counts groups, numbered
// through the cells in order.
func mermaidLayout(counts [9]int) []labelled {
	var out []labelled
	first := 1
	for k, n := range counts {
		if n == 0 {
			continue
		}
		last := first + n - 1
		if points, ok := mermaidPoints(k, n, fmt.Sprint(last)); ok {
			for i, p := range points {
				out = append(out, labelled{p, fmt.Sprint(first + i)})
			}
		} else {
			label := fmt.Sprintf("%d–%d", first, last)
			out = append(out, labelled{mermaidRangePoint(k, label), label})
		}
		first = last + 1
	}
	return out
}

// The plot of a quadrantChart at Mermaid's default 500 × 500: the chart less its
// padding (5), y-axis labels (26), title (40) and, once there are points, x-axis labels
// below (26). Positions are in pixels from the plot's top-left corner until written.
const (
	mermaidPlotW = 464.0
	mermaidPlotH = 424.0
	// A point is a circle of radius 5 with its label 5 below its centre, 12 px high and
	// up to three digits (about 22 px) wide: the lattice keeps their boxes apart.
	mermaidStepX = 24.0
	mermaidStepY = 30.0
	// mermaidNameH is the height a quadrant's name takes at the top of its quadrant.
	mermaidNameH = 28.0
	// mermaidEdge keeps points and labels inside the plot.
	mermaidEdge = 13.0
	// mermaidCellCapacity is how many points any cell holds without touching: the
	// smallest lattice (medium influence, high impact) has room for that many.
	mermaidCellCapacity = 13
	// mermaidPointFont is the size of Mermaid's point labels.
	mermaidPointFont = 12.0
)

type point struct{ x, y float64 }

// mermaidBand is where a rating's points go along an axis of length size: the lattice
// positions and the line they gather round (the middle of the band, or for medium the
// line between the halves). level 0 is the low end of the axis in pixels (the left, or
// the top). A medium rating's band is the line and the given offsets from it, filled
// from the line outwards, so that it reads as between; the other two start gap away from
// the line, leaving a clear space between their points and a medium one's. below is
// added to every position past the line, to step over the quadrants' names there.
func mermaidBand(level int, size, step float64, medium []float64, gap, below float64) (positions []float64, centre float64) {
	mid := size / 2
	switch level {
	case 1:
		for _, off := range medium {
			if off > 0 {
				off += below
			}
			positions = append(positions, mid+off)
		}
		return positions, mid
	case 0:
		lo, hi := mermaidEdge, mid-gap
		for v := hi; v >= lo; v -= step {
			positions = append(positions, v)
		}
		return positions, (lo + hi) / 2
	default:
		lo, hi := mid+gap+below, size-mermaidEdge
		for v := lo; v <= hi; v += step {
			positions = append(positions, v)
		}
		return positions, (lo + hi) / 2
	}
}

// mermaidLabelZones are the boxes Mermaid's quadrant names take: centred at the top of
// each quadrant, 16 px text 5 px below its top edge.
func mermaidLabelZones() []box {
	var zones []box
	for _, q := range []struct {
		name string
		x, y float64
	}{
		{"Keep satisfied", 0, 0}, {"Manage closely", mermaidPlotW / 2, 0},
		{"Monitor", 0, mermaidPlotH / 2}, {"Keep informed", mermaidPlotW / 2, mermaidPlotH / 2},
	} {
		w := textWidth(q.name, 16) + 8
		zones = append(zones, box{X: q.x + mermaidPlotW/4 - w/2, Y: q.y, W: w, H: mermaidNameH})
	}
	return zones
}

// mermaidPointBox is the room a point and its label take: the lattice's cell for a
// number of up to three digits, wider for a longer label.
func mermaidPointBox(p point, label string) box {
	w := max(mermaidStepX-2, textWidth(label, mermaidPointFont)+2)
	return box{X: p.x - w/2, Y: p.y - 6, W: w, H: 24, Text: label}
}

// mermaidPoints places n points in cell k (row 0 high influence, column 0 low impact),
// in reading order: nearest the cell's line or middle first, then outwards. It says
// false when they do not all fit apart: more points than the cell's lattice holds, or
// labels (widest is the widest) too wide for it.
func mermaidPoints(k, n int, widest string) ([]point, bool) {
	free := mermaidLattice(k)
	if len(free) < n || mermaidPointBox(point{}, widest).W > mermaidStepX-2 {
		return nil, false
	}
	free = free[:n]
	slices.SortStableFunc(free, func(a, b point) int {
		if c := cmp.Compare(a.y, b.y); c != 0 {
			return c
		}
		return cmp.Compare(a.x, b.x)
	})
	return free, true
}

// mermaidRangePoint is where the one point of a cell too full for its lattice goes: the
// best position of the lattice that leaves its wider label clear of the quadrants' names
// and the plot's edges.
func mermaidRangePoint(k int, label string) point {
	lattice := mermaidLattice(k)
	for _, p := range lattice {
		if mermaidClear(mermaidPointBox(p, label)) {
			return p
		}
	}
	return lattice[0]
}

// mermaidClear says whether b keeps clear of the quadrants' names and inside the plot.
func mermaidClear(b box) bool {
	if b.X < 0 || b.Y < 0 || b.X+b.W > mermaidPlotW || b.Y+b.H > mermaidPlotH+6 {
		return false
	}
	for _, z := range mermaidLabelZones() {
		if b.overlaps(z) {
			return false
		}
	}
	return true
}

// mermaidLattice is every position for a point of cell k that keeps clear of the
// quadrants' names and the plot's edges, the best first.
func mermaidLattice(k int) []point {
	influence, impact := 2-k/3, k%3
	// Across, a medium band is five points wide; up and down, three high, the line and
	// one row either side, the one below the line clear of the names of the lower
	// quadrants, which Mermaid writes just under it.
	sx, sy := mermaidStepX, mermaidStepY
	xs, cx := mermaidBand(impact, mermaidPlotW, sx, []float64{0, -sx, sx, -2 * sx, 2 * sx}, 3.5*sx, 0)
	ys, cy := mermaidBand(2-influence, mermaidPlotH, sy, []float64{0, -sy, sy}, 3*sy, mermaidNameH-sy+6)
	var free []point
	for _, x := range xs {
		for _, y := range ys {
			p := point{x, y}
			if mermaidClear(mermaidPointBox(p, "")) && p.y+18 <= mermaidPlotH {
				free = append(free, p)
			}
		}
	}
	// A medium rating's points keep to its line, then take the rows (or columns) either
	// side of it in turn, so that they straddle the line rather than lean to one side.
	cost := func(p point) float64 {
		dx, dy := math.Abs(p.x-cx), math.Abs(p.y-cy)
		if impact == 1 {
			dx = 4 * sx * math.Round(dx/sx)
		}
		if influence == 1 {
			dy = 4 * sy * math.Round(dy/sy)
		}
		return dx + dy
	}
	slices.SortStableFunc(free, func(a, b point) int { return cmp.Compare(cost(a), cost(b)) })
	if len(free) == 0 {
		free = append(free, point{cx, cy})
	}
	return free
}

// coord writes a position the way Mermaid's quadrant lexer accepts one: 0.dd, never 1.
func coord(v float64) string {
	v = math.Min(math.Max(v, 0.01), 0.99)
	return fmt.Sprintf("%.3f", v)
}
