package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/planascode/plan/internal/diag"
)

// styles holds every lipgloss style of the text output. Colours are the 16 basic ANSI
// ones, as in plan check, and only repeat what the words and signs already say.
type styles struct {
	title, section, added, removed, changed, faint lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
	}
	return styles{
		title:   r.NewStyle().Bold(true),
		section: r.NewStyle().Bold(true),
		added:   r.NewStyle().Foreground(lipgloss.Color("2")),
		removed: r.NewStyle().Foreground(lipgloss.Color("1")),
		changed: r.NewStyle().Foreground(lipgloss.Color("3")),
		faint:   r.NewStyle().Faint(true),
	}
}

// sign is the mark an item's line starts with, as in a diff: + added, - removed, ~ changed.
func (st styles) sign(c Change) string {
	switch c {
	case Added:
		return st.added.Render("+")
	case Removed:
		return st.removed.Render("-")
	}
	return st.changed.Render("~")
}

// WriteText writes the diff for people: a heading, each section's changed items, one a
// line, the findings new and fixed, and a closing count. r colours it (nil: no colour).
// Text from the plan is made displayable (diag.Displayable), so a value cannot move the
// cursor or split a line.
func WriteText(w io.Writer, d *Diff, r *lipgloss.Renderer) error {
	st := newStyles(r)
	var b strings.Builder
	b.WriteString(st.title.Render(diag.Displayable(d.File)) + "\n")
	b.WriteString(diag.Displayable(comparison(d)) + "\n")
	if note := versionNote(d); note != "" {
		b.WriteString(st.changed.Render(diag.Displayable(note)) + "\n")
	}
	for _, f := range d.Plan {
		change, phrase := planFieldLine(f)
		fmt.Fprintf(&b, "  %s %s\n", st.sign(change), diag.Displayable(phrase))
	}
	for _, s := range d.Sections {
		if len(s.Items) == 0 {
			continue
		}
		b.WriteString("\n" + st.section.Render(s.Title) + "\n")
		for _, it := range s.Items {
			line := "  " + st.sign(it.Change) + " " + diag.Displayable(itemLabel(it))
			if more := details(it); more != "" {
				line += ": " + diag.Displayable(more)
			}
			b.WriteString(line + "\n")
		}
	}
	if len(d.Findings.New)+len(d.Findings.Fixed) > 0 {
		b.WriteString("\n" + st.section.Render("Findings") + "\n")
		for _, f := range d.Findings.New {
			fmt.Fprintf(&b, "  %s new   %s\n", st.added.Render("+"), diag.Displayable(findingPhrase(f)))
		}
		for _, f := range d.Findings.Fixed {
			fmt.Fprintf(&b, "  %s fixed %s\n", st.removed.Render("-"), diag.Displayable(findingPhrase(f)))
		}
	}
	b.WriteString("\n" + st.faint.Render(summary(d)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// itemLabel is an item's id, with its name when it has one that says more.
func itemLabel(it Item) string {
	name := strings.Join(strings.Fields(it.Name), " ")
	if name == "" || name == it.ID {
		return it.ID
	}
	return it.ID + " (" + name + ")"
}

// findingPhrase is a finding on one line: "line 40: error: … [phase-too-short]".
func findingPhrase(f diag.Finding) string {
	return fmt.Sprintf("line %d: %s: %s [%s]", f.Line, f.Severity, f.Message, f.Rule)
}
