package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
	"github.com/planascode/plan/internal/wording"
)

// Markdown writes the report in GitHub-flavoured Markdown: every section the plan has,
// in the format's order, with the grid and the timeline as Mermaid diagrams. The output
// passes markdownlint with the configuration in testdata/.markdownlint-cli2.jsonc.
func Markdown(w io.Writer, d *report.Data) error {
	_, err := io.WriteString(w, replaceControls(writeMarkdown(d)))
	return err
}

// mdDoc collects blocks, one blank line between each.
type mdDoc struct {
	b strings.Builder
}

func (m *mdDoc) block(s string) {
	if s = strings.Trim(s, "\n"); s == "" {
		return
	}
	if m.b.Len() > 0 {
		m.b.WriteString("\n\n")
	}
	m.b.WriteString(s)
}

func (m *mdDoc) heading(level int, text string) {
	m.block(strings.Repeat("#", level) + " " + safemd.HeadingText(text))
}

// table writes a GFM table; a header ending in ":" is right-aligned (the colon is
// dropped). Columns that are empty in every row are left out, the first too (the date
// of previous engagement).
func (m *mdDoc) table(headers []string, rows [][]string) { m.tableOf(headers, rows, true) }

func (m *mdDoc) tableOf(headers []string, rows [][]string, dropEmpty bool) {
	var keep []int
	for i := range headers {
		if !dropEmpty || slices.ContainsFunc(rows, func(r []string) bool { return i < len(r) && r[i] != "" }) {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		keep = []int{0} // a table of one empty column still says its rows are there
	}
	pick := func(cells []string, f func(string) string) []string {
		out := make([]string, len(keep))
		for k, i := range keep {
			if i < len(cells) {
				out[k] = f(cells[i])
			}
		}
		return out
	}
	names := pick(headers, func(h string) string { return strings.TrimSuffix(h, ":") })
	delims := pick(headers, func(h string) string {
		if strings.HasSuffix(h, ":") {
			return "---:"
		}
		return ""
	})
	var cells [][]string
	for _, r := range rows {
		cells = append(cells, pick(r, safemd.Cell))
	}
	m.block(safemd.Table(names, delims, cells))
}

// list writes a tight bulleted list.
func (m *mdDoc) list(items []string) {
	var out []string
	for _, it := range items {
		if it != "" {
			out = append(out, "- "+it)
		}
	}
	m.block(strings.Join(out, "\n"))
}

// field writes a Markdown field under a heading of the given level, or nothing when it is
// blank.
func (m *mdDoc) field(level int, title string, src report.MarkdownText) {
	body := safemd.Block(string(src), level+1)
	if body == "" {
		return
	}
	m.heading(level, title)
	m.block(body)
}

// plainField writes a plain-text field under a heading.
func (m *mdDoc) plainField(level int, title, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	m.heading(level, title)
	m.block(safemd.Lines(text))
}

// bold writes "**label:** value" for a list of facts.
func bold(label, value string) string {
	if value == "" {
		return ""
	}
	return "**" + safemd.Text(label) + ":** " + value
}

// mdJoin lists names in a cell. Semicolons, not commas, separate them, since names such
// as "People who ride bikes, including the Bicycle User Group" hold commas themselves.
func mdJoin(list []string) string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = safemd.Text(wording.OneLine(s))
	}
	return strings.Join(out, "; ")
}

func writeMarkdown(d *report.Data) string {
	var m mdDoc
	title := cmp.Or(d.Title, "Engagement plan")
	if d.Draft != nil {
		title = "DRAFT: " + title
	}
	m.heading(1, title)
	if d.Draft != nil {
		notice := "The plan still has " + d.Draft.Reason()
		if d.Has(report.SecGaps) {
			notice = safemd.Text(notice+", listed under ") + "[Open gaps](#" + report.SecGaps + ")."
		} else {
			notice = safemd.Text(notice + ".")
		}
		m.block("> **DRAFT, not for sign-off.** " + notice)
	}
	m.block(safemd.Block(string(d.Summary), 2))
	mdGlance(&m, d)
	if d.Mandate != nil {
		m.heading(2, "Mandate")
		m.plainField(3, "Why we are engaging", d.Mandate.Statement)
		m.plainField(3, "What we ask of people", d.Mandate.Participation)
		m.plainField(3, "What people can expect from us", d.Mandate.Commitment)
	}
	if d.Has(report.SecContext) {
		m.heading(2, "Context and status")
		if c := d.Context; c != nil {
			m.field(3, "Legislative context", c.Legislative)
			m.field(3, "Organisational context", c.Organisational)
			m.field(3, "Government context", c.Government)
		}
		if len(d.PreviousEngagement) > 0 {
			m.heading(3, "Previous engagement")
			var rows [][]string
			for _, e := range d.PreviousEngagement {
				rows = append(rows, []string{safemd.Text(e.Date), safemd.CellText(e.Method), safemd.CellText(e.Result)})
			}
			m.table([]string{"Date", "Method", "Result"}, rows)
		}
	}
	mdObjectives(&m, d)
	mdStakeholders(&m, d)
	mdGrid(&m, d)
	mdRoles(&m, d)
	mdBudget(&m, d)
	mdPolicy(&m, d)
	mdGrievance(&m, d)
	mdDisclosure(&m, d)
	if len(d.Activities) > 0 {
		m.heading(2, "Activities")
		var rows [][]string
		for _, a := range d.Activities {
			rows = append(rows, []string{safemd.Text(a.Name), safemd.Text(a.Kind), mdJoin(a.Audience), safemd.Text(a.When), safemd.CellText(a.Channel), safemd.Text(a.Owner), a.Feedback})
		}
		m.table([]string{"Activity", "Kind", "Who", "When", "Where", "Owner", "Gathers feedback"}, rows)
	}
	if len(d.Risks) > 0 {
		m.heading(2, "Risks")
		var rows [][]string
		for _, r := range d.Risks {
			rows = append(rows, []string{safemd.Inline(string(r.Description)), safemd.Text(r.Likelihood), safemd.Text(r.Impact), safemd.Inline(string(r.Mitigation)), safemd.Text(r.Owner)})
		}
		m.table([]string{"Risk", "Likelihood", "Impact", "Mitigation", "Owner"}, rows)
	}
	mdDecisions(&m, d)
	mdTimeline(&m, d)
	if len(d.Measures) > 0 {
		m.heading(2, "Evaluation")
		var rows [][]string
		for _, ms := range d.Measures {
			rows = append(rows, []string{safemd.CellText(ms.Metric), safemd.CellText(ms.Target), safemd.CellText(ms.Method), safemd.CellText(ms.Objective)})
		}
		m.table([]string{"Measure", "Target", "Method", "Objective"}, rows)
	}
	mdProgress(&m, d)
	mdChanges(&m, d)
	mdApprovals(&m, d)
	if len(d.Findings) > 0 {
		m.heading(2, "Open gaps")
		m.block(safemd.Text(fmt.Sprintf("What plan check still finds in the plan (%s).", findingCounts(d.Glance.Errors, d.Glance.Warnings, len(d.Findings)))))
		var rows [][]string
		for _, f := range d.Findings {
			rows = append(rows, mdFinding(d, f))
		}
		m.tableOf(mdFindingHeaders(d), rows, false)
	}
	if len(d.Accepted) > 0 {
		m.heading(2, "Accepted gaps")
		m.block(safemd.Text("What plan check finds but the plan's authors have accepted, with the reason they give."))
		var rows [][]string
		for _, a := range d.Accepted {
			rows = append(rows, append(mdFinding(d, a.Finding), cmp.Or(safemd.Text(a.Reason), "No reason given")))
		}
		m.tableOf(append(mdFindingHeaders(d), "Reason"), rows, false)
	}
	mdExtensions(&m, d)
	m.block("---")
	m.block(safemd.Text(footerText(d.Footer)))
	return m.b.String() + "\n"
}

// mdFindingHeaders are the columns of a table of gaps: a sponsor's, or with
// --with-findings an author's, with each gap's line and rule.
func mdFindingHeaders(d *report.Data) []string {
	if d.FindingDetail {
		return []string{"Severity", "Line:", "Problem", "Rule"}
	}
	return []string{"Severity", "Problem"}
}

// mdFinding is a gap's cells under mdFindingHeaders.
func mdFinding(d *report.Data, f report.Finding) []string {
	if d.FindingDetail {
		return []string{wording.Capitalise(f.Severity), fmt.Sprint(f.Line), safemd.Text(f.Message), safemd.CodeSpan(f.Rule)}
	}
	return []string{wording.Capitalise(f.Severity), safemd.Text(f.Message)}
}

// findingCounts says how many errors and warnings there are, and other findings.
func findingCounts(errors, warnings, total int) string {
	parts := []string{wording.Plural(errors, "error"), wording.Plural(warnings, "warning")}
	if rest := total - errors - warnings; rest > 0 {
		parts = append(parts, fmt.Sprintf("%d for information", rest))
	}
	return strings.Join(parts, ", ")
}

// footerText is the report's closing line: when and by what it was made, and from which
// version of the plan.
func footerText(f report.Footer) string {
	var b strings.Builder
	b.WriteString("Generated")
	if f.Generated != "" {
		b.WriteString(" on " + f.Generated)
	}
	b.WriteString(" by plan")
	if f.Version != "" {
		b.WriteString(" " + f.Version)
	}
	if f.File != "" {
		b.WriteString(" from " + f.File)
	}
	if g := f.Git; g != nil {
		switch {
		case g.Commit != "":
			fmt.Fprintf(&b, ", last changed in commit %s", g.ShortCommit())
			if f.GitDate != "" {
				b.WriteString(" on " + f.GitDate)
			}
			if g.Modified {
				b.WriteString(", with uncommitted changes")
			}
		default:
			b.WriteString(", which is not yet committed")
		}
	}
	b.WriteString(".")
	return b.String()
}

func mdGlance(m *mdDoc, d *report.Data) {
	m.heading(2, "At a glance")
	g := d.Glance
	var items []string
	if g.Version != "" {
		items = append(items, bold("Version", safemd.Text(g.Version)))
	}
	if g.Revised != "" {
		items = append(items, bold("Last changed", safemd.Text(g.Revised)+", listed under [Changes to the plan](#changes-to-the-plan)"))
	}
	for _, ph := range g.Phases {
		value := cmp.Or(safemd.Text(ph.Dates), "dates not yet worked out")
		var notes []string
		if ph.Length != "" {
			notes = append(notes, ph.Length)
		}
		switch ph.Status {
		case "too-short":
			notes = append(notes, "too short")
		case "below-ideal":
			notes = append(notes, "below the ideal length")
		}
		if len(notes) > 0 {
			value += " (" + safemd.Text(strings.Join(notes, ", ")) + ")"
		}
		items = append(items, bold(ph.Name, value))
	}
	stakeholders := wording.Plural(g.Stakeholders, "stakeholder group")
	if g.Stakeholders == 0 {
		stakeholders = "none yet"
	} else if g.Vulnerable > 0 {
		stakeholders += fmt.Sprintf(", %d needing extra support to take part", g.Vulnerable)
	}
	items = append(items, bold("Stakeholders", stakeholders))
	objectives := fmt.Sprint(g.Objectives)
	if g.Objectives == 0 {
		objectives = "none yet"
	}
	items = append(items, bold("Objectives", objectives))
	for _, t := range g.Budget {
		items = append(items, bold("Budget", safemd.Text(t.Text)))
	}
	if g.Profile != "" {
		items = append(items, bold("Checked as", safemd.Text(g.Profile)))
	}
	if g.ShowFindings {
		gaps := "no open errors or warnings"
		if g.Errors+g.Warnings > 0 {
			gaps = fmt.Sprintf("%s and %s, listed under [Open gaps](#%s)", wording.Plural(g.Errors, "error"), wording.Plural(g.Warnings, "warning"), report.SecGaps)
		}
		items = append(items, bold("Open gaps", gaps))
	}
	m.list(items)
}

func mdObjectives(m *mdDoc, d *report.Data) {
	if len(d.Objectives) == 0 {
		return
	}
	m.heading(2, "Objectives")
	var rows [][]string
	for _, o := range d.Objectives {
		rows = append(rows, []string{safemd.CellText(o.Statement), safemd.CellText(o.Specific), safemd.CellText(o.Measurable), safemd.Text(o.Assignable),
			safemd.CellText(o.Realistic), safemd.Text(o.TimeRelated), safemd.Text(o.Decision)})
	}
	m.table([]string{"Objective", "Specific", "Measurable", "Assignable", "Realistic", "Time-related", "Informs the decision"}, rows)
}

func mdStakeholders(m *mdDoc, d *report.Data) {
	if len(d.Stakeholders) == 0 {
		return
	}
	m.heading(2, "Stakeholders")
	var rows [][]string
	for _, s := range d.Stakeholders {
		name := safemd.Text(s.Name)
		if s.Vulnerable {
			name += " (needs extra support to take part)"
		}
		name += mdStakeholderNotes(s)
		rows = append(rows, []string{name, safemd.Text(s.Category), safemd.Text(s.Influence), safemd.Text(s.Impact), safemd.Text(s.Participation),
			safemd.Text(engagementChange(s)), mdJoin(s.Channels), mdJoin(s.Languages), mdJoin(s.Support), safemd.CellText(s.Contact)})
	}
	m.table([]string{"Stakeholder", "Category", "Influence", "Impact", "Participation", "Engagement (now → desired)", "Channels", "Languages", "Support to take part", "Contact"}, rows)
	for _, s := range d.Stakeholders {
		if !s.HasDetails() {
			continue
		}
		m.heading(3, s.Name)
		m.field(4, "Profile", s.Profile)
		m.field(4, "Interest", s.Interest)
		m.field(4, "Notes", s.Notes)
	}
}

// engagementChange writes "Neutral → Supportive", or the one level known.
func engagementChange(s report.Stakeholder) string {
	switch {
	case s.Current != "" && s.Desired != "":
		return s.Current + " → " + s.Desired
	case s.Current != "":
		return s.Current + " now"
	case s.Desired != "":
		return s.Desired + " desired"
	}
	return ""
}

func mdGrid(m *mdDoc, d *report.Data) {
	if d.Grid == nil && d.Engagement == nil {
		return
	}
	m.heading(2, "Power, interest and engagement")
	if g := d.Grid; g != nil {
		m.heading(3, "Power/interest grid")
		m.block("```mermaid\n" + strings.TrimRight(g.Mermaid, "\n") + "\n```")
		// The chart's points are numbered, in the order of the cells, so that no name can
		// overprint another; this is their key.
		m.block("Each point on the grid is numbered; the key says who it is and where it lies.")
		var rows [][]string
		for _, c := range g.Cells {
			for _, name := range c.Stakeholders {
				rows = append(rows, []string{strconv.Itoa(len(rows) + 1), safemd.Text(name), safemd.Text(c.Influence), safemd.Text(c.Impact), safemd.Text(c.Quadrant)})
			}
		}
		m.table([]string{"No.:", "Stakeholder", "Influence", "Impact", "Where"}, rows)
		if len(g.Unplaced) > 0 {
			m.block(safemd.Text("Not on the grid, for want of a rating: " + strings.Join(g.Unplaced, ", ") + "."))
		}
	}
	if e := d.Engagement; e != nil {
		m.heading(3, "Engagement assessment matrix")
		m.block("C marks each stakeholder's current level of engagement, D the level the plan aims for.")
		var rows [][]string
		for _, r := range e.Rows {
			rows = append(rows, append([]string{safemd.Text(r.Name)}, r.Cells...))
		}
		// Every level stays a column, even one nobody is at: the matrix is a scale.
		m.tableOf(append([]string{"Stakeholder"}, e.Levels...), rows, false)
	}
}

func mdRoles(m *mdDoc, d *report.Data) {
	if len(d.Roles) == 0 {
		return
	}
	m.heading(2, "Roles")
	var rows [][]string
	for _, r := range d.Roles {
		rows = append(rows, []string{safemd.Text(r.Title), mdRoleWho(r), safemd.CellText(r.Contact), safemd.Inline(string(r.Responsibilities))})
	}
	m.table([]string{"Role", "Who", "Contact", "Responsibilities"}, rows)
}

func mdBudget(m *mdDoc, d *report.Data) {
	b := d.Budget
	if b == nil {
		return
	}
	m.heading(2, "Budget")
	amount := "Amount:"
	if b.Currency != "" {
		amount = "Amount (" + b.Currency + "):"
	}
	var rows [][]string
	for _, it := range b.Items {
		rows = append(rows, []string{safemd.Text(it.Category), safemd.CellText(it.Description), it.Amount})
	}
	for _, t := range b.Totals {
		rows = append(rows, []string{"**Total**", "", "**" + safemd.Text(t.Amount) + "**"})
	}
	m.table([]string{"Category", "Description", amount}, rows)
}

func mdPolicy(m *mdDoc, d *report.Data) {
	p := d.Policy
	if p == nil {
		return
	}
	m.heading(2, "Policy")
	if len(p.Principles) > 0 {
		m.heading(3, "Principles")
		m.list(textItems(p.Principles))
	}
	if r := p.Response; r != nil {
		m.heading(3, "Responding to people")
		within := ""
		if r.Within != "" {
			within = "within " + r.Within
		}
		m.list([]string{
			bold("Response time", safemd.Text(within)),
			bold("Moderation", safemd.Text(wording.OneLine(r.Moderation))),
			bold("Reporting", safemd.Text(wording.OneLine(r.Reporting))),
		})
	}
	if len(p.Techniques) > 0 {
		m.heading(3, "Techniques")
		var rows [][]string
		for _, t := range p.Techniques {
			rows = append(rows, []string{safemd.CellText(t.Tool), safemd.CellText(t.Purpose), mdJoin(t.Stakeholders)})
		}
		m.table([]string{"Technique", "Purpose", "Stakeholders"}, rows)
	}
	if in := p.Information; in != nil {
		m.heading(3, "Information and privacy")
		m.field(4, "What we collect", in.Collected)
		m.field(4, "How we protect privacy", in.Privacy)
		m.field(4, "What we publish", in.Publication)
	}
	m.field(3, "Content strategy", p.ContentStrategy)
}

func mdDecisions(m *mdDoc, d *report.Data) {
	if len(d.Decisions) == 0 {
		return
	}
	m.heading(2, "Decisions")
	for _, dec := range d.Decisions {
		m.heading(3, dec.Question)
		m.list([]string{
			bold("Decided during", safemd.Text(dec.Phase)),
			bold("Decided by", safemd.Text(dec.DecisionMaker)),
			bold("Stakeholders hear the outcome by", safemd.Text(dec.ReportBack)),
		})
		if len(dec.Open) > 0 {
			m.block("Open for discussion:")
			m.list(textItems(dec.Open))
		}
		if len(dec.NonNegotiable) > 0 {
			m.block("Not negotiable:")
			m.list(textItems(dec.NonNegotiable))
		}
		m.field(4, "Outcome", dec.Outcome)
		m.field(4, "How stakeholders' input was used", dec.InputUsed)
	}
}

func textItems(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = safemd.Item(s)
	}
	return out
}

func mdTimeline(m *mdDoc, d *report.Data) {
	t := d.Timeline
	if t == nil {
		return
	}
	m.heading(2, "Timeline")
	if t.Problem != "" {
		m.block(safemd.Text(wording.Capitalise(t.Problem) + "."))
	} else {
		m.block(safemd.Text(wording.Capitalise(t.Verdict) + "."))
	}
	var rows [][]string
	for _, p := range t.Phases {
		rows = append(rows, []string{safemd.Text(p.Name), safemd.Text(p.Kind), p.Round, safemd.Text(p.Start), safemd.Text(p.End), safemd.Text(p.Length), safemd.Text(p.Minimum), safemd.Text(p.StatusText)})
	}
	m.table([]string{"Phase", "Kind", "Round", "Starts", "Ends", "Length", "Minimum", "Status"}, rows)
	if t.Mermaid != "" {
		m.block("```mermaid\n" + strings.TrimRight(t.Mermaid, "\n") + "\n```")
	}
	if len(t.Milestones) > 0 {
		m.heading(3, "Milestones")
		var rows [][]string
		for _, ms := range t.Milestones {
			rows = append(rows, []string{safemd.Text(ms.Date), safemd.Text(ms.Name)})
		}
		m.table([]string{"Date", "Milestone"}, rows)
	}
	var items []string
	for _, p := range t.Phases {
		if len(p.Activities) == 0 {
			continue
		}
		item := safemd.Item(p.Name)
		for _, a := range p.Activities {
			item += "\n  - " + safemd.Item(a)
		}
		items = append(items, item)
	}
	if len(items) > 0 {
		m.heading(3, "What happens in each phase")
		m.list(items)
	}
}
