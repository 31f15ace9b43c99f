package timeline

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// class is what a piece of the chart means; styles turns it into a look. Keeping meaning
// and look apart lets the chart be laid out (and measured) as plain text first.
type class int

const (
	plain class = iota
	classTitle
	classFaint
	classBar
	classOpen
	classTooShort
	classBelowIdeal
	classToday
	classMilestone
	classOK
)

// styles holds every lipgloss style the text chart uses. Colours are the 16 basic ANSI
// ones, as in plan check, so they follow the user's terminal theme. Colour only repeats
// what the words already say: a too-short phase is also flagged "TOO SHORT".
type styles map[class]lipgloss.Style

// newStyles binds the styles to r, which already knows whether to colour; a nil r draws
// without colour.
func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
	}
	return styles{
		plain:           r.NewStyle(),
		classTitle:      r.NewStyle().Bold(true),
		classFaint:      r.NewStyle().Faint(true),
		classBar:        r.NewStyle().Foreground(lipgloss.Color("4")),
		classOpen:       r.NewStyle().Foreground(lipgloss.Color("6")),
		classTooShort:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("1")),
		classBelowIdeal: r.NewStyle().Foreground(lipgloss.Color("3")),
		classToday:      r.NewStyle().Bold(true).Foreground(lipgloss.Color("5")),
		classMilestone:  r.NewStyle().Foreground(lipgloss.Color("6")),
		classOK:         r.NewStyle().Bold(true).Foreground(lipgloss.Color("2")),
	}
}

// render styles s as class c; plain text (and spaces) stay unstyled so that a coloured
// line carries no escape codes around its padding.
func (st styles) render(c class, s string) string {
	if c == plain || s == "" {
		return s
	}
	return st[c].Render(s)
}

// statusClass is how a phase's bar and flag are drawn.
func statusClass(s Status) class {
	switch s {
	case StatusTooShort:
		return classTooShort
	case StatusBelowIdeal:
		return classBelowIdeal
	case StatusOpen:
		return classOpen
	}
	return classBar
}
