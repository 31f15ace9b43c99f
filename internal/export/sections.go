package export

import "github.com/planascode/plan/internal/plan"

// sectionTables are the sections in the order of Sections. Columns are named for the
// key they come from (a nested key by its path, engagement.current) and ordered as a
// reader of the register looks for them: who or what, how it is classed, the assessment,
// then the long text. Once released, a column is only ever added at the end.
var sectionTables = []struct {
	name  string
	build func(*plan.Plan) *Table
}{
	{"stakeholders", stakeholders},
	{"activities", activities},
	{"risks", risks},
	{"decisions", decisions},
	{"phases", phases},
	{"measures", measures},
}

func stakeholders(p *plan.Plan) *Table {
	return table("stakeholders", "Stakeholders", p.Stakeholders, []column[plan.Stakeholder]{
		{"id", func(s *plan.Stakeholder) Cell { return text(s.ID) }},
		{"name", func(s *plan.Stakeholder) Cell { return text(s.Name) }},
		{"category", func(s *plan.Stakeholder) Cell { return text(s.Category) }},
		{"part_of", func(s *plan.Stakeholder) Cell { return text(s.PartOf.ID) }},
		{"partner", func(s *plan.Stakeholder) Cell { return boolean(s.Partner) }},
		{"vulnerable", func(s *plan.Stakeholder) Cell { return boolean(s.Vulnerable) }},
		{"influence", func(s *plan.Stakeholder) Cell { return text(s.Influence) }},
		{"impact", func(s *plan.Stakeholder) Cell { return text(s.Impact) }},
		{"participation", func(s *plan.Stakeholder) Cell { return text(s.Participation) }},
		{"engagement.current", func(s *plan.Stakeholder) Cell { return text(engagement(s).Current) }},
		{"engagement.desired", func(s *plan.Stakeholder) Cell { return text(engagement(s).Desired) }},
		{"channels", func(s *plan.Stakeholder) Cell { return list(s.Channels) }},
		{"languages", func(s *plan.Stakeholder) Cell { return list(s.Languages) }},
		{"support", func(s *plan.Stakeholder) Cell { return list(s.Support) }},
		{"contact", func(s *plan.Stakeholder) Cell { return text(s.Contact) }},
		{"profile", func(s *plan.Stakeholder) Cell { return text(s.Profile) }},
		{"interest", func(s *plan.Stakeholder) Cell { return text(s.Interest) }},
		{"notes", func(s *plan.Stakeholder) Cell { return text(s.Notes) }},
	})
}

// engagement is a stakeholder's row of the engagement matrix, empty when the plan
// assesses none.
func engagement(s *plan.Stakeholder) plan.Engagement {
	if s.Engagement == nil {
		return plan.Engagement{}
	}
	return *s.Engagement
}

func activities(p *plan.Plan) *Table {
	return table("activities", "Activities", p.Activities, []column[plan.Activity]{
		{"id", func(a *plan.Activity) Cell { return text(a.ID) }},
		{"name", func(a *plan.Activity) Cell { return text(a.Name) }},
		{"kind", func(a *plan.Activity) Cell { return text(a.Kind) }},
		{"phase", func(a *plan.Activity) Cell { return text(a.Phase.ID) }},
		{"audience", func(a *plan.Activity) Cell { return list(a.Audience.IDs()) }},
		{"date", func(a *plan.Activity) Cell { return date(a.Date) }},
		{"until", func(a *plan.Activity) Cell { return date(a.Until.Date) }},
		{"cadence", func(a *plan.Activity) Cell { return text(a.Cadence) }},
		{"sessions", func(a *plan.Activity) Cell { return count(a.Sessions) }},
		{"channel", func(a *plan.Activity) Cell { return text(a.Channel) }},
		{"owner", func(a *plan.Activity) Cell { return text(a.Owner) }},
		{"feedback", func(a *plan.Activity) Cell { return boolean(a.Feedback) }},
	})
}

func risks(p *plan.Plan) *Table {
	return table("risks", "Risks", p.Risks, []column[plan.Risk]{
		{"id", func(r *plan.Risk) Cell { return text(r.ID) }},
		{"description", func(r *plan.Risk) Cell { return text(r.Description) }},
		{"likelihood", func(r *plan.Risk) Cell { return text(r.Likelihood) }},
		{"impact", func(r *plan.Risk) Cell { return text(r.Impact) }},
		{"owner", func(r *plan.Risk) Cell { return text(r.Owner) }},
		{"mitigation", func(r *plan.Risk) Cell { return text(r.Mitigation) }},
	})
}

func decisions(p *plan.Plan) *Table {
	return table("decisions", "Decisions", p.Decisions, []column[plan.Decision]{
		{"id", func(d *plan.Decision) Cell { return text(d.ID) }},
		{"question", func(d *plan.Decision) Cell { return text(d.Question) }},
		{"phase", func(d *plan.Decision) Cell { return text(d.Phase.ID) }},
		{"decision_maker", func(d *plan.Decision) Cell { return text(d.DecisionMaker) }},
		{"report_back", func(d *plan.Decision) Cell { return date(d.ReportBack.Date) }},
		{"open", func(d *plan.Decision) Cell { return list(d.Open) }},
		{"non_negotiable", func(d *plan.Decision) Cell { return list(d.NonNegotiable) }},
		{"outcome", func(d *plan.Decision) Cell { return text(d.Outcome) }},
		{"input_used", func(d *plan.Decision) Cell { return text(d.InputUsed) }},
	})
}

// phaseRow is a phase with the dates plan works out for it, which a phase given in weeks
// after another does not write.
type phaseRow struct {
	*plan.Phase
	resolved plan.ResolvedPhase
}

func phases(p *plan.Plan) *Table {
	resolved := p.ResolvePhases()
	items := make([]phaseRow, len(resolved))
	for i, r := range resolved {
		items[i] = phaseRow{Phase: r.Phase, resolved: r}
	}
	return table("phases", "Phases", items, []column[phaseRow]{
		{"id", func(ph *phaseRow) Cell { return text(ph.ID) }},
		// A phase without a name is called by its kind everywhere plan shows it.
		{"name", func(ph *phaseRow) Cell { return text(ph.DisplayName()) }},
		{"kind", func(ph *phaseRow) Cell { return text(ph.Kind) }},
		{"round", func(ph *phaseRow) Cell { return count(ph.Round) }},
		{"start", func(ph *phaseRow) Cell { return date(ph.Start) }},
		{"end", func(ph *phaseRow) Cell { return date(ph.End) }},
		{"weeks", func(ph *phaseRow) Cell { return count(ph.Weeks) }},
		{"days", func(ph *phaseRow) Cell { return count(ph.Days) }},
		{"activities", func(ph *phaseRow) Cell { return list(ph.Activities) }},
		{"resolved_start", func(ph *phaseRow) Cell { return date(ph.resolved.Start) }},
		{"resolved_end", func(ph *phaseRow) Cell { return date(ph.resolved.End) }},
	})
}

func measures(p *plan.Plan) *Table {
	var items []plan.Measure
	if p.Evaluation != nil {
		items = p.Evaluation.Measures
	}
	return table("measures", "Measures", items, []column[plan.Measure]{
		{"id", func(m *plan.Measure) Cell { return text(m.ID) }},
		{"metric", func(m *plan.Measure) Cell { return text(m.Metric) }},
		{"target", func(m *plan.Measure) Cell { return text(string(m.Target)) }},
		{"method", func(m *plan.Measure) Cell { return text(m.Method) }},
		{"objective", func(m *plan.Measure) Cell { return text(m.Objective.ID) }},
	})
}
