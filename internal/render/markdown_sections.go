package render

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
	"github.com/planascode/plan/internal/wording"
)

// The parts of the Markdown report that real plans need beyond the format's first
// template (#15), and the appendix of the plan's own extensions.

// mdStakeholderNotes says, after a stakeholder's name in the register, that they are a
// partner and which group they are part of.
func mdStakeholderNotes(s report.Stakeholder) string {
	var notes []string
	if s.Partner {
		notes = append(notes, "partner or governing body")
	}
	if s.PartOf != "" {
		notes = append(notes, "part of "+safemd.Text(s.PartOf))
	}
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, "; ") + ")"
}

// mdRoleWho names who holds a role: the people, then the organisation.
func mdRoleWho(r report.Role) string {
	who := mdJoin(r.Names)
	switch {
	case r.Organisation == "":
		return who
	case who == "":
		return safemd.Text(r.Organisation)
	}
	return who + " (" + safemd.Text(r.Organisation) + ")"
}

func mdGrievance(m *mdDoc, d *report.Data) {
	g := d.Grievance
	if g == nil {
		return
	}
	m.heading(2, "Grievance mechanism")
	m.block(safemd.Block(string(g.Summary), 3))
	if len(g.Channels) > 0 {
		m.heading(3, "How to make a complaint")
		var rows [][]string
		for _, c := range g.Channels {
			rows = append(rows, []string{safemd.CellText(c.Name), c.Anonymous, c.Free, mdJoin(c.Languages)})
		}
		m.table([]string{"Channel", "Anonymous", "Free of charge", "Languages"}, rows)
	}
	if g.Acknowledge != "" || g.Resolve != "" || len(g.Tiers) > 0 {
		m.heading(3, "How complaints are handled")
		m.list([]string{
			bold("Acknowledged within", safemd.Text(g.Acknowledge)),
			bold("Resolved within", safemd.Text(g.Resolve)),
		})
		if len(g.Tiers) > 0 {
			var rows [][]string
			for _, t := range g.Tiers {
				rows = append(rows, []string{safemd.Text(t.Name), safemd.Text(t.HandledBy), safemd.Text(t.Acknowledge), safemd.Text(t.Resolve)})
			}
			m.table([]string{"Level", "Handled by", "Acknowledged within", "Resolved within"}, rows)
		}
	}
	m.field(3, "Appeal", g.Appeal)
	m.field(3, "Confidentiality", g.Confidentiality)
	m.field(3, "Sensitive complaints", g.Sensitive)
	m.field(3, "Records and reporting", g.Records)
}

func mdDisclosure(m *mdDoc, d *report.Data) {
	if len(d.Disclosure) == 0 {
		return
	}
	m.heading(2, "Disclosure")
	var rows [][]string
	for _, x := range d.Disclosure {
		doc := safemd.Text(x.Document)
		if x.Version != "" {
			doc += " (version " + safemd.Text(x.Version) + ")"
		}
		rows = append(rows, []string{doc, safemd.Text(x.Date), mdJoin(x.Where), mdJoin(x.Languages), mdJoin(x.Formats), safemd.Text(x.Comments), safemd.Text(x.Informs)})
	}
	m.table([]string{"Document", "Published", "Where", "Languages", "Formats", "Comments taken for", "Informs"}, rows)
}

func mdChanges(m *mdDoc, d *report.Data) {
	if len(d.Changes) == 0 {
		return
	}
	m.heading(2, "Changes to the plan")
	var rows [][]string
	for _, c := range d.Changes {
		rows = append(rows, []string{safemd.Text(c.Date), safemd.Text(c.Version), safemd.CellText(c.Summary), safemd.Inline(string(c.Reason))})
	}
	m.table([]string{"Date", "Version", "Change", "Reason"}, rows)
}

// extensionsIntro says what the appendix is, in both reports.
const extensionsIntro = "The plan's own extensions: fields whose names start with x_, which the format leaves to a plan's authors. plan neither checks nor uses them; they are shown here as written."

func mdExtensions(m *mdDoc, d *report.Data) {
	e := d.Extensions
	if e == nil {
		return
	}
	m.heading(2, "Plan extensions")
	m.block(strings.Replace(safemd.Text(extensionsIntro), `x\_`, "`x_`", 1))
	for _, g := range e.Groups {
		m.heading(3, g.Where)
		// Values on one line are listed together; others get a block each.
		var items []string
		flush := func() {
			m.list(items)
			items = nil
		}
		for _, f := range g.Fields {
			key := safemd.CodeSpan(f.Key) + ":"
			switch {
			case f.Block:
				flush()
				m.block(key)
				m.block(safemd.CodeBlock("yaml", f.Value))
			case strings.ContainsAny(strings.TrimSpace(f.Value), "\r\n"):
				flush()
				m.block(key + "\\\n" + safemd.Lines(f.Value))
			default:
				items = append(items, key+" "+cmp.Or(safemd.Text(f.Value), "(empty)"))
			}
			if f.Cut != "" {
				flush()
				m.block(safemd.Text("(" + f.Cut + ")"))
			}
		}
		flush()
	}
	if e.Omitted > 0 {
		m.block(safemd.Text(fmt.Sprintf("%s not shown: %s. The plan file holds them all.", wording.Plural(e.Omitted, "more extension field"), e.Limits)))
	}
}
