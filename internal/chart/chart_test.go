package chart

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/timeline"
)

// crowdedGrid puts many stakeholders with long and unusual names in one cell, a few in
// others, and leaves one cell empty.
func crowdedGrid() [9][]string {
	names := func(prefix string, n int) []string {
		var out []string
		for i := 0; i < n; i++ {
			switch i % 5 {
			case 0:
				out = append(out, fmt.Sprintf("%s %d", prefix, i))
			case 1:
				out = append(out, fmt.Sprintf("%s %d: Department of Transport, Planning and Infrastructure (regional office, north-west)", prefix, i))
			case 2:
				out = append(out, fmt.Sprintf("%s %d — 東京都市計画審議会と地域住民の代表", prefix, i))
			case 3:
				out = append(out, fmt.Sprintf("%sWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW%d", prefix, i))
			default:
				out = append(out, fmt.Sprintf("Ärztinnen und Ärzte %s %d", prefix, i))
			}
		}
		return out
	}
	counts := [9]int{40, 1, 3, 9, 12, 0, 2, 1, 7}
	var g [9][]string
	for k := range g {
		g[k] = names(fmt.Sprintf("Group %d", k), counts[k])
	}
	return g
}

// spreadGrid is how a plan of n stakeholders rated in turn low, medium and high for
// influence, and for impact every third one, fills the grid.
func spreadGrid(n int) [9][]string {
	var g [9][]string
	for i := 0; i < n; i++ {
		k := (2-i%3)*3 + (i/3)%3
		g[k] = append(g[k], fmt.Sprintf("Stakeholder group number %d of the region", i))
	}
	return g
}

// schedule is plan timeline's schedule of the plan at path, with the default minimums.
func schedule(t *testing.T, path, today string) *timeline.Schedule {
	t.Helper()
	p, err := plan.Load(path, path, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := timeline.Build(p, timeline.Options{Minimums: rules.DefaultSettings().Minimums, Ideals: rules.DefaultSettings().Ideals, Today: plan.MustDate(today)})
	return s
}

func TestGridLabelsDoNotOverlap(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    [9][]string
	}{{"crowded", crowdedGrid()}, {"200 stakeholders", spreadGrid(200)}, {"one", [9][]string{4: {"Residents"}}}} {
		g := tc.g
		l := layoutGrid(g)
		total := 0
		for _, names := range g {
			total += len(names)
		}
		if len(l.Chips) != total {
			t.Fatalf("%s: %d chips for %d stakeholders: every stakeholder must be placed", tc.name, len(l.Chips), total)
		}
		var boxes []box
		for _, title := range l.Titles {
			boxes = append(boxes, title.box)
		}
		for _, c := range l.Chips {
			boxes = append(boxes, c.box)
		}
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				if boxes[i].overlaps(boxes[j]) {
					t.Errorf("%s: label %q overlaps label %q", tc.name, boxes[i].Text, boxes[j].Text)
				}
			}
		}
		k := 0
		for cell, names := range g {
			r, col := cell/3, cell%3
			for _, name := range names {
				chip := l.Chips[k]
				k++
				if chip.Full != name || chip.Cell != cell {
					t.Fatalf("%s: chip %d is %q in cell %d, want %q in %d", tc.name, k, chip.Full, chip.Cell, name, cell)
				}
				if chip.X < l.ColX[col] || chip.X+chip.W > l.ColX[col+1]+0.01 || chip.Y < l.Titles[cell].Y+l.Titles[cell].H || chip.Y+chip.H > l.RowY[r+1]+0.01 {
					t.Errorf("%s: chip %q at %+v lies outside its cell, under its title", tc.name, name, chip.box)
				}
				for _, line := range chip.Lines {
					if w := textWidth(line, chipFont) + 2*chipTextPad; w > chip.W+0.01 {
						t.Errorf("%s: chip %q: line %q is %.1f wide in a %.1f box", tc.name, name, line, w, chip.W)
					}
				}
				// The whole name is there, never cut: two groups can always be told apart.
				if got := strings.Join(chip.Lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(name, " ", "") {
					t.Errorf("%s: chip shows %q for %q", tc.name, chip.Lines, name)
				}
			}
		}
	}
}

// TestGridMediumRatingsLieBetweenQuadrants: only the four corner cells wear a quadrant's
// tint; a group rated medium is in a cell of its own, untinted and named for where it
// lies, and no chip crosses into another cell.
func TestGridMediumRatingsLieBetweenQuadrants(t *testing.T) {
	var g [9][]string
	for k := range g {
		g[k] = []string{fmt.Sprintf("Group in cell %d", k)}
	}
	svg := string(Grid(g, 0).SVG)
	cellRect := regexp.MustCompile(`<rect class="cell ([^"]*)" data-cell="(\d)"`)
	found := 0
	for _, m := range cellRect.FindAllStringSubmatch(svg, -1) {
		k, _ := strconv.Atoi(m[2])
		found++
		if tinted := strings.Contains(m[1], "quadrant"); tinted != (k/3 != 1 && k%3 != 1) {
			t.Errorf("cell %d (%s) is drawn %q", k, cellName(k), m[1])
		}
	}
	if found != 9 {
		t.Errorf("%d cells drawn, want 9", found)
	}
	if strings.Contains(svg, "quadrant") && strings.Count(svg, `class="cell quadrant`) != 4 {
		t.Error("a quadrant's tint is drawn outside the four corners")
	}
	for _, want := range []string{"Between keep satisfied and", "Centre of the grid", "Manage closely"} {
		if !strings.Contains(svg, want) {
			t.Errorf("no cell is headed %q", want)
		}
	}
	if strings.Contains(svg, "stroke-dasharray") {
		t.Error("a dashed line runs through the medium cells")
	}
}

var chipRect = regexp.MustCompile(`<rect class="chip" x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"`)

// TestGridSVGLabelsDoNotOverlap checks the drawn SVG itself, not just the layout, on the
// crowded grid and on a generated 200-stakeholder plan.
func TestGridSVGLabelsDoNotOverlap(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    [9][]string
	}{{"crowded", crowdedGrid()}, {"200 stakeholders", spreadGrid(200)}} {
		svg := string(Grid(tc.g, 0).SVG)
		var rects []box
		for _, m := range chipRect.FindAllStringSubmatch(svg, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			rects = append(rects, box{X: f(1), Y: f(2), W: f(3), H: f(4)})
		}
		want := 0
		for _, names := range tc.g {
			want += len(names)
		}
		if len(rects) != want {
			t.Errorf("%s: %d chips drawn for %d stakeholders", tc.name, len(rects), want)
		}
		for i := range rects {
			for j := i + 1; j < len(rects); j++ {
				if rects[i].overlaps(rects[j]) {
					t.Errorf("%s: chip %d %+v overlaps chip %d %+v", tc.name, i, rects[i], j, rects[j])
				}
			}
		}
		if !strings.Contains(svg, "<title id=\"chart-grid-title\">") || !strings.Contains(svg, "<desc id=\"chart-grid-desc\">") {
			t.Errorf("%s: the grid lacks its title or description", tc.name)
		}
	}
}

func TestFitText(t *testing.T) {
	for _, s := range []string{"short", "A rather long stakeholder name that cannot fit", "東京都市計画審議会と地域住民の代表", strings.Repeat("W", 80)} {
		for _, width := range []float64{30, 80, 200} {
			got := fitText(s, 12, width)
			if textWidth(got, 12) > width && got != ellipsis {
				t.Errorf("fitText(%q, %v) = %q, %.1f wide", s, width, got, textWidth(got, 12))
			}
		}
	}
}

func TestWrapAllKeepsEveryCharacter(t *testing.T) {
	for _, s := range []string{"", "short", "A rather long stakeholder name that cannot fit on one line", "東京都市計画審議会と地域住民の代表", strings.Repeat("W", 80), "a " + strings.Repeat("x", 50) + " b"} {
		for _, width := range []float64{30, 80, 200} {
			lines := wrapAll(s, 12, width)
			if len(lines) == 0 {
				t.Fatalf("wrapAll(%q) gave no line", s)
			}
			for _, line := range lines {
				if textWidth(line, 12) > width && len([]rune(line)) > 1 {
					t.Errorf("wrapAll(%q, %v) has %q, %.1f wide", s, width, line, textWidth(line, 12))
				}
			}
			if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(s, " ", "") {
				t.Errorf("wrapAll(%q, %v) = %q loses text", s, width, lines)
			}
		}
	}
	if got := wrapAll("Residents and ratepayers of the city", 12, 150); len(got) != 2 || !strings.HasPrefix("Residents and ratepayers of the city", got[0]+" ") {
		t.Errorf("wrapAll breaks at a space first: %q", got)
	}
}

func TestGanttLabelsFit(t *testing.T) {
	s := schedule(t, "../../examples/council-consultation.plan.yaml", "2027-03-15")
	svg := string(Gantt(s).SVG)
	for _, want := range []string{`class="today"`, "Today, 15 Mar 2027", `<title id="chart-gantt-title">`, `<desc id="chart-gantt-desc">`} {
		if !strings.Contains(svg, want) {
			t.Errorf("the Gantt chart lacks %s", want)
		}
	}
	labelW := ganttLabelWidth(s)
	for _, ph := range s.Phases {
		row := phaseRow(ph, labelW)
		for _, line := range row.lines {
			if w := textWidth(line, ganttFont); w > labelW-8 {
				t.Errorf("phase label %q is %.1f wide, more than the %v column", line, w, labelW)
			}
		}
		if len(row.lines) > ganttLabelLines {
			t.Errorf("phase label %q takes %d lines", row.full, len(row.lines))
		}
	}
	// The month names along the top must not run into each other.
	var prevEnd float64
	for i, m := range axisLabel.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		if i > 0 && x < prevEnd {
			t.Errorf("tick %q starts at %.1f, before the previous one ends at %.1f", m[2], x, prevEnd)
		}
		prevEnd = x + textWidth(m[2], ganttFont)
	}
}

var (
	axisLabel = regexp.MustCompile(`<text class="axis-label" x="([0-9.]+)" y="18"[^>]*>([^<]*)</text>`)
	firstBar  = regexp.MustCompile(`<rect class="bar[^"]*" x="([0-9.]+)"`)
)

// TestGanttStartsWithTheFirstMonth: a plan that starts mid-month has that month as the
// first label of its axis, at or before the first bar, not the month after.
func TestGanttStartsWithTheFirstMonth(t *testing.T) {
	s := schedule(t, "../render/testdata/plans/crowd/crowd-6.plan.yaml", "2027-04-20")
	if from, _ := s.Extent(); from.String() != "2027-03-15" {
		t.Fatalf("the plan starts on %s; the test needs a start mid-month", from)
	}
	svg := string(Gantt(s).SVG)
	labels := axisLabel.FindAllStringSubmatch(svg, -1)
	bar := firstBar.FindStringSubmatch(svg)
	if len(labels) == 0 || bar == nil {
		t.Fatal("no axis label or no bar")
	}
	if labels[0][2] != "Mar 2027" {
		t.Errorf("the first label is %q, want Mar 2027", labels[0][2])
	}
	lx, _ := strconv.ParseFloat(labels[0][1], 64)
	bx, _ := strconv.ParseFloat(bar[1], 64)
	if lx > bx {
		t.Errorf("the first label starts at %.1f, after the first bar at %.1f", lx, bx)
	}
}

// TestGanttLabelColumnFitsItsLabels: short phase names leave the width to the bars.
func TestGanttLabelColumnFitsItsLabels(t *testing.T) {
	s := &timeline.Schedule{Phases: []timeline.Phase{
		{Name: "Planning", Start: plan.MustDate("2027-03-01"), End: plan.MustDate("2027-03-28"), Status: timeline.StatusOK},
		{Name: "Engagement", Start: plan.MustDate("2027-03-29"), End: plan.MustDate("2027-05-23"), Status: timeline.StatusOK},
	}}
	if w := ganttLabelWidth(s); w > 200 {
		t.Errorf("the label column is %.0f wide for labels of a few words", w)
	}
	bar := firstBar.FindStringSubmatch(string(Gantt(s).SVG))
	if bx, _ := strconv.ParseFloat(bar[1], 64); bx > ganttWidth/3 {
		t.Errorf("the bars start at %.0f of %.0f", bx, ganttWidth)
	}
}

// TestGanttLabelsWrap: a long phase name takes two lines rather than being cut, and a
// longer one keeps what it says about the phase's length when it is cut.
func TestGanttLabelsWrap(t *testing.T) {
	two := labelLines("Public engagement on the options for the ring road", "", ganttMaxLabelW-8)
	if len(two) != 2 || strings.Contains(strings.Join(two, ""), ellipsis) {
		t.Errorf("a long name is %q, want two whole lines", two)
	}
	long := labelLines("Public engagement on the options for the ring road, the bridge, the bus lanes and the parking", " — too short", 150)
	if len(long) != 2 || !strings.HasSuffix(long[1], ellipsis+" — too short") {
		t.Errorf("a name too long for two lines is %q, want it cut before \" — too short\"", long)
	}
	for _, line := range long {
		if textWidth(line, ganttFont) > 150 {
			t.Errorf("%q is wider than the column", line)
		}
	}
}

func TestGanttMarksTooShortPhasesWithoutColour(t *testing.T) {
	svg := string(Gantt(schedule(t, "../render/testdata/plans/gaps.plan.yaml", "2027-03-10")).SVG)
	if !strings.Contains(svg, `fill="url(#chart-gantt-hatch)"`) {
		t.Error("a too-short phase is not hatched")
	}
	if !strings.Contains(svg, "Planning — too short") {
		t.Error("a too-short phase's label does not say so")
	}
}

func TestTicksSpanYears(t *testing.T) {
	from, to := plan.MustDate("2027-01-15"), plan.MustDate("2030-06-30")
	dayW := 500.0 / float64(from.DaysUntil(to)+1)
	ts := ticks(from, to, dayW)
	if len(ts) == 0 || len(ts) > 16 {
		t.Fatalf("%d ticks over three and a half years", len(ts))
	}
	for _, tk := range ts {
		if tk.day.Before(from) || tk.day.After(to) {
			t.Errorf("tick %s outside the chart", tk.day)
		}
	}
}

// TestTicksNeverTouch: over any span, from a month to the whole calendar, the axis
// labels keep apart and stay few.
func TestTicksNeverTouch(t *testing.T) {
	const width = 500.0
	for _, span := range [][2]string{
		{"2027-03-01", "2027-04-15"},
		{"2027-01-01", "2037-01-01"},
		{"2000-06-01", "2050-06-01"},
		{"0001-01-01", "9999-12-31"},
	} {
		from, to := plan.MustDate(span[0]), plan.MustDate(span[1])
		dayW := width / float64(from.DaysUntil(to)+1)
		ts := ticks(from, to, dayW)
		if len(ts) == 0 || len(ts) > 20 {
			t.Errorf("%s to %s: %d ticks", span[0], span[1], len(ts))
		}
		prevEnd := math.Inf(-1)
		for _, tk := range ts {
			x := float64(from.DaysUntil(tk.day)) * dayW
			if x < prevEnd {
				t.Errorf("%s to %s: tick %q at %.1f runs into the one before, which ends at %.1f", span[0], span[1], tk.label, x, prevEnd)
			}
			prevEnd = x + textWidth(tk.label, ganttFont) + 4
		}
	}
}

var matrixRowLabel = regexp.MustCompile(`(?s)<text class="row-label"[^>]*>(.*?)</text>`)
var tspanText = regexp.MustCompile(`<tspan[^>]*>([^<]*)</tspan>`)

// TestMatrixNamesAreWhole: two groups whose names differ only at the end still read
// differently, however long the names.
func TestMatrixNamesAreWhole(t *testing.T) {
	long := "Residents of the north ward near the river crossing, the depot and the old rail yard"
	rows := []MatrixRow{{Name: long + " (group 2)", Current: 1, Desired: 3}, {Name: long + " (group 3)", Current: 2, Desired: 2}, {Name: "Council", Current: 0, Desired: 4}}
	svg := string(Matrix([]string{"Unaware", "Resistant", "Neutral", "Supportive", "Leading"}, rows).SVG)
	labels := matrixRowLabel.FindAllStringSubmatch(svg, -1)
	if len(labels) != len(rows) {
		t.Fatalf("%d row labels for %d rows", len(labels), len(rows))
	}
	for i, m := range labels {
		var lines []string
		for _, ts := range tspanText.FindAllStringSubmatch(m[1], -1) {
			lines = append(lines, ts[1])
			if w := textWidth(ts[1], 12); w > matrixNameW-8 {
				t.Errorf("%q is %.0f wide in a column of %.0f", ts[1], w, matrixNameW)
			}
		}
		if got := strings.Join(lines, " "); got != rows[i].Name {
			t.Errorf("row %d reads %q, want %q", i, got, rows[i].Name)
		}
	}
}

// TestMermaidPointsKeepApart: however full the cells, no label's box overlaps another's,
// a quadrant's name or the plot's edge, and the labels number the groups 1 to n, each
// once: as points while a cell's lattice has room (at least mermaidCellCapacity), else as
// the one range of the cell. A medium rating's first point lies on the line between the
// quadrants.
func TestMermaidPointsKeepApart(t *testing.T) {
	var full, overfull [9]int
	for k := range full {
		full[k] = len(mermaidLattice(k))
		overfull[k] = full[k] + 1
		if full[k] < mermaidCellCapacity {
			t.Errorf("cell %d has room for %d points, fewer than %d", k, full[k], mermaidCellCapacity)
		}
		influence, impact := 2-k/3, k%3
		first, _ := mermaidPoints(k, 1, "1")
		if impact == 1 && first[0].x != mermaidPlotW/2 || influence == 1 && first[0].y != mermaidPlotH/2 {
			t.Errorf("cell %d (%s): its first point (%.0f, %.0f) is not on the line between quadrants", k, cellName(k), first[0].x, first[0].y)
		}
	}
	grids := map[string][9]int{"every cell full": full, "every cell one too many": overfull, "crowded": {3, 15, 10, 2, 5, 13, 10, 5, 4}}
	for k := range 9 {
		for _, n := range []int{20, 30, 60, 1500} {
			var g [9]int
			g[k] = n
			grids[fmt.Sprintf("%d in cell %d", n, k)] = g
		}
		mixed := full
		mixed[k] = 1000
		grids[fmt.Sprintf("cells full, 1000 in cell %d", k)] = mixed
	}
	for name, counts := range grids {
		var boxes []box
		var numbers []string
		total := 0
		for _, n := range counts {
			total += n
		}
		for _, p := range mermaidLayout(counts) {
			b := mermaidPointBox(p.point, p.label)
			b.Text = fmt.Sprintf("%q at (%.0f, %.0f)", p.label, p.x, p.y)
			if !mermaidClear(b) {
				t.Errorf("%s: %s reaches outside the plot or covers a quadrant's name", name, b.Text)
			}
			for _, c := range boxes {
				if b.overlaps(c) {
					t.Errorf("%s: %s overlaps %s", name, b.Text, c.Text)
				}
			}
			boxes = append(boxes, b)
			from, to, isRange := strings.Cut(p.label, "–")
			if !isRange {
				to = from
			}
			a, _ := strconv.Atoi(from)
			z, _ := strconv.Atoi(to)
			for i := a; i <= z; i++ {
				numbers = append(numbers, fmt.Sprint(i))
			}
		}
		var want []string
		for i := 1; i <= total; i++ {
			want = append(want, fmt.Sprint(i))
		}
		if !slices.Equal(numbers, want) {
			t.Errorf("%s: the labels number %d groups %v, want 1 to %d in order", name, len(numbers), numbers, total)
		}
	}
}

// FuzzGridLayout puts names the fuzzer makes into the grid, several to a cell: every
// name must be placed whole, inside its cell, on lines that fit its chip (a line of one
// character excepted, which cannot be broken), and no two chips may overlap.
func FuzzGridLayout(f *testing.F) {
	for _, names := range crowdedGrid() {
		for _, n := range names {
			f.Add(n, uint8(5), uint8(7))
		}
	}
	f.Add("東京都市計画審議会と地域住民の代表", uint8(4), uint8(30))
	f.Add(strings.Repeat("W", 200), uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, name string, cell, count uint8) {
		// The loader refuses a plan that is not UTF-8.
		name = strings.ToValidUTF8(name, "\uFFFD")
		var g [9][]string
		for i := 0; i < int(count%40); i++ {
			k := (int(cell) + i*i) % 9
			g[k] = append(g[k], fmt.Sprintf("%s %d", name, i))
		}
		l := layoutGrid(g)
		for i, c := range l.Chips {
			r, col := c.Cell/3, c.Cell%3
			if c.X < l.ColX[col]-0.01 || c.X+c.W > l.ColX[col+1]+0.01 || c.Y < l.RowY[r] || c.Y+c.H > l.RowY[r+1]+0.01 {
				t.Fatalf("chip %q at %+v lies outside its cell", c.Full, c.box)
			}
			if strings.ReplaceAll(strings.Join(c.Lines, ""), " ", "") != strings.ReplaceAll(strings.Join(strings.Fields(c.Full), ""), " ", "") {
				t.Fatalf("chip %q shows %q", c.Full, c.Lines)
			}
			for _, line := range c.Lines {
				if textWidth(line, chipFont)+2*chipTextPad > c.W+0.01 && len([]rune(line)) > 1 {
					t.Fatalf("chip %q: line %q is wider than its chip", c.Full, line)
				}
			}
			for _, d := range l.Chips[i+1:] {
				if c.overlaps(d.box) {
					t.Fatalf("chip %q overlaps chip %q", c.Full, d.Full)
				}
			}
		}
	})
}
