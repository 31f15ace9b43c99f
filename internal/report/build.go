package report

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// anchors hands out HTML ids that are unique in the document, even when a plan repeats
// an id (which plan check reports, but which must not make invalid HTML). Every item's
// anchor starts with its kind (objective-, decision-, stakeholder-), which no section id,
// nor the page's main or contents, does: items can only meet each other.
type anchors map[string]bool

func (a anchors) get(base string) string {
	id := base
	for n := 2; a[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	a[id] = true
	return id
}

// Build works out the report's data from a loaded plan.
func Build(p *plan.Plan, opts Options) *Data {
	d := &Data{
		Title:            wording.OneLine(p.Title),
		Summary:          MarkdownText(p.Summary),
		Plan:             p,
		stakeholderNames: map[string]string{},
		phaseNames:       map[string]string{},
	}
	ids := anchors{}
	for _, s := range p.Stakeholders {
		if _, ok := d.stakeholderNames[s.ID]; !ok && s.ID != "" {
			d.stakeholderNames[s.ID] = cmp.Or(wording.OneLine(s.Name), s.ID)
		}
	}
	if p.Timeline != nil {
		for _, ph := range p.Timeline.Phases {
			if _, ok := d.phaseNames[ph.ID]; !ok {
				d.phaseNames[ph.ID] = wording.OneLine(ph.DisplayName())
			}
		}
	}
	d.buildMandate(p)
	d.buildContext(p)
	d.buildObjectives(p, ids)
	d.buildStakeholders(p, ids)
	d.buildRoles(p)
	d.buildBudget(p)
	d.buildPolicy(p)
	d.buildActivities(p)
	d.buildRisks(p)
	d.buildDecisions(p, ids)
	d.buildTimeline(p, opts)
	d.buildMeasures(p)
	d.buildProgress(p, opts.Records, opts.Today)
	d.Version = wording.OneLine(p.Version)
	d.buildChanges(p)
	d.buildGrievance(p)
	d.buildDisclosure(p)
	d.buildApprovals(p)
	d.buildExtensions(p)
	d.Draft = draftOf(opts.Findings)
	d.buildGaps(p, opts)
	d.buildGlance(opts)
	d.Footer = Footer{
		Generated: FormatDate(opts.Today),
		Version:   opts.Version,
		File:      filepath.Base(filepath.FromSlash(p.File)),
		Git:       opts.Git,
	}
	if p.File == "" {
		d.Footer.File = ""
	}
	if opts.Git != nil {
		d.Footer.GitDate = FormatDate(opts.Git.Date)
	}
	d.Sections = d.sections()
	return d
}

// draftOf says why a plan with these findings is a draft, or nil when it is not: an
// error remains, or a placeholder the template left (whatever its configured severity).
// What a plan:ignore comment silenced was accepted by the plan's authors and counts for
// neither.
func draftOf(fs []diag.Finding) *Draft {
	var d Draft
	for _, f := range fs {
		switch {
		case f.Rule == rules.IDPlaceholder:
			d.Placeholders++
		case f.Severity == diag.Error:
			d.Errors++
		}
	}
	if d == (Draft{}) {
		return nil
	}
	return &d
}

func (d *Data) sections() []Section {
	var out []Section
	add := func(ok bool, id, title string) {
		if ok {
			out = append(out, Section{id, title})
		}
	}
	add(true, SecGlance, "At a glance")
	add(d.Mandate != nil, SecMandate, "Mandate")
	add(d.Context != nil || len(d.PreviousEngagement) > 0, SecContext, "Context and status")
	add(len(d.Objectives) > 0, SecObjectives, "Objectives")
	add(len(d.Stakeholders) > 0, SecStakeholders, "Stakeholders")
	add(d.Grid != nil || d.Engagement != nil, SecGrid, "Power, interest and engagement")
	add(len(d.Roles) > 0, SecRoles, "Roles")
	add(d.Budget != nil, SecBudget, "Budget")
	add(d.Policy != nil, SecPolicy, "Policy")
	add(d.Grievance != nil, SecGrievance, "Grievance mechanism")
	add(len(d.Disclosure) > 0, SecDisclosure, "Disclosure")
	add(len(d.Activities) > 0, SecActivities, "Activities")
	add(len(d.Risks) > 0, SecRisks, "Risks")
	add(len(d.Decisions) > 0, SecDecisions, "Decisions")
	add(d.Timeline != nil, SecTimeline, "Timeline")
	add(len(d.Measures) > 0, SecEvaluation, "Evaluation")
	add(d.Progress != nil, SecProgress, "Progress")
	add(len(d.Changes) > 0, SecChanges, "Changes to the plan")
	add(d.Approvals != nil, SecApprovals, "Approvals")
	add(len(d.Findings) > 0, SecGaps, "Open gaps")
	add(len(d.Accepted) > 0, SecAccepted, "Accepted gaps")
	add(d.Extensions != nil, SecExtensions, "Plan extensions")
	return out
}

func (d *Data) buildMandate(p *plan.Plan) {
	m := p.Mandate
	if m == nil || (blank(m.Statement) && blank(m.Participation) && blank(m.Commitment)) {
		return
	}
	d.Mandate = &Mandate{Statement: m.Statement, Participation: m.Participation, Commitment: m.Commitment}
}

func (d *Data) buildContext(p *plan.Plan) {
	if c := p.Context; c != nil && !(blank(c.Legislative) && blank(c.Organisational) && blank(c.Government)) {
		d.Context = &Context{MarkdownText(c.Legislative), MarkdownText(c.Organisational), MarkdownText(c.Government)}
	}
	if p.Status == nil {
		return
	}
	for _, e := range earliestFirst(p.Status.PreviousEngagement, func(e plan.PreviousEngagement) plan.Date { return e.Date }) {
		if blank(e.Method) && blank(e.Result) && e.Date.IsZero() {
			continue
		}
		d.PreviousEngagement = append(d.PreviousEngagement, PreviousEngagement{Method: e.Method, Date: FormatDate(e.Date), Result: e.Result})
	}
}

// earliestFirst is a copy of list sorted by date, earliest first, as a history reads;
// undated entries keep their order at the end.
func earliestFirst[T any](list []T, date func(T) plan.Date) []T {
	list = slices.Clone(list)
	sort.SliceStable(list, func(i, j int) bool {
		a, b := date(list[i]), date(list[j])
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	return list
}

// who names a role key or a person: "Priya Sharma (engagement lead)" for a role with a
// name, the role's title for one without, and the text itself otherwise.
func who(p *plan.Plan, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	if r, ok := p.Roles.Get(ref); ok {
		names := nonBlank(r.Name.Strings())
		if len(names) == 0 && !blank(r.Organisation) {
			// An organisation fills the role when no one is named.
			names = []string{wording.OneLine(r.Organisation)}
		}
		if len(names) == 0 {
			return RoleTitle(ref)
		}
		return fmt.Sprintf("%s (%s)", strings.Join(names, ", "), lowerFirst(RoleTitle(ref)))
	}
	if _, ok := plan.RoleTitle(ref); ok {
		return RoleTitle(ref)
	}
	return wording.OneLine(ref)
}

func nonBlank(list []string) []string {
	var out []string
	for _, s := range list {
		if !blank(s) {
			out = append(out, wording.OneLine(s))
		}
	}
	return out
}

func (d *Data) buildObjectives(p *plan.Plan, ids anchors) {
	questions := map[string]string{}
	for _, dec := range p.Decisions {
		if _, ok := questions[dec.ID]; !ok {
			questions[dec.ID] = wording.OneLine(dec.Question)
		}
	}
	for _, o := range p.Objectives {
		obj := Objective{
			Anchor:      ids.get("objective-" + o.ID),
			ID:          o.ID,
			Statement:   o.Statement,
			Specific:    o.Specific,
			Measurable:  o.Measurable,
			Assignable:  who(p, o.Assignable),
			Realistic:   o.Realistic,
			TimeRelated: FormatDate(o.TimeRelated.Date),
		}
		if o.Decision.ID != "" {
			obj.Decision = cmp.Or(questions[o.Decision.ID], o.Decision.ID)
		}
		d.Objectives = append(d.Objectives, obj)
	}
}

// phaseName names the phase with the given id; an unknown id stays as written.
func (d *Data) phaseName(id string) string {
	if id == "" {
		return ""
	}
	return cmp.Or(d.phaseNames[id], id)
}

// names turns stakeholder ids into names; an unknown id stays as written.
func (d *Data) names(ids []string) []string {
	var out []string
	for _, id := range ids {
		if blank(id) {
			continue
		}
		out = append(out, cmp.Or(d.stakeholderNames[id], id))
	}
	return out
}

func (d *Data) buildRoles(p *plan.Plan) {
	for _, key := range p.Roles.Keys() {
		r, ok := p.Roles.Get(key)
		if !ok {
			continue
		}
		d.Roles = append(d.Roles, Role{
			Key:              key,
			Title:            RoleTitle(key),
			Names:            nonBlank(r.Name.Strings()),
			Contact:          r.Contact,
			Responsibilities: MarkdownText(r.Responsibilities),
			Organisation:     wording.OneLine(r.Organisation),
		})
	}
}

func (d *Data) buildBudget(p *plan.Plan) {
	b := p.Budget
	if b == nil || len(b.Items) == 0 {
		return
	}
	var total float64
	cents := false
	for _, it := range b.Items {
		total += it.Amount
		cents = cents || hasCents(it.Amount)
	}
	out := &Budget{Currency: b.Currency}
	for _, it := range b.Items {
		out.Items = append(out.Items, BudgetItem{Category: label(it.Category), Description: it.Description, Amount: formatAmount(it.Amount, cents)})
	}
	// The format gives a budget one currency; Totals is a list so that a template does
	// not change if that ever grows.
	out.Totals = []Money{{Currency: b.Currency, Amount: formatAmount(total, cents), Text: money(b.Currency, total, cents)}}
	d.Budget = out
}

func (d *Data) buildPolicy(p *plan.Plan) {
	pol := p.Policy
	if pol == nil {
		return
	}
	out := &Policy{Principles: nonBlankKeepLines(pol.Principles), ContentStrategy: MarkdownText(pol.ContentStrategy)}
	if r := pol.Response; r != nil && (r.WithinDays != nil || !blank(r.Moderation) || !blank(r.Reporting)) {
		out.Response = &Response{Within: days(r.WithinDays), Moderation: r.Moderation, Reporting: r.Reporting}
	}
	for _, t := range pol.Techniques {
		if blank(t.Tool) && blank(t.Purpose) && len(t.Stakeholders) == 0 {
			continue
		}
		out.Techniques = append(out.Techniques, Technique{Tool: t.Tool, Purpose: t.Purpose, Stakeholders: d.names(t.Stakeholders.IDs())})
	}
	if in := pol.Information; in != nil && !(blank(in.Collected) && blank(in.Privacy) && blank(in.Publication)) {
		out.Information = &Information{MarkdownText(in.Collected), MarkdownText(in.Privacy), MarkdownText(in.Publication)}
	}
	if len(out.Principles) == 0 && out.Response == nil && len(out.Techniques) == 0 && out.Information == nil && blank(pol.ContentStrategy) {
		return
	}
	d.Policy = out
}

func nonBlankKeepLines(list []string) []string {
	var out []string
	for _, s := range list {
		if !blank(s) {
			out = append(out, s)
		}
	}
	return out
}

func (d *Data) buildActivities(p *plan.Plan) {
	for _, a := range p.Activities {
		d.Activities = append(d.Activities, Activity{
			ID:       a.ID,
			Name:     cmp.Or(wording.OneLine(a.Name), a.ID),
			Kind:     label(a.Kind),
			Audience: d.names(a.Audience.IDs()),
			When:     when(a, d.phaseName(a.Phase.ID)),
			Channel:  a.Channel,
			Owner:    who(p, a.Owner),
			Feedback: yesNo(a.Feedback),
		})
	}
}

// when says when an activity happens, from its date, its phase's name and its cadence.
func when(a plan.Activity, phase string) string {
	cadence := label(a.Cadence)
	if a.Cadence == "once" {
		cadence = "Once"
	}
	var parts []string
	switch {
	case !a.Date.IsZero() && !a.Until.IsZero():
		parts = append(parts, FormatDate(a.Date)+" – "+FormatDate(a.Until.Date))
	case !a.Date.IsZero():
		parts = append(parts, FormatDate(a.Date))
	case cadence != "":
		parts = append(parts, cadence)
	}
	if a.Sessions > 1 {
		parts = append(parts, wording.Plural(a.Sessions, "session"))
	}
	if phase != "" {
		if len(parts) == 0 {
			parts = append(parts, "During "+phase)
		} else {
			parts = append(parts, "during "+phase)
		}
	}
	return strings.Join(parts, ", ")
}

func (d *Data) buildRisks(p *plan.Plan) {
	for _, r := range p.Risks {
		d.Risks = append(d.Risks, Risk{
			ID:          r.ID,
			Description: MarkdownText(r.Description),
			Likelihood:  levelLabel(r.Likelihood),
			Impact:      levelLabel(r.Impact),
			Mitigation:  MarkdownText(r.Mitigation),
			Owner:       who(p, r.Owner),
		})
	}
}

func (d *Data) buildDecisions(p *plan.Plan, ids anchors) {
	for _, dec := range p.Decisions {
		d.Decisions = append(d.Decisions, Decision{
			Anchor:        ids.get("decision-" + dec.ID),
			ID:            dec.ID,
			Question:      cmp.Or(wording.OneLine(dec.Question), dec.ID),
			Phase:         d.phaseName(dec.Phase.ID),
			DecisionMaker: who(p, dec.DecisionMaker),
			Open:          nonBlankKeepLines(dec.Open),
			NonNegotiable: nonBlankKeepLines(dec.NonNegotiable),
			ReportBack:    FormatDate(dec.ReportBack.Date),
			Outcome:       MarkdownText(dec.Outcome),
			InputUsed:     MarkdownText(dec.InputUsed),
		})
	}
}

func (d *Data) buildMeasures(p *plan.Plan) {
	if p.Evaluation == nil {
		return
	}
	objectives := map[string]Objective{}
	for _, o := range d.Objectives {
		if _, ok := objectives[o.ID]; !ok {
			objectives[o.ID] = o
		}
	}
	for _, m := range p.Evaluation.Measures {
		out := Measure{ID: m.ID, Metric: m.Metric, Target: string(m.Target), Method: m.Method}
		if o, ok := objectives[m.Objective.ID]; ok {
			out.Objective = cmp.Or(wording.OneLine(o.Statement), o.ID)
			out.ObjectiveAnchor = o.Anchor
		} else {
			out.Objective = m.Objective.ID
		}
		d.Measures = append(d.Measures, out)
	}
}

func (d *Data) buildGlance(opts Options) {
	g := Glance{
		Stakeholders: len(d.Stakeholders),
		Objectives:   len(d.Objectives),
		ShowFindings: !opts.NoFindings,
		Profile:      opts.Profile,
		Version:      d.Version,
		Revised:      revised(d.Plan),
	}
	for _, s := range d.Stakeholders {
		if s.Vulnerable {
			g.Vulnerable++
		}
	}
	if d.Budget != nil {
		g.Budget = d.Budget.Totals
	}
	if d.schedule != nil {
		for _, ph := range d.schedule.Phases {
			g.Phases = append(g.Phases, GlancePhase{
				Name:   ph.Name,
				Dates:  formatRange(ph.Start, ph.End),
				Length: Duration(ph.Days),
				Status: string(ph.Status),
			})
		}
	}
	if g.ShowFindings {
		s := diag.Summarize(opts.Findings)
		g.Errors, g.Warnings = s.Errors, s.Warnings
	}
	d.Glance = g
}
