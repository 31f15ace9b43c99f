package status

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/planascode/plan/internal/wording"
)

// look is what a piece of the text means; styles turns it into a look, so that the
// text is laid out (and measured) plain first and colour only repeats what the words say.
type look int

const (
	lookPlain look = iota
	lookTitle
	lookHeading
	lookFaint
	lookBad
	lookWarn
	lookGood
)

type styles map[look]lipgloss.Style

// newStyles binds the styles to r, which already knows whether to colour (NO_COLOR,
// --color, a terminal or not); a nil r draws without colour. The 16 basic ANSI colours
// follow the user's terminal theme, as plan check's and plan timeline's do.
func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
	}
	return styles{
		lookPlain:   r.NewStyle(),
		lookTitle:   r.NewStyle().Bold(true),
		lookHeading: r.NewStyle().Bold(true).Foreground(lipgloss.Color("4")),
		lookFaint:   r.NewStyle().Faint(true),
		lookBad:     r.NewStyle().Bold(true).Foreground(lipgloss.Color("1")),
		lookWarn:    r.NewStyle().Foreground(lipgloss.Color("3")),
		lookGood:    r.NewStyle().Foreground(lipgloss.Color("2")),
	}
}

func (st styles) render(l look, s string) string {
	if l == lookPlain || s == "" {
		return s
	}
	return st[l].Render(s)
}

// TextOptions are how the text is drawn.
type TextOptions struct {
	// Width is the line width to fit; 0 for no limit. Only a row's last column, the
	// free text, is shortened to fit.
	Width int
	// Renderer styles the text; nil for none.
	Renderer *lipgloss.Renderer
}

// cell is one piece of a row, with its look.
type cell struct {
	text string
	look look
}

// textWriter writes the text status: sections of aligned rows.
type textWriter struct {
	b     strings.Builder
	st    styles
	width int
}

func (w *textWriter) line(cells ...cell) {
	for _, c := range cells {
		w.b.WriteString(w.st.render(c.look, c.text))
	}
	w.b.WriteString("\n")
}

func (w *textWriter) heading(title string, rest ...cell) {
	w.b.WriteString("\n")
	w.line(append([]cell{{title, lookHeading}}, rest...)...)
}

// table writes rows indented by two spaces, every column but the last padded to the
// widest cell in it, the last shortened to fit the width.
func (w *textWriter) table(rows [][]cell) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r[:len(r)-1] {
			widths[i] = max(widths[i], lipgloss.Width(c.text))
		}
	}
	for _, r := range rows {
		// Empty cells at the end of a row write nothing, not the padding before them: a
		// line never ends in spaces.
		last := len(r) - 1
		for last > 0 && r[last].text == "" {
			last--
		}
		w.b.WriteString("  ")
		used := 2
		for i, c := range r[:last+1] {
			text := c.text
			if i < len(r)-1 {
				w.b.WriteString(w.st.render(c.look, text))
				if i < last {
					w.b.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(text)+2))
				}
				used += widths[i] + 2
				continue
			}
			if w.width > 0 {
				text = shorten(text, w.width-used)
			}
			w.b.WriteString(w.st.render(c.look, text))
		}
		w.b.WriteString("\n")
	}
}

// shorten cuts s to at most n columns, ending in "…" when cut; at least a few columns
// are always kept, so a narrow terminal still shows the start of the text.
func shorten(s string, n int) string {
	n = max(n, 12)
	if lipgloss.Width(s) <= n {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if lipgloss.Width(b.String()+string(r)) > n-1 {
			break
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// wrap breaks s into lines of at most n columns at spaces; n <= 0 keeps one line.
func wrap(s string, n int) []string {
	if n <= 0 {
		return []string{s}
	}
	n = max(n, 20)
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case lipgloss.Width(line)+1+lipgloss.Width(word) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

// WriteText writes the status for a person: one screen, most urgent first after the phase.
func WriteText(out io.Writer, s *State, opts TextOptions) error {
	w := &textWriter{st: newStyles(opts.Renderer), width: opts.Width}
	w.line(cell{wording.OneLine(s.Title), lookTitle})
	w.line(cell{"Status on " + s.Today + " · " + recordsLine(s.Records), lookFaint})
	for _, p := range s.Records.Skipped {
		w.line(cell{fmt.Sprintf("%s:%d: left out, it does not load: %s", p.File, p.Line, p.Message), lookBad})
	}

	w.heading("Phase")
	w.phases(s.Phases)

	w.heading(fmt.Sprintf("Due in the next %d days", s.Horizon))
	if len(s.Due) == 0 {
		w.line(cell{"  nothing", lookFaint})
	}
	var rows [][]cell
	for _, d := range s.Due {
		what := d.Title
		if len(d.Who) > 0 {
			what += " · " + strings.Join(d.Who, ", ")
		}
		switch {
		case d.Phase != "":
			what += " · as " + d.Phase + " begins"
		case d.Series:
			what += " · begins"
		}
		rows = append(rows, []cell{{d.When(), lookPlain}, {inDays(d.In), lookFaint}, {strings.ReplaceAll(d.Kind, "_", "-"), lookPlain}, {d.ID, lookPlain}, {what, lookPlain}})
	}
	w.table(rows)

	if s.Records.Count == 0 {
		w.b.WriteString("\n")
		w.line(cell{"No records yet: nothing is overdue and no one is on record as engaged.", lookFaint})
		w.line(cell{"Add what happens as it happens with plan record.", lookFaint})
		_, err := io.WriteString(out, w.b.String())
		return err
	}

	w.heading("Overdue")
	if len(s.Overdue) == 0 {
		w.line(cell{"  nothing", lookGood})
	}
	for _, o := range s.Overdue {
		// A finding is a sentence with its fix: it is wrapped, never cut, and its place
		// follows it, as plan check gives it.
		for i, l := range wrap(o.Message, w.width-4) {
			lead := "  • "
			if i > 0 {
				lead = "    "
			}
			w.line(cell{lead, lookPlain}, cell{l, lookBad})
		}
		w.line(cell{fmt.Sprintf("    %s:%d", o.File, o.Line), lookFaint})
	}

	w.coverage(s.Coverage)
	w.commitments(s.Commitments)
	w.grievances(s.Grievances)
	w.measures(s.Measures)
	_, err := io.WriteString(out, w.b.String())
	return err
}

func recordsLine(r Records) string {
	switch r.Count {
	case 0:
		return "no records yet"
	case 1:
		return "1 record, " + r.First + peopleWords(r.People)
	}
	return fmt.Sprintf("%d records, %s to %s%s", r.Count, r.First, r.Last, peopleWords(r.People))
}

func peopleWords(n int) string {
	if n == 0 {
		return ""
	}
	if n == 1 {
		return " · 1 person taking part"
	}
	return fmt.Sprintf(" · %d people taking part", n)
}

func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return "in " + strconv.Itoa(n) + " days"
}

func phaseName(p *Phase) string { return p.Name + " (" + p.ID + ")" }

func (w *textWriter) phases(ps Phases) {
	for _, p := range ps.Current {
		switch {
		case p.OpenEnded:
			w.line(cell{"  " + phaseName(&p), lookTitle}, cell{fmt.Sprintf(" · day %d, open-ended, since %s", p.Day, p.Start), lookPlain})
		default:
			left := wording.Plural(p.DaysLeft, "day") + " left, to " + p.End
			if p.DaysLeft == 0 {
				left = "last day"
			}
			w.line(cell{"  " + phaseName(&p), lookTitle}, cell{fmt.Sprintf(" · day %d of %d · %s", p.Day, p.Days, left), lookPlain})
		}
	}
	if len(ps.Current) == 0 {
		switch {
		case ps.Next != nil && ps.Previous == nil:
			w.line(cell{"  not begun", lookFaint})
		case ps.Next != nil:
			w.line(cell{"  between phases", lookFaint})
		case ps.Previous != nil:
			w.line(cell{"  every dated phase is over", lookFaint})
		default:
			w.line(cell{"  no phase can be dated: plan timeline says why", lookFaint})
		}
	}
	if p := ps.Previous; p != nil && len(ps.Current) == 0 {
		w.line(cell{fmt.Sprintf("  Last: %s ended %s, %s ago", phaseName(p), p.End, wording.Plural(p.EndedAgo, "day")), lookFaint})
	}
	if p := ps.Next; p != nil {
		w.line(cell{fmt.Sprintf("  Next: %s from %s, %s", phaseName(p), p.Start, inDays(p.StartsIn)), lookFaint})
	}
	if ps.Undated > 0 {
		w.line(cell{"  " + wording.Plural(ps.Undated, "phase") + " cannot be dated: plan timeline says why", lookWarn})
	}
}

func (w *textWriter) coverage(c Coverage) {
	w.heading("Coverage", cell{fmt.Sprintf(" · %d of %d stakeholder groups engaged", c.Engaged, c.Stakeholders), lookPlain})
	var rows [][]cell
	for _, l := range c.Levels {
		lk := lookGood
		if l.Engaged < l.Planned {
			lk = lookWarn
		}
		rows = append(rows, []cell{{levelName(l.Level), lookPlain}, {fmt.Sprintf("%d of %d", l.Engaged, l.Planned), lk}})
	}
	w.table(rows)
	if len(c.NotReached) == 0 {
		return
	}
	w.line(cell{"  Not reached yet:", lookPlain})
	rows = nil
	for _, n := range c.NotReached {
		next := cell{"no dated activity ahead for them", lookWarn}
		if n.Next != nil {
			next = cell{"next: " + n.Next.Date + " " + n.Next.ID, lookFaint}
		}
		rows = append(rows, []cell{{"  " + n.ID, lookPlain}, {levelName(n.Participation), lookFaint}, next})
	}
	w.table(rows)
}

func (w *textWriter) commitments(c Commitments) {
	if c.Made == 0 {
		w.heading("Commitments", cell{" · none made", lookFaint})
		return
	}
	summary := fmt.Sprintf(" · %d made: %d open", c.Made, c.Open)
	if c.Overdue > 0 {
		summary += fmt.Sprintf(" (%d overdue)", c.Overdue)
	}
	summary += fmt.Sprintf(", %d done", c.Done)
	if c.Dropped > 0 {
		summary += fmt.Sprintf(", %d dropped", c.Dropped)
	}
	w.heading("Commitments", cell{summary, lookPlain})
	var rows [][]cell
	for _, o := range c.OpenItems {
		when := cell{"no due date", lookFaint}
		switch {
		case o.Overdue:
			when = cell{"due " + o.Due + ", " + wording.Plural(o.DaysOverdue, "day") + " late", lookBad}
		case o.Due != "":
			when = cell{"due " + o.Due, lookPlain}
		}
		text := o.Text
		if o.Owner != "" {
			text += " · " + o.Owner
		}
		rows = append(rows, []cell{when, {text, lookPlain}})
	}
	w.table(rows)
}

func (w *textWriter) grievances(g Grievances) {
	if g.Received == 0 {
		w.heading("Grievances", cell{" · none received", lookFaint})
		return
	}
	summary := fmt.Sprintf(" · %d received: %d open, %d resolved", g.Received, g.Open, g.Resolved)
	if g.MedianDaysToResolve != nil {
		summary += ", in a median " + Days(*g.MedianDaysToResolve)
	}
	if g.ResolveDays != nil {
		summary += fmt.Sprintf(" (the plan allows %d)", *g.ResolveDays)
	}
	w.heading("Grievances", cell{summary, lookPlain})
	var rows [][]cell
	for _, c := range g.Categories {
		resolved := ""
		if c.MedianDaysToResolve != nil {
			resolved = "resolved in a median " + Days(*c.MedianDaysToResolve)
		}
		category := cmp.Or(c.Category, "no category")
		rows = append(rows, []cell{{category, lookPlain}, {fmt.Sprintf("%d received", c.Received), lookFaint}, {fmt.Sprintf("%d open", c.Open), lookFaint}, {resolved, lookFaint}})
	}
	w.table(rows)
	if len(g.OpenItems) > 0 {
		w.line(cell{"  Open", lookFaint})
	}
	rows = nil
	for _, o := range g.OpenItems {
		open := cell{"open " + wording.Plural(o.DaysOpen, "day"), lookPlain}
		if o.Overdue {
			// Said in words as well as in colour: without colour, the word is all there is.
			open = cell{open.text + ", overdue", lookBad}
		}
		name := cmp.Or(o.ID, "received "+o.Received) // a grievance without an id is known by its day
		rows = append(rows, []cell{{name, lookPlain}, open, {strings.Join(nonEmpty(o.Category, o.Stakeholder), " · "), lookFaint}, {o.Summary, lookPlain}})
	}
	w.table(rows)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	if out == nil {
		return []string{"-"}
	}
	return out
}

var measureLooks = map[string]look{MeasureMet: lookGood, MeasureShort: lookWarn, MeasureMissed: lookBad, MeasurePending: lookFaint, MeasureUnjudged: lookFaint}

func (w *textWriter) measures(ms []Measure) {
	if len(ms) == 0 {
		return
	}
	w.heading("Measures")
	var rows [][]cell
	for _, m := range ms {
		due := ""
		if m.Due != "" {
			due = "by " + m.Due
		}
		rows = append(rows, []cell{{m.ID, lookPlain}, {MeasureValue(m), lookPlain}, {m.State, measureLooks[m.State]}, {due, lookFaint}, {"target: " + m.Target, lookFaint}})
	}
	w.table(rows)
}

// MeasureValue writes a measure's last value against its target: "412 (52%)", "412",
// or "no value yet".
func MeasureValue(m Measure) string {
	if m.Value == nil {
		return "no value yet"
	}
	v := strconv.FormatFloat(*m.Value, 'f', -1, 64)
	if m.Percent != nil {
		v += fmt.Sprintf(" (%d%%)", *m.Percent)
	}
	return v
}
