package output

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/planascode/plan/internal/diag"
)

// styles holds every lipgloss style the text format uses, in one place so that the look of
// the tool can be changed without reading the formatting code. Colours are the 16 basic
// ANSI ones so that they follow the user's terminal theme instead of fighting it.
type styles struct {
	path    lipgloss.Style
	err     lipgloss.Style
	warning lipgloss.Style
	info    lipgloss.Style
	rule    lipgloss.Style
	gutter  lipgloss.Style
	summary lipgloss.Style
}

// newStyles builds the styles from a renderer bound to the output stream, which already
// knows whether to colour; on a renderer without colour every style renders plain text.
func newStyles(r *lipgloss.Renderer) styles {
	return styles{
		path:    r.NewStyle().Bold(true),
		err:     r.NewStyle().Bold(true).Foreground(lipgloss.Color("1")),
		warning: r.NewStyle().Bold(true).Foreground(lipgloss.Color("3")),
		info:    r.NewStyle().Bold(true).Foreground(lipgloss.Color("6")),
		rule:    r.NewStyle().Faint(true),
		gutter:  r.NewStyle().Foreground(lipgloss.Color("4")),
		summary: r.NewStyle().Bold(true),
	}
}

// severity returns the style for a severity; the caret under a snippet uses it too, so
// the eye links the two.
func (s styles) severity(sev diag.Severity) lipgloss.Style {
	switch sev {
	case diag.Error:
		return s.err
	case diag.Warning:
		return s.warning
	}
	return s.info
}
