package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
	"github.com/planascode/plan/internal/wording"
)

// mdProgress writes the progress section: what the records show had happened by the
// report's day. GitHub draws no SVG from Markdown, so the coverage chart is its table.
func mdProgress(m *mdDoc, d *report.Data) {
	pr := d.Progress
	if pr == nil {
		return
	}
	m.heading(2, "Progress")
	span := "on " + pr.First
	if pr.Records != 1 {
		span = "from " + pr.First + " to " + pr.Last
	}
	people := ""
	switch {
	case pr.People == 1:
		people = ", with 1 person taking part"
	case pr.People > 1:
		people = fmt.Sprintf(", with %d people taking part", pr.People)
	}
	m.block(safemd.Text(fmt.Sprintf("As of %s: %s of engagement %s%s.", pr.AsOf, wording.Plural(pr.Records, "record"), span, people)))

	c := pr.Coverage
	m.heading(3, "Who we have engaged")
	line := fmt.Sprintf("%d of %d stakeholder groups engaged so far", c.Engaged, c.Stakeholders)
	if len(c.NotReached) > 0 {
		line += "; not yet reached: " + strings.Join(c.NotReached, "; ")
	}
	m.block(safemd.Text(line + "."))
	headers := append([]string{"Stakeholder group", "Participation"}, c.Phases...)
	headers = append(headers, "Records:", "People:")
	var rows [][]string
	for _, r := range c.Rows {
		row := []string{safemd.Text(r.Name), safemd.Text(r.Participation)}
		for _, cell := range r.Cells {
			if cell == "Not engaged" {
				cell = "**" + cell + "**"
			}
			row = append(row, cell)
		}
		rows = append(rows, append(row, strconv.Itoa(r.Records), r.People))
	}
	m.tableOf(headers, rows, false)
	rows = nil
	for _, l := range c.Levels {
		rows = append(rows, []string{safemd.Text(l.Level), strconv.Itoa(l.Planned), strconv.Itoa(l.Engaged)})
	}
	m.table([]string{"Participation", "Groups:", "Engaged:"}, rows)

	if len(pr.Heard) > 0 {
		m.heading(3, "You said, we did")
		rows = nil
		for _, h := range pr.Heard {
			state := safemd.Text(h.CommitmentState)
			if h.Overdue {
				state = "**" + state + "**"
			}
			rows = append(rows, []string{safemd.Text(h.Issue), safemd.Text(h.Date), mdJoin(h.RaisedBy), safemd.CellText(h.Response), safemd.Text(h.Commitment), state})
		}
		m.table([]string{"You said", "When", "Raised by", "We said", "We committed to", "Where it stands"}, rows)
	}

	if g := pr.Grievances; g != nil {
		m.heading(3, "Grievances")
		line := fmt.Sprintf("%d received: %d open", g.Received, g.Open)
		if g.Overdue > 0 {
			line += fmt.Sprintf(" (%d past the time allowed)", g.Overdue)
		}
		line += fmt.Sprintf(", %d resolved", g.Resolved)
		if g.Median != "" {
			line += " in a median of " + g.Median
		}
		if g.Allowed != "" {
			line += "; the mechanism allows " + g.Allowed
			if g.Resolved > 0 {
				line += fmt.Sprintf(", and %d of %d were resolved within it", g.ResolvedWithin, g.Resolved)
			}
		}
		m.block(safemd.Text(line + "."))
		rows = nil
		for _, c := range g.Categories {
			rows = append(rows, []string{safemd.Text(c.Category), strconv.Itoa(c.Received), strconv.Itoa(c.Open), safemd.Text(c.Median)})
		}
		m.table([]string{"Category", "Received:", "Open:", "Median to resolve:"}, rows)
	}

	if len(pr.Measures) > 0 {
		m.heading(3, "Measures against targets")
		rows = nil
		for _, ms := range pr.Measures {
			state := safemd.Text(ms.State)
			if ms.Missed {
				state = "**" + state + "**"
			}
			rows = append(rows, []string{safemd.CellText(ms.Metric), safemd.CellText(ms.Target), safemd.Text(ms.Value), safemd.Text(ms.Measured), safemd.Text(ms.Due), state})
		}
		m.table([]string{"Measure", "Target", "Last value", "Recorded", "Due", "State"}, rows)
	}
}
