package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/safemd"
)

// WriteMarkdown writes the diff as GitHub-flavoured Markdown, for a pull-request
// comment: a heading, a list per section, and the findings new and fixed. Text from the
// plan is escaped (safemd), so a stakeholder's name cannot add a link, an image or HTML.
func WriteMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Plan changes: %s\n\n", safemd.HeadingText(d.File))
	b.WriteString(safemd.Text(comparison(d)) + ".\n")
	if len(d.Plan) > 0 {
		b.WriteString("\n")
		for _, f := range d.Plan {
			b.WriteString("- " + safemd.Item(fieldPhrase(f)) + "\n")
		}
	}
	for _, s := range d.Sections {
		if len(s.Items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n#### %s\n\n", s.Title)
		for _, it := range s.Items {
			line := "- **" + changeWord(it.Change) + "** " + safemd.CodeSpan(it.ID)
			if name := strings.Join(strings.Fields(it.Name), " "); name != "" && name != it.ID {
				line += " " + safemd.Text(name)
			}
			if more := details(it); more != "" {
				line += ": " + safemd.Text(more)
			}
			b.WriteString(line + "\n")
		}
	}
	if len(d.Findings.New)+len(d.Findings.Fixed) > 0 {
		b.WriteString("\n#### Findings\n\n")
		for _, f := range d.Findings.New {
			b.WriteString("- **New** " + mdFinding(f) + "\n")
		}
		for _, f := range d.Findings.Fixed {
			b.WriteString("- **Fixed** " + mdFinding(f) + "\n")
		}
	}
	b.WriteString("\n" + safemd.Text(summary(d)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mdFinding(f diag.Finding) string {
	return fmt.Sprintf("%s (line %d): %s %s", f.Severity, f.Line, safemd.Text(f.Message), safemd.CodeSpan(f.Rule))
}
