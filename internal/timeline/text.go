package timeline

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/lipgloss"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// MinWidth is the narrowest chart drawn. A narrower terminal still gets this width: bars
// a handful of columns wide would say nothing, and the words would not fit either.
const MinWidth = 40

// TextOptions are how the terminal chart is drawn.
type TextOptions struct {
	// Width is the width every line fits in; below MinWidth, MinWidth is used.
	Width int
	// Renderer is bound to the output and knows whether to colour; nil draws plain text.
	Renderer *lipgloss.Renderer
}

// Glyphs of the chart. They are all one column wide in every terminal that draws box
// characters, which the width check in the tests relies on.
const (
	glyphBar       = '█'
	glyphOpenEnd   = '▶'
	glyphToday     = '┊'
	glyphTodayMark = "▼"
	glyphMilestone = '◆'
	arrow          = " → "
	separator      = " · "
	ellipsis       = "…"
)

// WriteText draws the schedule as a Gantt chart: a header, a month axis, one bar per
// phase with a line of facts under it, a row of milestones with the list of them, and the
// verdict. Every line fits in the width, counted as lipgloss does.
func WriteText(w io.Writer, s *Schedule, o TextOptions) error {
	_, err := io.WriteString(w, strings.Join(newChart(s, o).lines(), "\n")+"\n")
	return err
}

type chart struct {
	s      *Schedule
	st     styles
	width  int
	labelW int
	barW   int
	// from is the first day drawn and days how many; days is 0 when nothing is dated.
	from plan.Date
	days int
}

func newChart(s *Schedule, o TextOptions) *chart {
	c := &chart{s: s, st: newStyles(o.Renderer), width: max(o.Width, MinWidth)}
	longest := lipgloss.Width(milestonesLabel)
	for _, p := range s.Phases {
		if !p.Undated() {
			longest = max(longest, lipgloss.Width(clean(p.Name)))
		}
	}
	c.labelW = min(longest, c.width/3)
	c.barW = c.width - c.labelW - 1

	from, to := s.Extent()
	if !from.IsZero() {
		c.from, c.days = from, from.DaysUntil(to)+1
	}
	return c
}

const milestonesLabel = "Milestones"

// col is the bar column where day d begins; days spread evenly over the columns.
func (c *chart) col(d plan.Date) int {
	return c.from.DaysUntil(d) * c.barW / c.days
}

// bar is the first and last column of a dated phase's bar.
func (c *chart) bar(p Phase) (from, to int) {
	from, to = c.col(p.Start), c.barW-1
	if !p.Open() {
		// The bar ends where the day after the phase would begin, so that phases that
		// follow on from each other meet without overlapping or leaving a hole.
		to = c.col(p.End.AddDays(1)) - 1
	}
	return from, max(to, from)
}

// todayCol is the column of the today line, or -1 when today is off the chart. A column
// may hold the last days of one phase and the first of the next, and is drawn in the
// next one's bar; today is then moved into the bar of the phase the header says it is
// in, so that line and words agree.
func (c *chart) todayCol() int {
	today := c.s.Today
	if !c.inRange(today) {
		return -1
	}
	at := c.col(today)
	if on := c.s.PhasesOn(today); len(on) > 0 {
		from, to := c.bar(on[0])
		at = min(max(at, from), to)
	}
	return at
}

// inRange reports whether day d is drawn.
func (c *chart) inRange(d plan.Date) bool {
	return c.days > 0 && !d.Before(c.from) && c.from.DaysUntil(d) < c.days
}

func (c *chart) lines() []string {
	var out []string
	for _, l := range wrap(clean(c.s.Title), c.width) {
		out = append(out, c.st.render(classTitle, l))
	}
	out = append(out, c.pack("", c.headerFacts())...)
	out = append(out, "")
	if c.days > 0 {
		if l := c.todayLine(); l != "" {
			out = append(out, l)
		}
		out = append(out, c.axis())
	}
	for _, p := range c.s.Phases {
		// A phase with no dates has no row: an empty row reads as a phase that is on the
		// chart but off its edge. It is listed beneath with the reason instead.
		if p.Undated() {
			continue
		}
		out = append(out, c.phaseRow(p))
		out = append(out, c.pack("  ", c.phaseFacts(p))...)
	}
	if len(c.s.Milestones) > 0 {
		out = append(out, c.milestoneRow(), "", c.st.render(classTitle, milestonesLabel))
		for _, m := range c.s.Milestones {
			// "  ◆ 2027-03-09  " is 16 columns; the name gets what is left.
			name := truncate(clean(m.Name), c.width-16)
			out = append(out, "  "+c.st.render(classMilestone, string(glyphMilestone))+" "+m.Date.String()+"  "+name)
		}
	}
	if undated := c.s.Undated(); len(undated) > 0 {
		out = append(out, "", c.st.render(classTitle, undatedLabel))
		for _, p := range undated {
			out = append(out, c.undatedFacts(p)...)
		}
	}
	out = append(out, "")
	return append(out, c.verdict()...)
}

// undatedLabel heads the list of phases the chart cannot draw.
const undatedLabel = "Not shown: dates cannot be worked out"

// segment is a fact to show and how to draw it.
type segment struct {
	text string
	cls  class
}

func (c *chart) headerFacts() []segment {
	start, end := c.s.Span()
	var segs []segment
	switch {
	case start.IsZero():
		segs = append(segs, segment{"no dated phases", classTooShort})
	case end.IsZero():
		segs = append(segs, segment{start.String() + arrow + "open-ended", plain})
	default:
		segs = append(segs, segment{start.String() + arrow + end.String(), plain},
			segment{wording.WeeksAndDays(start.DaysUntil(end) + 1), plain})
	}
	if today := c.s.Today; !today.IsZero() {
		segs = append(segs, segment{"today " + today.String() + c.where(today, start, end), classToday})
	}
	return segs
}

// where says where today falls, so the marker has words too.
func (c *chart) where(today, start, end plan.Date) string {
	switch {
	case start.IsZero():
		return ""
	case today.Before(start):
		return ", " + wording.WeeksAndDays(today.DaysUntil(start)) + " before the start"
	case !end.IsZero() && today.After(end):
		return ", " + wording.WeeksAndDays(end.DaysUntil(today)) + " after the end"
	}
	on := c.s.PhasesOn(today)
	if len(on) == 0 {
		return ", between phases"
	}
	names := make([]string, len(on))
	for i, p := range on {
		names[i] = clean(p.Name)
	}
	return ", in " + strings.Join(names, " and ")
}

// todayLine puts "today ▼" over today's column, or "" when today is off the chart.
func (c *chart) todayLine() string {
	col := c.todayCol()
	if col < 0 {
		return ""
	}
	at := c.labelW + 1 + col
	label := "today " + glyphTodayMark
	start := at - (lipgloss.Width(label) - 1)
	if start < c.labelW+1 {
		label, start = glyphTodayMark+" today", at
		if start+lipgloss.Width(label) > c.width {
			label = glyphTodayMark
		}
	}
	return strings.Repeat(" ", start) + c.st.render(classToday, label)
}

// AxisSteps are the months between a chart's axis labels, narrowest first: months, two
// months, quarters, half years, years, and then 2, 5, 10, 20, 50, … years, so that a
// timeline of years or millennia keeps its labels apart and says which year each is in.
// The text chart and the report's Gantt chart (internal/chart) step alike.
var AxisSteps = []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000}

// axisGap is the fewest columns from one label's start to the next: a four-digit year and
// a space.
const axisGap = 5

// axis labels the first day of each month with its name, or its year for a January when
// the chart crosses into a new year. When months are too narrow for their names, it labels
// every second, third or sixth month, or every year or few years with the year alone:
// leaving out whichever month would touch its neighbour (as it once did) left a long
// chart with months and no year. Labels that would still touch are left out. A chart
// with no label left (no month begins on it, or its one label does not fit) has its
// first column labelled with its month and year, so that every chart says when it is.
func (c *chart) axis() string {
	cells := []rune(strings.Repeat(" ", c.barW))
	last := c.from.AddDays(c.days - 1)
	firstYear := c.from.Time().Year()
	step := AxisSteps[len(AxisSteps)-1]
	for _, s := range AxisSteps {
		// The shortest such stretch: February alone, or whole years of 365 days.
		shortest := 28 * s
		if s >= 12 {
			shortest = 365 * s / 12
		}
		if shortest*c.barW >= axisGap*c.days {
			step = s
			break
		}
	}
	first := firstOfMonth(c.from)
	if first.Before(c.from) {
		first = firstOfMonth(first.AddDays(32))
	}
	// Aligned to the calendar: quarters start in January, April, July and October, and
	// five-year labels fall on years that end in 0 or 5.
	for monthIndex(first)%step != 0 && !first.After(last) {
		first = firstOfMonth(first.AddDays(32))
	}
	free := 0
	for d := first; !d.After(last); {
		t := d.Time()
		label := t.Month().String()[:3]
		switch {
		case step >= 12 || t.Month() == 1 && t.Year() != firstYear:
			label = t.Format("2006")
		case free == 0 && (step > 1 || c.days > 366):
			// A chart of more than a year says which year its first label is in.
			label += t.Format(" 2006")
		}
		at := c.col(d)
		if at >= free && at+len(label) <= c.barW {
			copy(cells[at:], []rune(label))
			free = at + len(label) + 1
		}
		next := monthIndex(d) + step
		if next/12 > plan.LastDate.Time().Year() {
			break
		}
		d = plan.DateOf(time.Date(next/12, time.Month(next%12+1), 1, 0, 0, 0, 0, time.UTC))
	}
	if free == 0 {
		// No month begins on the chart, or its one label did not fit: the first column
		// says when the chart is.
		copy(cells, []rune(c.from.Time().Format("Jan 2006")))
	}
	return strings.Repeat(" ", c.labelW+1) + c.st.render(classFaint, strings.TrimRight(string(cells), " "))
}

// monthIndex counts months from January of year 0, so that steps align to the calendar.
func monthIndex(d plan.Date) int {
	t := d.Time()
	return t.Year()*12 + int(t.Month()) - 1
}

func firstOfMonth(d plan.Date) plan.Date {
	return d.AddDays(1 - d.Time().Day())
}

// cell is one column of a bar row.
type cell struct {
	r   rune
	cls class
}

func (c *chart) emptyCells() []cell {
	return slices.Repeat([]cell{{' ', plain}}, c.barW)
}

// markToday draws the today line through the gaps of a row; a bar keeps its colour over
// it so that a phase's status stays readable.
func (c *chart) markToday(cells []cell) {
	if at := c.todayCol(); at >= 0 && cells[at].r == ' ' {
		cells[at] = cell{glyphToday, classToday}
	}
}

func (c *chart) phaseRow(p Phase) string {
	cells := c.emptyCells()
	if c.days > 0 && !p.Start.IsZero() {
		cls := statusClass(p.Status)
		from, to := c.bar(p)
		for i := from; i <= to; i++ {
			cells[i] = cell{glyphBar, cls}
		}
		if p.Open() {
			cells[to] = cell{glyphOpenEnd, cls}
		}
	}
	return c.renderRow(clean(p.Name), cells)
}

func (c *chart) milestoneRow() string {
	cells := c.emptyCells()
	for _, m := range c.s.Milestones {
		if c.inRange(m.Date) {
			cells[c.col(m.Date)] = cell{glyphMilestone, classMilestone}
		}
	}
	return c.renderRow(milestonesLabel, cells)
}

// renderRow writes the label fitted to its column, then the cells with the today line
// through them, styling runs of cells of one class together and dropping trailing blanks.
func (c *chart) renderRow(label string, cells []cell) string {
	c.markToday(cells)
	end := len(cells)
	for end > 0 && cells[end-1].r == ' ' {
		end--
	}
	label = truncate(label, c.labelW)
	var b strings.Builder
	b.WriteString(label)
	b.WriteString(strings.Repeat(" ", c.labelW-lipgloss.Width(label)+1))
	for i := 0; i < end; {
		j := i
		var run strings.Builder
		for j < end && cells[j].cls == cells[i].cls {
			run.WriteRune(cells[j].r)
			j++
		}
		b.WriteString(c.st.render(cells[i].cls, run.String()))
		i = j
	}
	return strings.TrimRight(b.String(), " ")
}

// phaseFacts are the words under a bar: kind, dates, length, and the minimum and ideal
// for the kind, with a too-short or below-ideal phase flagged so that it reads without
// colour.
func (c *chart) phaseFacts(p Phase) []segment {
	segs := []segment{{clean(p.Kind), classFaint}}
	switch {
	case p.Open():
		segs = append(segs, segment{p.Start.String() + arrow + "open-ended", plain})
	default:
		segs = append(segs, segment{p.Start.String() + arrow + p.End.String(), plain},
			segment{wording.WeeksAndDays(p.Days), plain})
	}
	switch p.Status {
	case StatusTooShort:
		segs = append(segs, segment{fmt.Sprintf("TOO SHORT: %s < %s minimum", wording.WeeksAndDays(p.Days), wording.WeeksAndDays(p.Minimum)), classTooShort})
	case StatusBelowIdeal:
		segs = append(segs, segment{fmt.Sprintf("below ideal: %s < %s ideal", wording.WeeksAndDays(p.Days), wording.WeeksAndDays(p.Ideal)), classBelowIdeal})
	}
	// A flag already states the limit it falls short of.
	var limits []string
	if p.Minimum > 0 && p.Status != StatusTooShort {
		limits = append(limits, "min "+wording.WeeksAndDays(p.Minimum))
	}
	if p.Ideal > 0 && p.Status != StatusBelowIdeal {
		limits = append(limits, "ideal "+wording.WeeksAndDays(p.Ideal))
	}
	if len(limits) > 0 {
		segs = append(segs, segment{strings.Join(limits, ", "), plain})
	}
	return segs
}

// undatedFacts list a phase the chart cannot draw: its name, kind and line, since there is
// no bar to label, then why, wrapped rather than cut, since the reason is the point.
func (c *chart) undatedFacts(p Phase) []string {
	segs := []segment{{clean(p.Name), plain}, {clean(p.Kind), classFaint}}
	if p.Line > 0 {
		segs = append(segs, segment{fmt.Sprintf("line %d", p.Line), classFaint})
	}
	out := c.pack("  ", segs)
	const indent = "    "
	for _, l := range wrap(clean(p.Reason), c.width-len(indent)) {
		out = append(out, indent+c.st.render(classTooShort, l))
	}
	return out
}

// pack lays segments out on as few lines as the width allows, joined by " · ", wrapping
// between segments rather than cutting one, so a flag at the end is never lost; only a
// segment wider than a whole line is shortened.
func (c *chart) pack(indent string, segs []segment) []string {
	var out []string
	var b strings.Builder
	used := -1 // columns used on the current line, or -1 before its first segment
	sepW := lipgloss.Width(separator)
	for _, seg := range segs {
		text := truncate(seg.text, c.width-len(indent))
		w := lipgloss.Width(text)
		if used >= 0 && used+sepW+w > c.width {
			out = append(out, b.String())
			b.Reset()
			used = -1
		}
		if used < 0 {
			b.WriteString(indent)
			used = len(indent)
		} else {
			b.WriteString(c.st.render(classFaint, separator))
			used += sepW
		}
		b.WriteString(c.st.render(seg.cls, text))
		used += w
	}
	if used >= 0 {
		out = append(out, b.String())
	}
	return out
}

// verdict is one line at any usual width; on a narrow one it wraps between words rather
// than lose the end of the sentence.
func (c *chart) verdict() []string {
	cls := classOK
	for _, p := range c.s.Phases {
		switch p.Status {
		case StatusTooShort, StatusUndated:
			cls = classTooShort
		case StatusBelowIdeal:
			if cls == classOK {
				cls = classBelowIdeal
			}
		}
	}
	lines := wrap(c.s.Verdict(), c.width)
	for i, l := range lines {
		lines[i] = c.st.render(cls, l)
	}
	return lines
}

// wrap breaks s between words into lines of at most w columns; a word longer than a line
// is shortened.
func wrap(s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		word = truncate(word, w)
		switch {
		case line == "":
			line = word
		case lipgloss.Width(line)+1+lipgloss.Width(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// truncate shortens s to at most w columns, ending it with "…" when it had to cut.
func truncate(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	if w < 1 {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		if lipgloss.Width(b.String()+string(r)) > w-1 {
			break
		}
		b.WriteRune(r)
	}
	return b.String() + ellipsis
}

// clean makes plan text safe to print: names are the plan author's, and a control
// character (an escape sequence in a quoted YAML string) must not reach the terminal, nor
// a line or paragraph separator, which breaks the line. Nor may a bidirectional control:
// U+202E would turn the rest of a row around, bars and dates included, so that the chart
// says something the plan does not. Those have no width of their own and are dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return ' '
		case unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}
