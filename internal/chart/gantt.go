package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/timeline"
	"github.com/planascode/plan/internal/wording"
)

// The timeline as a Gantt chart: one row per phase, then one per milestone. A phase
// below its recommended minimum is hatched and says "too short" in its label, so the
// warning does not rest on colour; an open-ended phase runs to the chart's end with an
// arrow; today is a vertical line labelled under the chart, where it cannot collide with
// the month names above.

const (
	ganttWidth = 760.0
	// The label column is as wide as the longest label, within these bounds, so that the
	// bars have the rest of the width.
	ganttMinLabelW = 140.0
	ganttMaxLabelW = 220.0
	// A label longer than the column wraps onto this many lines at most.
	ganttLabelLines = 2
	ganttLineH      = 14.0
	ganttLeft       = 8.0
	ganttRight      = 12.0
	ganttHeadH      = 28.0
	ganttRowH       = 24.0
	ganttFootH      = 30.0
	ganttFont       = 12.0
	// minTickSpacing keeps the month names apart.
	minTickSpacing = 64.0
)

// ganttRow is one row's label, worked out for the chart and its tests.
type ganttRow struct {
	lines []string
	full  string
}

// height is the row's: a one-line label's, or more for a label of two lines.
func (r ganttRow) height() float64 {
	return max(ganttRowH, float64(len(r.lines))*ganttLineH+10)
}

// Gantt draws the schedule of plan timeline.
func Gantt(s *timeline.Schedule) Chart {
	id := "chart-gantt"
	title := "Timeline"
	desc := ganttDescription(s)
	from, to := s.Extent()
	if !from.IsZero() {
		// The axis starts on the first of the month the plan starts in, so that its first
		// label names that month rather than the next.
		t := from.Time()
		from = plan.DateOf(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
	}
	labelW := ganttLabelWidth(s)
	// Every row's label first: a long one takes two lines, and its row grows to hold them.
	var rows []ganttRow
	for _, p := range s.Phases {
		rows = append(rows, phaseRow(p, labelW))
	}
	for _, m := range s.Milestones {
		rows = append(rows, ganttRow{lines: labelLines(m.Name, "", labelW-8), full: m.Name})
	}
	tops := make([]float64, len(rows)+1)
	tops[0] = ganttHeadH
	for i, r := range rows {
		tops[i+1] = tops[i] + r.height()
	}
	height := tops[len(rows)] + ganttFootH
	plotX0 := ganttLeft + labelW
	plotX1 := ganttWidth - ganttRight
	var w svgWriter
	w.start(id, ganttWidth, height, title, desc)
	w.open("defs")
	w.open("pattern", "id", id+"-hatch", "width", "6", "height", "6", "patternUnits", "userSpaceOnUse", "patternTransform", "rotate(45)")
	w.empty("rect", "class", "hatch-bg", "width", "6", "height", "6", "fill", "#f6d5d5")
	w.empty("line", "class", "hatch-line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", "#8a1c1c", "stroke-width", "3")
	w.close("pattern")
	w.close("defs")
	w.nl()
	days := 1
	if from.IsZero() {
		// Nothing is dated: the labels still list the phases.
		to = plan.Date{}
	} else {
		days = from.DaysUntil(to) + 1
	}
	dayW := (plotX1 - plotX0) / float64(days)
	x := func(d plan.Date) float64 { return plotX0 + float64(from.DaysUntil(d))*dayW }
	plotTop, plotBottom := ganttHeadH, tops[len(rows)]

	// Stripes and ticks first, so that bars are drawn over them.
	for r := range rows {
		if r%2 == 0 {
			w.empty("rect", "class", "stripe", "x", num(ganttLeft), "y", num(tops[r]), "width", num(ganttWidth-ganttLeft-ganttRight), "height", num(rows[r].height()), "fill", "#f3f5f7")
		}
	}
	w.nl()
	if !from.IsZero() {
		for _, t := range ticks(from, to, dayW) {
			tx := x(t.day)
			w.empty("line", "class", "tick", "x1", num(tx), "y1", num(plotTop-4), "x2", num(tx), "y2", num(plotBottom), "stroke", "#767676", "stroke-width", "0.5")
			if tx+3+textWidth(t.label, ganttFont) <= ganttWidth {
				w.element("text", t.label, "class", "axis-label", "x", num(tx+3), "y", "18", "fill", "#1b1f24")
			}
			w.nl()
		}
	}
	for i, p := range s.Phases {
		row := rows[i]
		// A bar keeps the height of a one-line row, in the middle of a taller one.
		top := tops[i] + (row.height()-ganttRowH)/2
		textRow(&w, row, tops[i])
		if p.Start.IsZero() {
			continue
		}
		end := p.End
		if p.Open() {
			end = to
		}
		bx, bw := x(p.Start), float64(p.Start.DaysUntil(end)+1)*dayW
		class, fill := "bar", "#1d4f91"
		switch p.Status {
		case timeline.StatusTooShort:
			class, fill = "bar too-short", "url(#"+id+"-hatch)"
		case timeline.StatusBelowIdeal:
			class, fill = "bar below-ideal", "#4f7cc0"
		case timeline.StatusOpen:
			class, fill = "bar open", "#4f7cc0"
		}
		attrs := []string{"class", class, "x", num(bx), "y", num(top + 5), "width", num(max(bw, 2)), "height", num(ganttRowH - 10), "fill", fill}
		if p.Status == timeline.StatusTooShort {
			attrs = append(attrs, "stroke", "#8a1c1c", "stroke-width", "1.5")
		}
		w.empty("rect", attrs...)
		if p.Open() {
			ax := bx + max(bw, 2)
			cy := top + ganttRowH/2
			w.empty("path", "class", "open-arrow", "d", fmt.Sprintf("M%s %sL%s %sL%s %sZ", num(ax), num(cy-7), num(ax+8), num(cy), num(ax), num(cy+7)), "fill", "#4f7cc0")
		}
		w.nl()
	}
	for i, m := range s.Milestones {
		row := rows[len(s.Phases)+i]
		textRow(&w, row, tops[len(s.Phases)+i])
		cx, cy := x(m.Date)+dayW/2, tops[len(s.Phases)+i]+row.height()/2
		w.empty("path", "class", "milestone", "d", fmt.Sprintf("M%s %sL%s %sL%s %sL%s %sZ", num(cx), num(cy-7), num(cx+7), num(cy), num(cx), num(cy+7), num(cx-7), num(cy)), "fill", "#6b2f8a")
		w.nl()
	}
	if today := s.Today; !today.IsZero() && !from.IsZero() && !today.Before(from) && !today.After(to) {
		tx := x(today) + dayW/2
		w.empty("line", "class", "today", "x1", num(tx), "y1", num(plotTop-6), "x2", num(tx), "y2", num(plotBottom+4), "stroke", "#b3261e", "stroke-width", "2")
		label := "Today, " + formatDate(today)
		lw := textWidth(label, ganttFont)
		lx := min(max(tx-lw/2, ganttLeft), ganttWidth-ganttRight-lw)
		w.element("text", label, "class", "today-label", "x", num(lx), "y", num(plotBottom+20), "font-weight", "bold", "fill", "#b3261e")
		w.nl()
	}
	return w.chart(title, desc)
}

// ganttLabelWidth is the width of the label column: the widest label, uncut, and room
// either side, within ganttMinLabelW and ganttMaxLabelW.
func ganttLabelWidth(s *timeline.Schedule) float64 {
	w := 0.0
	for _, p := range s.Phases {
		name, suffix := phaseLabel(p)
		w = max(w, textWidth(name+suffix, ganttFont))
	}
	for _, m := range s.Milestones {
		w = max(w, textWidth(m.Name, ganttFont))
	}
	return min(max(w+12, ganttMinLabelW), ganttMaxLabelW)
}

// phaseLabel is a phase's name and what its label adds about its length.
func phaseLabel(p timeline.Phase) (name, suffix string) {
	switch p.Status {
	case timeline.StatusTooShort:
		suffix = " — too short"
	case timeline.StatusOpen:
		suffix = " (open-ended)"
	case timeline.StatusUndated:
		suffix = " (no dates)"
	case timeline.StatusBelowIdeal:
		suffix = " — below ideal"
	}
	return p.Name, suffix
}

// phaseRow is a phase's label in a column labelW wide.
func phaseRow(p timeline.Phase, labelW float64) ganttRow {
	name, suffix := phaseLabel(p)
	return ganttRow{lines: labelLines(name, suffix, labelW-8), full: name + suffix}
}

// labelLines wraps a row's label onto at most ganttLabelLines lines no wider than width.
// A name too long even for those is cut with "…" (the whole of it is in the label's
// tooltip and the table under the chart), but never what follows it, which says when a
// phase is too short.
func labelLines(name, suffix string, width float64) []string {
	lines := wrapAll(name+suffix, ganttFont, width)
	if len(lines) <= ganttLabelLines {
		return lines
	}
	name = strings.Join(strings.Fields(name), " ")
	lines = wrapAll(name, ganttFont, width)[:ganttLabelLines-1]
	rest := name
	for _, line := range lines {
		_, rest, _ = strings.Cut(rest, line)
	}
	last := fitText(strings.TrimSpace(rest), ganttFont, width-textWidth(suffix, ganttFont))
	return append(lines, last+suffix)
}

func textRow(w *svgWriter, r ganttRow, top float64) {
	w.open("text", "class", "row-label", "fill", "#1b1f24")
	if strings.Join(r.lines, " ") != r.full {
		w.element("title", r.full)
	}
	first := top + r.height()/2 + 4 - float64(len(r.lines)-1)*ganttLineH/2
	for i, line := range r.lines {
		w.element("tspan", line, "x", num(ganttLeft+4), "y", num(first+float64(i)*ganttLineH))
	}
	w.close("text")
}

type tick struct {
	day   plan.Date
	label string
}

// ticks marks from, labelled with its month and year, and then the first of each month
// (or of every second, third, sixth month, every year or every few years when months
// are too narrow for their names) up to to, leaving out a tick whose label would run
// into the one before. Ticks a year or more apart are labelled with the year alone.
func ticks(from, to plan.Date, dayW float64) []tick {
	step := timeline.AxisSteps[len(timeline.AxisSteps)-1]
	for _, s := range timeline.AxisSteps {
		if float64(s)*30.4*dayW >= minTickSpacing {
			step = s
			break
		}
	}
	label := func(d time.Time, first bool) string {
		switch {
		case step >= 12:
			return strconv.Itoa(d.Year())
		case first || d.Month() == time.January:
			return d.Format("Jan 2006")
		}
		return d.Format("Jan")
	}
	start := from.Time()
	out := []tick{{day: from, label: label(start, true)}}
	next := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	// Align stepped ticks to the calendar: quarters start in Jan, Apr, Jul and Oct, and
	// five-year ticks fall on years that end in 0 or 5.
	for (next.Year()*12+int(next.Month())-1)%step != 0 {
		next = next.AddDate(0, 1, 0)
	}
	prevEnd := textWidth(out[0].label, ganttFont) + tickGap
	for d := next; !d.After(to.Time()); d = d.AddDate(0, step, 0) {
		x := float64(from.DaysUntil(plan.DateOf(d))) * dayW
		if x < prevEnd {
			continue
		}
		t := tick{day: plan.DateOf(d), label: label(d, false)}
		out = append(out, t)
		prevEnd = x + textWidth(t.label, ganttFont) + tickGap
	}
	return out
}

// tickGap is the least room between one axis label and the next.
const tickGap = 8.0

func ganttDescription(s *timeline.Schedule) string {
	from, to := s.Span()
	var b strings.Builder
	fmt.Fprintf(&b, "Gantt chart of %s", wording.Plural(len(s.Phases), "phase"))
	if !from.IsZero() {
		if to.IsZero() {
			fmt.Fprintf(&b, " from %s, the last of them open-ended", formatDate(from))
		} else {
			fmt.Fprintf(&b, " from %s to %s", formatDate(from), formatDate(to))
		}
	}
	if len(s.Milestones) > 0 {
		fmt.Fprintf(&b, ", with %s", wording.Plural(len(s.Milestones), "milestone"))
	}
	b.WriteString(".")
	var short []string
	for _, p := range s.Phases {
		if p.Status == timeline.StatusTooShort {
			short = append(short, fmt.Sprintf("%s (%s of a %s minimum)", p.Name, duration(p.Days), duration(p.Minimum)))
		}
	}
	if len(short) > 0 {
		fmt.Fprintf(&b, " Too short: %s.", strings.Join(short, "; "))
	}
	if !s.Today.IsZero() {
		fmt.Fprintf(&b, " Today is %s.", formatDate(s.Today))
	}
	return b.String()
}

// formatDate and duration write a day and a length as the rest of the report does ("9
// Mar 2027", "4 weeks"); they are repeated here so that the charts need no report.
func formatDate(d plan.Date) string { return d.Time().Format("2 Jan 2006") }

func duration(days int) string {
	if days <= 0 {
		return ""
	}
	return wording.DaysInWords(days)
}
