package report

import (
	"cmp"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// This file holds the sections that real plans need beyond the template the format
// started from (#15): the grievance mechanism, disclosure and the plan's change log.

// Change is one dated revision of the plan.
type Change struct {
	Date    string
	Version string
	Summary string
	Reason  MarkdownText
}

// Grievance is the grievance mechanism.
type Grievance struct {
	Summary  MarkdownText
	Channels []GrievanceChannel
	// AnyAnonymous, AnyFree and AnyLanguages say whether any channel is anonymous, is
	// free or names its languages: a column no channel fills is left out.
	AnyAnonymous, AnyFree, AnyLanguages bool
	Tiers                               []GrievanceTier
	// Acknowledge and Resolve are the mechanism's response times ("5 days"), or "".
	Acknowledge, Resolve                        string
	Appeal, Confidentiality, Sensitive, Records MarkdownText
}

// GrievanceChannel is one way to make a complaint; Anonymous and Free are "Yes" or "No".
type GrievanceChannel struct {
	Name            string
	Anonymous, Free string
	Languages       []string
}

// GrievanceTier is one level of handling; HandledBy is resolved like an owner, and
// Acknowledge and Resolve are "2 days" or "".
type GrievanceTier struct {
	Name, HandledBy      string
	Acknowledge, Resolve string
}

// Disclosure is one document published for comment or information.
type Disclosure struct {
	ID, Document, Version string
	// Date is when it is published.
	Date             string
	Where, Languages []string
	Formats          []string
	// Comments is "28 days", "For information only" (0 days), or "" when not said.
	Comments string
	// Informs is the name of the phase it should inform.
	Informs string
}

func (d *Data) buildChanges(p *plan.Plan) {
	for _, c := range earliestFirst(p.Changes, func(c plan.Change) plan.Date { return c.Date.Date }) {
		if blank(c.Summary) && blank(c.Reason) && blank(c.Version) && c.Date.Date.IsZero() {
			continue
		}
		d.Changes = append(d.Changes, Change{
			Date:    FormatDate(c.Date.Date),
			Version: wording.OneLine(c.Version),
			Summary: c.Summary,
			Reason:  MarkdownText(c.Reason),
		})
	}
}

// revised is the date of the latest dated change, or "".
func revised(p *plan.Plan) string {
	var last plan.Date
	for _, c := range p.Changes {
		if !c.Date.Date.IsZero() && (last.IsZero() || c.Date.Date.After(last)) {
			last = c.Date.Date
		}
	}
	return FormatDate(last)
}

func (d *Data) buildGrievance(p *plan.Plan) {
	g := p.Grievance
	if g == nil {
		return
	}
	out := &Grievance{
		Summary:         MarkdownText(g.Summary),
		Acknowledge:     days(g.AcknowledgeDays),
		Resolve:         days(g.ResolveDays),
		Appeal:          MarkdownText(g.Appeal),
		Confidentiality: MarkdownText(g.Confidentiality),
		Sensitive:       MarkdownText(g.Sensitive),
		Records:         MarkdownText(g.Records),
	}
	for _, c := range g.Channels {
		if blank(c.Name) {
			continue
		}
		ch := GrievanceChannel{Name: c.Name, Anonymous: yesNo(c.Anonymous), Free: yesNo(c.Free), Languages: nonBlank(c.Languages)}
		out.AnyAnonymous = out.AnyAnonymous || c.Anonymous
		out.AnyFree = out.AnyFree || c.Free
		out.AnyLanguages = out.AnyLanguages || len(ch.Languages) > 0
		out.Channels = append(out.Channels, ch)
	}
	// A column of "No" alone says nothing the plan said: leave it empty, and the
	// writers leave it out.
	for i := range out.Channels {
		if !out.AnyAnonymous {
			out.Channels[i].Anonymous = ""
		}
		if !out.AnyFree {
			out.Channels[i].Free = ""
		}
	}
	for _, t := range g.Tiers {
		if blank(t.Name) && blank(t.HandledBy) && t.AcknowledgeDays == nil && t.ResolveDays == nil {
			continue
		}
		out.Tiers = append(out.Tiers, GrievanceTier{
			Name:        wording.OneLine(t.Name),
			HandledBy:   who(p, t.HandledBy),
			Acknowledge: days(t.AcknowledgeDays),
			Resolve:     days(t.ResolveDays),
		})
	}
	if blank(g.Summary) && len(out.Channels) == 0 && len(out.Tiers) == 0 && out.Acknowledge == "" && out.Resolve == "" &&
		blank(g.Appeal) && blank(g.Confidentiality) && blank(g.Sensitive) && blank(g.Records) {
		return
	}
	d.Grievance = out
}

func (d *Data) buildDisclosure(p *plan.Plan) {
	for _, x := range p.Disclosure {
		out := Disclosure{
			ID:        x.ID,
			Document:  cmp.Or(wording.OneLine(x.Document), x.ID),
			Version:   wording.OneLine(x.Version),
			Date:      FormatDate(x.Date.Date),
			Where:     nonBlankKeepLines(x.Where),
			Languages: nonBlank(x.Languages),
			Formats:   nonBlank(x.Formats),
			Informs:   d.phaseName(x.Informs.ID),
		}
		switch {
		case x.CommentDays == nil:
		case *x.CommentDays == 0:
			out.Comments = "For information only"
		default:
			out.Comments = wording.Plural(*x.CommentDays, "day")
		}
		d.Disclosure = append(d.Disclosure, out)
	}
}
