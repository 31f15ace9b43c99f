package report

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// This file holds the parts of the report that real plans need beyond the template the
// format started from (#15): the grievance mechanism, disclosure, the plan's version and
// change log, and the details they add to stakeholders, roles, decisions and phases.

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

// StakeholderColumns are the register's optional columns, set when any stakeholder
// fills them.
type StakeholderColumns struct {
	Category, Languages, Support bool
}

// buildSections works out the parts added for real plans. It runs after the sections
// it adds details to (stakeholders, roles, decisions, timeline) are built.
func (d *Data) buildSections(p *plan.Plan) {
	d.Version = wording.OneLine(p.Version)
	d.buildChanges(p)
	d.buildGrievance(p)
	d.buildDisclosure(p)
	d.addStakeholderDetails(p)
	d.addRoleOrganisations(p)
	d.addDecisionOutcomes(p)
	d.addPhaseRounds(p)
}

func (d *Data) buildChanges(p *plan.Plan) {
	list := slices.Clone(p.Changes)
	// Earliest first, like the previous engagement; undated entries keep their order at
	// the end.
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Date.Date, list[j].Date.Date
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	for _, c := range list {
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

// days writes a number of days the plan gives ("5 days"), or "" when it gives none.
func days(n *int) string {
	if n == nil {
		return ""
	}
	return wording.Plural(*n, "day")
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
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
			Document:  orID(wording.OneLine(x.Document), x.ID),
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

func (d *Data) addStakeholderDetails(p *plan.Plan) {
	if len(d.Stakeholders) != len(p.Stakeholders) {
		return
	}
	for i, s := range p.Stakeholders {
		st := &d.Stakeholders[i]
		st.Category = levelLabel(s.Category)
		st.Partner = s.Partner
		if s.PartOf.ID != "" {
			st.PartOf = orID(d.stakeholderNames[s.PartOf.ID], s.PartOf.ID)
		}
		st.Languages = nonBlank(s.Languages)
		for _, v := range s.Support {
			if !blank(v) {
				st.Support = append(st.Support, levelLabel(v))
			}
		}
		d.StakeholderColumns.Category = d.StakeholderColumns.Category || st.Category != ""
		d.StakeholderColumns.Languages = d.StakeholderColumns.Languages || len(st.Languages) > 0
		d.StakeholderColumns.Support = d.StakeholderColumns.Support || len(st.Support) > 0
	}
}

func (d *Data) addRoleOrganisations(p *plan.Plan) {
	for i := range d.Roles {
		if r, ok := p.Roles.Get(d.Roles[i].Key); ok {
			d.Roles[i].Organisation = wording.OneLine(r.Organisation)
		}
	}
}

func (d *Data) addDecisionOutcomes(p *plan.Plan) {
	if len(d.Decisions) != len(p.Decisions) {
		return
	}
	for i, dec := range p.Decisions {
		d.Decisions[i].Outcome = MarkdownText(dec.Outcome)
		d.Decisions[i].InputUsed = MarkdownText(dec.InputUsed)
	}
}

// addPhaseRounds gives each phase of the timeline its round. The schedule keeps the
// plan's phases in order, but the match is by id so that it cannot go astray.
func (d *Data) addPhaseRounds(p *plan.Plan) {
	if d.Timeline == nil || p.Timeline == nil {
		return
	}
	rounds := map[string]int{}
	for _, ph := range p.Timeline.Phases {
		if _, ok := rounds[ph.ID]; !ok && ph.Round > 0 {
			rounds[ph.ID] = ph.Round
		}
	}
	for i := range d.Timeline.Phases {
		if r, ok := rounds[d.Timeline.Phases[i].ID]; ok {
			d.Timeline.Phases[i].Round = strconv.Itoa(r)
			d.Timeline.Rounds = true
		}
	}
}

// Who is the role's people and organisation together: "Ann Lee (Council)", the one of
// them given, or "".
func (r Role) Who() string {
	names := strings.Join(r.Names, ", ")
	switch {
	case names != "" && r.Organisation != "":
		return names + " (" + r.Organisation + ")"
	case names != "":
		return names
	}
	return r.Organisation
}
