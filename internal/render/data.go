package render

import (
	"errors"
	"fmt"
	"html/template"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/timeline"
)

// Options are what a report needs besides the plan.
type Options struct {
	// Findings are plan check's findings for the plan; they make the "Open gaps" section
	// and the counts at a glance.
	Findings []diag.Finding
	// NoFindings leaves the findings out altogether.
	NoFindings bool
	// Today is the day the Gantt chart marks and the footer gives as the generation date.
	// The zero Date draws no marker.
	Today plan.Date
	// Version is the tool's version, for the footer.
	Version string
	// Git is the plan file's history for the footer; nil leaves it out.
	Git *GitInfo
	// Template is the path of an html/template file to use instead of the built-in
	// report.html.tmpl (HTML only); "" for the built-in one.
	Template string
	// CSS is an extra stylesheet, inlined after the built-in one (HTML only).
	CSS []byte
	// Minimums and Ideals map a phase kind to a length in days, as in rules.Settings.
	Minimums, Ideals map[string]int
}

// MarkdownText is the source text of a field the format marks as Markdown. Templates turn it
// into HTML with the md function; the Markdown report rewrites it safely.
type MarkdownText string

// Data is everything a report shows, worked out once and shared by the Markdown and
// HTML writers. It is what an HTML template receives as its dot; docs/render.md lists
// every field. Slices are empty, and pointers nil, for the parts the plan lacks.
type Data struct {
	Title   string
	Summary MarkdownText
	// Sections lists the sections present, in order, for a table of contents.
	Sections []Section
	Glance   Glance

	Mandate            *Mandate
	Context            *Context
	PreviousEngagement []PreviousEngagement

	Objectives   []Objective
	Stakeholders []Stakeholder
	// Grid says which stakeholders sit where on the power/interest grid.
	Grid *Grid
	// Engagement is set when any stakeholder has an engagement assessment.
	Engagement *EngagementMatrix

	Roles      []Role
	Budget     *Budget
	Policy     *Policy
	Activities []Activity
	Risks      []Risk
	Decisions  []Decision
	Timeline   *Timeline
	Measures   []Measure
	Findings   []Finding

	Footer Footer
	// CSS is the built-in stylesheet followed by the one given with --css.
	CSS template.CSS
	// Plan is the model as loaded, for anything the fields above leave out.
	Plan *plan.Plan

	stakeholderNames map[string]string
	schedule         *timeline.Schedule
}

// Section is one entry of the table of contents.
type Section struct {
	ID, Title string
}

// Section ids, which are also the HTML anchors.
const (
	SecGlance       = "at-a-glance"
	SecMandate      = "mandate"
	SecContext      = "context"
	SecObjectives   = "objectives"
	SecStakeholders = "stakeholders"
	SecGrid         = "power-interest"
	SecRoles        = "roles"
	SecBudget       = "budget"
	SecPolicy       = "policy"
	SecActivities   = "activities"
	SecRisks        = "risks"
	SecDecisions    = "decisions"
	SecTimeline     = "timeline"
	SecEvaluation   = "evaluation"
	SecGaps         = "open-gaps"
)

// Glance is the "at a glance" block.
type Glance struct {
	Phases       []GlancePhase
	Stakeholders int
	// Vulnerable counts the stakeholders who need extra support to take part.
	Vulnerable int
	Objectives int
	Budget     []Money
	// ShowFindings is false with --no-findings; Errors and Warnings are then zero.
	ShowFindings     bool
	Errors, Warnings int
}

// GlancePhase is one phase's dates at a glance.
type GlancePhase struct {
	Name  string
	Dates string
	// Length is "4 weeks" or ""; Status is the timeline status (too-short, …).
	Length string
	Status string
}

// Mandate says why we engage, in plain text.
type Mandate struct {
	Statement, Participation, Commitment string
}

// Context is the background, Markdown each.
type Context struct {
	Legislative, Organisational, Government MarkdownText
}

// PreviousEngagement is one earlier round of engagement.
type PreviousEngagement struct {
	Method string
	Date   string
	Result string
}

// Objective is a SMART objective with its references resolved.
type Objective struct {
	// Anchor is the objective's unique HTML id.
	Anchor      string
	ID          string
	Statement   string
	Specific    string
	Measurable  string
	Assignable  string
	Realistic   string
	TimeRelated string
	// Decision is the question of the decision it informs, or the id when unknown.
	Decision string
}

// Stakeholder is one entry of the register.
type Stakeholder struct {
	Anchor        string
	ID            string
	Name          string
	Influence     string
	Impact        string
	Participation string
	// Current and Desired are engagement levels ("Neutral"), "" when not assessed.
	Current, Desired string
	Channels         []string
	Vulnerable       bool
	Contact          string
	Profile          MarkdownText
	Interest         MarkdownText
	Notes            MarkdownText
	// Quadrant is where the power/interest grid puts them, "" when not rated.
	Quadrant string
}

// HasDetails reports whether the stakeholder has a profile, interest or notes.
func (s Stakeholder) HasDetails() bool {
	return !blank(string(s.Profile)) || !blank(string(s.Interest)) || !blank(string(s.Notes))
}

// Grid is the power/interest grid: influence (power) up, impact (interest) across.
type Grid struct {
	// Cells runs from high influence to low, then from low impact to high.
	Cells []GridCell
	// Unplaced are the stakeholders without an influence or impact rating.
	Unplaced []string
	Chart    Chart
	// Mermaid is the grid as a Mermaid quadrantChart, for the Markdown report.
	Mermaid string
}

// GridCell is one of the nine cells of the grid.
type GridCell struct {
	Influence, Impact string
	Quadrant          string
	Stakeholders      []string
}

// EngagementMatrix is the engagement assessment matrix.
type EngagementMatrix struct {
	Levels []string
	Rows   []EngagementRow
	Chart  Chart
}

// EngagementRow is one stakeholder's row: for each level, "C", "D", "C D" or "".
type EngagementRow struct {
	Name  string
	Cells []string
}

// Chart is an inline SVG chart with what assistive technology reads instead.
type Chart = chart.Chart

// Role is one role of the governance table.
type Role struct {
	Key              string
	Title            string
	Names            []string
	Contact          string
	Responsibilities MarkdownText
}

// Budget is the budget with its totals.
type Budget struct {
	Currency string
	Items    []BudgetItem
	// Totals has one entry per currency.
	Totals []Money
}

// BudgetItem is one line of the budget; Amount is formatted.
type BudgetItem struct {
	Category    string
	Description string
	Amount      string
}

// Money is a total in one currency.
type Money struct {
	Currency string
	Amount   string
	// Text is currency and amount together ("AUD 47,100").
	Text string
}

// Policy is the engagement policy.
type Policy struct {
	Principles      []string
	Response        *Response
	Techniques      []Technique
	Information     *Information
	ContentStrategy MarkdownText
}

// Response is how and when enquiries are answered.
type Response struct {
	// Within is "5 days" or "".
	Within     string
	Moderation string
	Reporting  string
}

// Technique is a way of gathering input; Stakeholders are names.
type Technique struct {
	Tool, Purpose string
	Stakeholders  []string
}

// Information is what is gathered and released, Markdown each.
type Information struct {
	Collected, Privacy, Publication MarkdownText
}

// Activity is an engagement or communication activity.
type Activity struct {
	ID   string
	Name string
	Kind string
	// Audience are the invited stakeholders' names.
	Audience []string
	// When combines the date, the phase and the cadence ("Weekly, during Launch").
	When    string
	Channel string
	Owner   string
	// Feedback is "Yes" or "No".
	Feedback string
}

// Risk is an issue or risk with its mitigation.
type Risk struct {
	ID          string
	Description MarkdownText
	Likelihood  string
	Impact      string
	Mitigation  MarkdownText
	Owner       string
}

// Decision is a decision point.
type Decision struct {
	Anchor        string
	ID            string
	Question      string
	Phase         string
	DecisionMaker string
	Open          []string
	NonNegotiable []string
	ReportBack    string
}

// Timeline is the schedule: phases with their status against the minimums, milestones,
// and charts.
type Timeline struct {
	Phases     []Phase
	Milestones []Milestone
	// Verdict is the one-line judgement of plan timeline.
	Verdict string
	// Problem says why some dates cannot be worked out, "" when all can.
	Problem string
	Gantt   Chart
	// Mermaid is the gantt diagram of plan timeline --format mermaid.
	Mermaid string
}

// Phase is one phase of the timeline.
type Phase struct {
	ID, Name, Kind string
	Start, End     string
	Length         string
	Minimum        string
	// Status is the timeline status: ok, below-ideal, too-short, open or undated.
	Status string
	// StatusText says the status in words.
	StatusText string
	TooShort   bool
	Activities []string
}

// Milestone is a dated event of the timeline.
type Milestone struct {
	Date string
	Kind string
	Name string
}

// Measure is a measure of success with its objective.
type Measure struct {
	ID, Metric, Target, Method string
	// Objective is the objective's statement (or id when unknown); ObjectiveAnchor its
	// HTML id, "" when there is no such objective.
	Objective       string
	ObjectiveAnchor string
}

// Finding is one open gap.
type Finding struct {
	Severity string
	Line     int
	Message  string
	Rule     string
}

// Footer is what the report says about itself.
type Footer struct {
	Generated string
	Version   string
	// File is the plan's file name, without its directory.
	File string
	Git  *GitInfo
	// GitDate is the last commit's date, formatted.
	GitDate string
}

// anchors hands out HTML ids that are unique in the document, even when a plan repeats
// an id (which plan check reports, but which must not make invalid HTML).
type anchors map[string]bool

func (a anchors) get(base string) string {
	id := base
	for n := 2; a[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	a[id] = true
	return id
}

// build works out the report's data.
func build(p *plan.Plan, opts Options) *Data {
	d := &Data{
		Title:            plan.OneLine(p.Title),
		Summary:          MarkdownText(p.Summary),
		Plan:             p,
		stakeholderNames: map[string]string{},
	}
	ids := anchors{}
	for _, s := range []string{"main", "contents", SecGlance, SecMandate, SecContext, SecObjectives, SecStakeholders,
		SecGrid, SecRoles, SecBudget, SecPolicy, SecActivities, SecRisks, SecDecisions, SecTimeline, SecEvaluation, SecGaps} {
		ids[s] = true
	}
	for _, s := range p.Stakeholders {
		if _, ok := d.stakeholderNames[s.ID]; !ok && s.ID != "" {
			d.stakeholderNames[s.ID] = orID(plan.OneLine(s.Name), s.ID)
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
	if !opts.NoFindings {
		for _, f := range opts.Findings {
			d.Findings = append(d.Findings, Finding{Severity: f.Severity.String(), Line: f.Line, Message: f.Message, Rule: f.Rule})
		}
	}
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

func orID(name, id string) string {
	if name == "" {
		return id
	}
	return name
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
	add(len(d.Activities) > 0, SecActivities, "Activities")
	add(len(d.Risks) > 0, SecRisks, "Risks")
	add(len(d.Decisions) > 0, SecDecisions, "Decisions")
	add(d.Timeline != nil, SecTimeline, "Timeline")
	add(len(d.Measures) > 0, SecEvaluation, "Evaluation")
	add(len(d.Findings) > 0, SecGaps, "Open gaps")
	return out
}

// Has reports whether the section with the given id is present.
func (d *Data) Has(id string) bool {
	for _, s := range d.Sections {
		if s.ID == id {
			return true
		}
	}
	return false
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
	list := slices.Clone(p.Status.PreviousEngagement)
	// Earliest first, as a history reads; undated entries keep their order at the end.
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Date, list[j].Date
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.Before(b)
	})
	for _, e := range list {
		if blank(e.Method) && blank(e.Result) && e.Date.IsZero() {
			continue
		}
		d.PreviousEngagement = append(d.PreviousEngagement, PreviousEngagement{Method: e.Method, Date: FormatDate(e.Date), Result: e.Result})
	}
}

// who names a role key or a person: "Priya Sharma (engagement lead)" for a role with a
// name, the role's title for one without, and the text itself otherwise.
func who(p *plan.Plan, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	if r, ok := p.Roles[ref]; ok {
		names := nonBlank(r.Name)
		if len(names) == 0 {
			return RoleTitle(ref)
		}
		return fmt.Sprintf("%s (%s)", strings.Join(names, ", "), lowerFirst(RoleTitle(ref)))
	}
	if _, ok := plan.RoleTitle(ref); ok {
		return RoleTitle(ref)
	}
	return plan.OneLine(ref)
}

func nonBlank(list []string) []string {
	var out []string
	for _, s := range list {
		if !blank(s) {
			out = append(out, plan.OneLine(s))
		}
	}
	return out
}

func (d *Data) buildObjectives(p *plan.Plan, ids anchors) {
	questions := map[string]string{}
	for _, dec := range p.Decisions {
		if _, ok := questions[dec.ID]; !ok {
			questions[dec.ID] = plan.OneLine(dec.Question)
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
			TimeRelated: FormatDate(o.TimeRelated),
		}
		if o.Decision != "" {
			obj.Decision = orID(questions[o.Decision], o.Decision)
		}
		d.Objectives = append(d.Objectives, obj)
	}
}

// levelLabel writes a level or enum value as a word, "" when absent.
func levelLabel(s string) string { return label(strings.TrimSpace(s)) }

func (d *Data) buildStakeholders(p *plan.Plan, ids anchors) {
	anyEngagement := false
	for _, s := range p.Stakeholders {
		st := Stakeholder{
			Anchor:        ids.get("stakeholder-" + s.ID),
			ID:            s.ID,
			Name:          orID(plan.OneLine(s.Name), s.ID),
			Influence:     levelLabel(s.Influence),
			Impact:        levelLabel(s.Impact),
			Participation: levelLabel(s.Participation),
			Channels:      nonBlank(s.Channels),
			Vulnerable:    s.Vulnerable,
			Contact:       s.Contact,
			Profile:       MarkdownText(s.Profile),
			Interest:      MarkdownText(s.Interest),
			Notes:         MarkdownText(s.Notes),
			Quadrant:      quadrant(s.Influence, s.Impact),
		}
		if s.Engagement != nil {
			st.Current, st.Desired = levelLabel(s.Engagement.Current), levelLabel(s.Engagement.Desired)
			anyEngagement = anyEngagement || st.Current != "" || st.Desired != ""
		}
		d.Stakeholders = append(d.Stakeholders, st)
	}
	d.buildGrid(p)
	if anyEngagement {
		d.buildMatrix(p)
	}
}

func levelIndex(s string) int { return slices.Index(plan.Levels, strings.TrimSpace(s)) }

// quadrant names where influence and impact put a stakeholder: one of the four
// quadrants, or between two of them when a rating is medium.
func quadrant(influence, impact string) string {
	i, j := levelIndex(influence), levelIndex(impact)
	if i < 0 || j < 0 {
		return ""
	}
	names := [3][3]string{
		// influence low: impact low, medium, high
		{"Monitor", "Between monitor and keep informed", "Keep informed"},
		{"Between monitor and keep satisfied", "Centre of the grid", "Between keep informed and manage closely"},
		{"Keep satisfied", "Between keep satisfied and manage closely", "Manage closely"},
	}
	return names[i][j]
}

func (d *Data) buildGrid(p *plan.Plan) {
	g := &Grid{}
	var cells [3][3][]string
	placed := 0
	for _, s := range d.Stakeholders {
		i, j := levelIndex(strings.ToLower(s.Influence)), levelIndex(strings.ToLower(s.Impact))
		if i < 0 || j < 0 {
			g.Unplaced = append(g.Unplaced, s.Name)
			continue
		}
		cells[i][j] = append(cells[i][j], s.Name)
		placed++
	}
	if placed == 0 {
		return
	}
	for i := 2; i >= 0; i-- {
		for j := 0; j < 3; j++ {
			g.Cells = append(g.Cells, GridCell{
				Influence:    label(plan.Levels[i]),
				Impact:       label(plan.Levels[j]),
				Quadrant:     quadrant(plan.Levels[i], plan.Levels[j]),
				Stakeholders: cells[i][j],
			})
		}
	}
	var names [9][]string
	for k, c := range g.Cells {
		names[k] = c.Stakeholders
	}
	g.Chart = chart.Grid(names, len(g.Unplaced))
	g.Mermaid = chart.GridMermaid(names)
	d.Grid = g
}

func (d *Data) buildMatrix(p *plan.Plan) {
	m := &EngagementMatrix{}
	for _, l := range plan.EngagementLevels {
		m.Levels = append(m.Levels, label(l))
	}
	var rows []chart.MatrixRow
	for _, s := range d.Stakeholders {
		if s.Current == "" && s.Desired == "" {
			continue
		}
		rows = append(rows, chart.MatrixRow{Name: s.Name, Current: slices.Index(m.Levels, s.Current), Desired: slices.Index(m.Levels, s.Desired)})
		row := EngagementRow{Name: s.Name, Cells: make([]string, len(m.Levels))}
		for i, l := range m.Levels {
			var marks []string
			if s.Current == l {
				marks = append(marks, "C")
			}
			if s.Desired == l {
				marks = append(marks, "D")
			}
			row.Cells[i] = strings.Join(marks, " ")
		}
		m.Rows = append(m.Rows, row)
	}
	m.Chart = chart.Matrix(m.Levels, rows)
	d.Engagement = m
}

// names turns stakeholder ids into names; an unknown id stays as written.
func (d *Data) names(ids []string) []string {
	var out []string
	for _, id := range ids {
		if blank(id) {
			continue
		}
		out = append(out, orID(d.stakeholderNames[id], id))
	}
	return out
}

func (d *Data) buildRoles(p *plan.Plan) {
	for _, key := range p.RoleOrder {
		r, ok := p.Roles[key]
		if !ok {
			continue
		}
		d.Roles = append(d.Roles, Role{
			Key:              key,
			Title:            RoleTitle(key),
			Names:            nonBlank(r.Name),
			Contact:          r.Contact,
			Responsibilities: MarkdownText(r.Responsibilities),
		})
	}
}

func (d *Data) buildBudget(p *plan.Plan) {
	b := p.Budget
	if b == nil || len(b.Items) == 0 {
		return
	}
	amounts := make([]float64, len(b.Items))
	var total float64
	for i, it := range b.Items {
		amounts[i] = it.Amount
		total += it.Amount
	}
	cents := hasCents(amounts)
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
		resp := &Response{Moderation: r.Moderation, Reporting: r.Reporting}
		if r.WithinDays != nil {
			resp.Within = plan.Plural(*r.WithinDays, "day")
		}
		out.Response = resp
	}
	for _, t := range pol.Techniques {
		if blank(t.Tool) && blank(t.Purpose) && len(t.Stakeholders) == 0 {
			continue
		}
		out.Techniques = append(out.Techniques, Technique{Tool: t.Tool, Purpose: t.Purpose, Stakeholders: d.names(t.Stakeholders)})
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
	phaseNames := map[string]string{}
	if p.Timeline != nil {
		for _, ph := range p.Timeline.Phases {
			if _, ok := phaseNames[ph.ID]; !ok {
				phaseNames[ph.ID] = plan.OneLine(ph.DisplayName())
			}
		}
	}
	for _, a := range p.Activities {
		feedback := "No"
		if a.Feedback {
			feedback = "Yes"
		}
		d.Activities = append(d.Activities, Activity{
			ID:       a.ID,
			Name:     orID(plan.OneLine(a.Name), a.ID),
			Kind:     label(a.Kind),
			Audience: d.names(a.Audience),
			When:     when(a, phaseNames),
			Channel:  a.Channel,
			Owner:    who(p, a.Owner),
			Feedback: feedback,
		})
	}
}

// when says when an activity happens, from its date, phase and cadence.
func when(a plan.Activity, phaseNames map[string]string) string {
	phase := ""
	if a.Phase != "" {
		phase = orID(phaseNames[a.Phase], a.Phase)
	}
	cadence := label(a.Cadence)
	if a.Cadence == "once" {
		cadence = "Once"
	}
	var parts []string
	if !a.Date.IsZero() {
		parts = append(parts, FormatDate(a.Date))
	} else if cadence != "" {
		parts = append(parts, cadence)
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
	phaseNames := map[string]string{}
	if p.Timeline != nil {
		for _, ph := range p.Timeline.Phases {
			if _, ok := phaseNames[ph.ID]; !ok {
				phaseNames[ph.ID] = plan.OneLine(ph.DisplayName())
			}
		}
	}
	for _, dec := range p.Decisions {
		out := Decision{
			Anchor:        ids.get("decision-" + dec.ID),
			ID:            dec.ID,
			Question:      orID(plan.OneLine(dec.Question), dec.ID),
			DecisionMaker: who(p, dec.DecisionMaker),
			Open:          nonBlankKeepLines(dec.Open),
			NonNegotiable: nonBlankKeepLines(dec.NonNegotiable),
			ReportBack:    FormatDate(dec.ReportBack),
		}
		if dec.Phase != "" {
			out.Phase = orID(phaseNames[dec.Phase], dec.Phase)
		}
		d.Decisions = append(d.Decisions, out)
	}
}

func (d *Data) buildTimeline(p *plan.Plan, opts Options) {
	s, err := timeline.Build(p, timeline.Options{Minimums: opts.Minimums, Ideals: opts.Ideals, Today: opts.Today})
	if s == nil {
		return
	}
	t := &Timeline{Verdict: s.Verdict()}
	if te := (*timeline.Error)(nil); errors.As(err, &te) {
		t.Problem = te.Message
		if te.Phase != "" {
			t.Problem = fmt.Sprintf("the dates of phase %q cannot be worked out: %s", te.Phase, te.Reason)
		}
	} else if err != nil {
		t.Problem = err.Error()
	}
	for _, ph := range s.Phases {
		out := Phase{
			ID:         ph.ID,
			Name:       ph.Name,
			Kind:       label(ph.Kind),
			Start:      FormatDate(ph.Start),
			End:        FormatDate(ph.End),
			Length:     Duration(ph.Days),
			Minimum:    Duration(ph.Minimum),
			Status:     string(ph.Status),
			TooShort:   ph.Status == timeline.StatusTooShort,
			Activities: nonBlankKeepLines(ph.Activities),
		}
		switch ph.Status {
		case timeline.StatusOK:
			if ph.Minimum > 0 {
				out.StatusText = "Meets the minimum"
			} else {
				out.StatusText = "No minimum"
			}
		case timeline.StatusBelowIdeal:
			out.StatusText = fmt.Sprintf("Below the ideal of %s", Duration(ph.Ideal))
		case timeline.StatusTooShort:
			out.StatusText = fmt.Sprintf("Too short: %s under the minimum", Duration(ph.Minimum-ph.Days))
		case timeline.StatusOpen:
			out.StatusText = "Open-ended"
			out.End = "open-ended"
		case timeline.StatusUndated:
			out.StatusText = "Dates cannot be worked out: " + ph.Reason
		}
		t.Phases = append(t.Phases, out)
	}
	for _, m := range s.Milestones {
		t.Milestones = append(t.Milestones, Milestone{Date: FormatDate(m.Date), Kind: label(string(m.Kind)), Name: m.Name})
	}
	var b strings.Builder
	if err := timeline.WriteMermaid(&b, s); err == nil {
		t.Mermaid = b.String()
	}
	t.Gantt = chart.Gantt(s)
	d.Timeline = t
	d.schedule = s
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
		if o, ok := objectives[m.Objective]; ok {
			out.Objective = orID(plan.OneLine(o.Statement), o.ID)
			out.ObjectiveAnchor = o.Anchor
		} else {
			out.Objective = m.Objective
		}
		d.Measures = append(d.Measures, out)
	}
}

func (d *Data) buildGlance(opts Options) {
	g := Glance{
		Stakeholders: len(d.Stakeholders),
		Objectives:   len(d.Objectives),
		ShowFindings: !opts.NoFindings,
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
