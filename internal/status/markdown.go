package status

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/safemd"
	"github.com/planascode/plan/internal/wording"
)

// WriteMarkdown writes the status as GitHub-flavoured Markdown, for a weekly update or a
// pull-request comment: the same sections as the text, with every piece of plan or
// record text escaped so that it reads as written (internal/safemd).
func WriteMarkdown(out io.Writer, s *State) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Status on %s: %s\n\n", s.Today, safemd.HeadingText(s.Title))
	b.WriteString(safemd.Text(wording.Capitalise(recordsLine(s.Records))) + ".\n")
	for _, p := range s.Records.Skipped {
		fmt.Fprintf(&b, "\n> **Left out:** %s, line %d, does not load: %s\n", safemd.CodeSpan(p.File), p.Line, safemd.Text(p.Message))
	}

	b.WriteString("\n### Phase\n\n")
	b.WriteString(phasesMarkdown(s.Phases))

	fmt.Fprintf(&b, "\n### Due in the next %d days\n\n", s.Horizon)
	if len(s.Due) == 0 {
		b.WriteString("Nothing.\n")
	} else {
		var rows [][]string
		for _, d := range s.Due {
			what := safemd.Text(d.Title)
			switch {
			case d.Phase != "":
				what += " (as " + safemd.CodeSpan(d.Phase) + " begins)"
			case d.Series:
				what += " (begins)"
			}
			rows = append(rows, []string{d.When(), inDays(d.In), strings.ReplaceAll(d.Kind, "_", "-"), codeOrEmpty(d.ID), safemd.Cell(what), safemd.Cell(codes(d.Who))})
		}
		b.WriteString(table([]string{"Date", "When", "What", "Id", "Title", "Who"}, []string{"", "", "", "", "", ""}, rows))
	}

	if s.Records.Count == 0 {
		b.WriteString("\nNo records yet: nothing is overdue and no one is on record as engaged. Add what happens as it happens with `plan record`.\n")
		_, err := io.WriteString(out, b.String())
		return err
	}

	b.WriteString("\n### Overdue\n\n")
	if len(s.Overdue) == 0 {
		b.WriteString("Nothing.\n")
	}
	for _, o := range s.Overdue {
		fmt.Fprintf(&b, "- %s %s\n", safemd.CodeSpan(fmt.Sprintf("%s:%d", o.File, o.Line)), safemd.Text(o.Message))
	}

	c := s.Coverage
	fmt.Fprintf(&b, "\n### Coverage\n\n%d of %d stakeholder groups engaged.\n\n", c.Engaged, c.Stakeholders)
	var rows [][]string
	for _, l := range c.Levels {
		rows = append(rows, []string{levelName(l.Level), fmt.Sprint(l.Planned), fmt.Sprint(l.Engaged)})
	}
	b.WriteString(table([]string{"Participation", "Groups", "Engaged"}, []string{"", "--:", "--:"}, rows))
	if len(c.NotReached) > 0 {
		b.WriteString("\nNot reached yet:\n\n")
		for _, n := range c.NotReached {
			next := "no dated activity ahead for them"
			if n.Next != nil {
				next = "next: " + safemd.CodeSpan(n.Next.ID) + " on " + n.Next.Date
			}
			fmt.Fprintf(&b, "- %s (%s), %s\n", safemd.Text(n.Name), safemd.Text(levelName(n.Participation)), next)
		}
	}

	markdownCommitments(&b, s.Commitments)
	markdownGrievances(&b, s.Grievances)

	if len(s.Measures) > 0 {
		b.WriteString("\n### Measures\n\n")
		rows = nil
		for _, m := range s.Measures {
			rows = append(rows, []string{codeOrEmpty(m.ID), safemd.Cell(safemd.Text(m.Target)), MeasureValue(m), m.State, m.Due})
		}
		b.WriteString(table([]string{"Measure", "Target", "Last value", "State", "Due"}, []string{"", "", "--:", "", ""}, rows))
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func phasesMarkdown(ps Phases) string {
	var b strings.Builder
	for _, p := range ps.Current {
		switch {
		case p.OpenEnded:
			fmt.Fprintf(&b, "- **%s** (%s): day %d, open-ended, since %s\n", safemd.Text(p.Name), codeOrEmpty(p.ID), p.Day, p.Start)
		default:
			fmt.Fprintf(&b, "- **%s** (%s): day %d of %d, %s left, to %s\n", safemd.Text(p.Name), codeOrEmpty(p.ID), p.Day, p.Days, wording.Plural(p.DaysLeft, "day"), p.End)
		}
	}
	if p := ps.Previous; p != nil && len(ps.Current) == 0 {
		fmt.Fprintf(&b, "- Last: %s (%s) ended %s\n", safemd.Text(p.Name), codeOrEmpty(p.ID), p.End)
	}
	if p := ps.Next; p != nil {
		fmt.Fprintf(&b, "- Next: %s (%s) from %s, %s\n", safemd.Text(p.Name), codeOrEmpty(p.ID), p.Start, inDays(p.StartsIn))
	}
	if ps.Undated > 0 {
		fmt.Fprintf(&b, "- %s cannot be dated: `plan timeline` says why\n", wording.Capitalise(wording.Plural(ps.Undated, "phase")))
	}
	if b.Len() == 0 {
		b.WriteString("No phase can be dated: `plan timeline` says why.\n")
	}
	return b.String()
}

// levelName is a participation level as the status shows it; "" is the plan giving none.
func levelName(level string) string { return cmp.Or(level, "no level") }

func codeOrEmpty(s string) string {
	if s == "" {
		return ""
	}
	return safemd.Cell(safemd.CodeSpan(s))
}

func codes(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = safemd.CodeSpan(id)
	}
	return strings.Join(out, ", ")
}

// table is a GFM table (safemd.Table) ended by its line break.
func table(header, delims []string, rows [][]string) string {
	return safemd.Table(header, delims, rows) + "\n"
}

func markdownCommitments(b *strings.Builder, cm Commitments) {
	if cm.Made == 0 {
		b.WriteString("\n### Commitments\n\nNone made.\n")
		return
	}
	fmt.Fprintf(b, "\n### Commitments\n\n%d made: %d open (%d overdue), %d done, %d dropped.\n", cm.Made, cm.Open, cm.Overdue, cm.Done, cm.Dropped)
	if len(cm.OpenItems) > 0 {
		var rows [][]string
		for _, o := range cm.OpenItems {
			due := o.Due
			if o.Overdue {
				due = fmt.Sprintf("**%s, %s late**", o.Due, wording.Plural(o.DaysOverdue, "day"))
			}
			rows = append(rows, []string{due, safemd.Cell(safemd.Text(o.Text)), safemd.Cell(safemd.Text(o.Owner))})
		}
		b.WriteString("\n" + table([]string{"Due", "Commitment", "Owner"}, []string{"", "", ""}, rows))
	}
}

func markdownGrievances(b *strings.Builder, g Grievances) {
	if g.Received == 0 {
		b.WriteString("\n### Grievances\n\nNone received.\n")
		return
	}
	fmt.Fprintf(b, "\n### Grievances\n\n%d received: %d open (%d past the time allowed), %d resolved", g.Received, g.Open, g.Overdue, g.Resolved)
	if g.MedianDaysToResolve != nil {
		b.WriteString(", in a median " + Days(*g.MedianDaysToResolve))
	}
	if g.ResolveDays != nil {
		fmt.Fprintf(b, "; the plan allows %s", wording.Plural(*g.ResolveDays, "day"))
	}
	b.WriteString(".\n")
	var byCategory [][]string
	for _, c := range g.Categories {
		resolved := ""
		if c.MedianDaysToResolve != nil {
			resolved = Days(*c.MedianDaysToResolve)
		}
		byCategory = append(byCategory, []string{safemd.Cell(safemd.Text(cmp.Or(c.Category, "(none)"))), strconv.Itoa(c.Received), strconv.Itoa(c.Open), resolved})
	}
	b.WriteString("\n" + table([]string{"Category", "Received", "Open", "Median to resolve"}, []string{"", "--:", "--:", "--:"}, byCategory))
	if len(g.OpenItems) > 0 {
		var rows [][]string
		for _, o := range g.OpenItems {
			open := wording.Plural(o.DaysOpen, "day")
			if o.Overdue {
				open = "**" + open + "**"
			}
			rows = append(rows, []string{safemd.Cell(safemd.Text(o.ID)), o.Received, open, safemd.Cell(safemd.Text(o.Category)), safemd.Cell(safemd.Text(o.Summary))})
		}
		b.WriteString("\n" + table([]string{"Grievance", "Received", "Open for", "Category", "Summary"}, []string{"", "", "--:", "", ""}, rows))
	}
}
