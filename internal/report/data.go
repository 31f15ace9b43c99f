package report

import (
	"html/template"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/timeline"
	"github.com/planascode/plan/internal/wording"
)

// Options are what a report needs besides the plan.
type Options struct {
	// Findings are plan check's findings for the plan; they make the "Open gaps" section
	// and the counts at a glance, and an error or a placeholder among them makes the
	// report a draft (with NoFindings too).
	Findings []diag.Finding
	// Silenced are the findings the plan's plan:ignore comments silenced, with their
	// reasons, for the "Accepted gaps" appendix.
	Silenced []diag.Silenced
	// NoFindings leaves the findings out altogether.
	NoFindings bool
	// WithFindings keeps the tooling detail a sponsor has no use for: each gap's line and
	// rule id, and the unused-ignore findings about the plan's own comments.
	WithFindings bool
	// Today is the day the Gantt chart marks and the footer gives as the generation date.
	// The zero Date draws no marker.
	Today plan.Date
	// Version is the tool's version, for the footer.
	Version string
	// Git is the plan file's history for the footer; nil leaves it out.
	Git *GitInfo
	// Minimums and Ideals map a phase kind to a length in days, as in rules.Settings.
	Minimums, Ideals map[string]int
	// Profile names the kind of plan it was checked as ("World Bank ESS10 Stakeholder
	// Engagement Plan (ess10)"); "" leaves it out.
	Profile string
	// Records are the plan's engagement records (record.Load); those dated by Today make
	// the progress section. nil, or none by Today, leaves it out.
	Records *record.Set
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

	Roles  []Role
	Budget *Budget
	Policy *Policy
	// Grievance is the grievance mechanism; Disclosure the documents published.
	Grievance  *Grievance
	Disclosure []Disclosure
	Activities []Activity
	Risks      []Risk
	Decisions  []Decision
	Timeline   *Timeline
	Measures   []Measure
	// Progress is what the records show had happened by the report's day; nil when the
	// plan has no records by then.
	Progress *Progress
	// Version is the plan's own version; Changes its change log, earliest first.
	Version  string
	Changes  []Change
	Findings []Finding
	// Approvals is the plan's sign-off record; nil when it has none.
	Approvals *Approvals
	// Accepted are the gaps the plan's authors accepted, each with their reason.
	Accepted []Accepted
	// FindingDetail is set with --with-findings: gaps show their line and rule id.
	FindingDetail bool
	// Draft says why the report is a draft; nil when it is not.
	Draft *Draft
	// Extensions are the plan's own x_ fields, for the appendix; nil when it has none.
	Extensions *Extensions
	// StakeholderColumns says which of the register's optional columns any stakeholder
	// fills, so that a column nobody fills is left out.
	StakeholderColumns StakeholderColumns

	Footer Footer
	// CSS is the built-in stylesheet followed by the one given with --css; the HTML writer
	// sets it in the copy it gives the template.
	CSS template.CSS
	// Plan is the model as loaded, for anything the fields above leave out.
	Plan *plan.Plan

	stakeholderNames map[string]string
	phaseNames       map[string]string
	schedule         *timeline.Schedule
}

// Has reports whether the section with the given id is present.
func (d *Data) Has(id string) bool {
	return slices.ContainsFunc(d.Sections, func(s Section) bool { return s.ID == id })
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
	SecGrievance    = "grievance"
	SecDisclosure   = "disclosure"
	SecActivities   = "activities"
	SecRisks        = "risks"
	SecDecisions    = "decisions"
	SecTimeline     = "timeline"
	SecEvaluation   = "evaluation"
	SecChanges      = "changes"
	SecGaps         = "open-gaps"
	SecAccepted     = "accepted-gaps"
	SecExtensions   = "extensions"
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
	// Profile is the kind of plan it was checked as, or "".
	Profile string
	// Version is the plan's own version, or ""; Revised the date of its latest change.
	Version, Revised string
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
	// Category is the profile's category in words ("Project affected"); Partner marks
	// a partner or governing body; PartOf names the group they belong to.
	Category string
	Partner  bool
	PartOf   string
	// Languages they use; Support they need to take part, in words ("Interpreters").
	Languages []string
	Support   []string
}

// HasDetails reports whether the stakeholder has a profile, interest or notes.
func (s Stakeholder) HasDetails() bool {
	return !blank(string(s.Profile)) || !blank(string(s.Interest)) || !blank(string(s.Notes))
}

// StakeholderColumns are the register's optional columns, set when any stakeholder
// fills them.
type StakeholderColumns struct {
	Category, Languages, Support bool
}

// Grid is the power/interest grid: influence (power) up, impact (interest) across.
type Grid struct {
	// Cells runs from high influence to low, then from low impact to high.
	Cells []GridCell
	// Unplaced are the stakeholders without an influence or impact rating, each a name
	// and the rating it lacks: "Residents (no impact rating)".
	Unplaced []string
	Chart    chart.Chart
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
	Chart  chart.Chart
}

// EngagementRow is one stakeholder's row: for each level, "C", "D", "C D" or "".
type EngagementRow struct {
	Name  string
	Cells []string
}

// Role is one role of the governance table.
type Role struct {
	Key              string
	Title            string
	Names            []string
	Contact          string
	Responsibilities MarkdownText
	// Organisation holds the role, as well as or instead of the named people.
	Organisation string
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
	// Outcome is what was decided; InputUsed how stakeholders' input was used.
	Outcome, InputUsed MarkdownText
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
	Gantt   chart.Chart
	// Mermaid is the gantt diagram of plan timeline --format mermaid.
	Mermaid string
	// Rounds is set when any phase belongs to a numbered round.
	Rounds bool
	// AnyActivities is set when any phase lists what happens in it, and the phase
	// table has a column for it.
	AnyActivities bool
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
	// Round is the round of engagement or wave the phase belongs to ("2"), or "".
	Round string
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

// Accepted is a gap an inline plan:ignore comment silenced, with the comment's reason
// ("" when it gives none).
type Accepted struct {
	Finding
	Reason string
}

// Draft is why a report is a draft: the errors plan check still finds, and how many of
// them (of any severity) are template placeholders left in.
type Draft struct {
	// Errors counts the errors that are not placeholders.
	Errors       int
	Placeholders int
}

// Reason says what is left, for the draft notice: "2 errors and 1 placeholder left from
// the template".
func (d *Draft) Reason() string { return wording.List(d.Left()) }

// Left lists what is left in words, for a sentence that adds more.
func (d *Draft) Left() []string {
	var parts []string
	if d.Errors > 0 {
		parts = append(parts, wording.Plural(d.Errors, "error"))
	}
	if d.Placeholders > 0 {
		parts = append(parts, wording.Plural(d.Placeholders, "placeholder")+" left from the template")
	}
	return parts
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

// GitInfo is what the footer says about the plan file's history. A nil *GitInfo means
// the file is not in a git repository (or git is not installed), and the footer says
// nothing about history.
type GitInfo struct {
	// Commit is the full hash of the last commit that changed the file; "" when the
	// file has never been committed.
	Commit string
	// Date is that commit's committer date.
	Date plan.Date
	// Modified is set when the working copy differs from the last commit (or the file
	// is not yet tracked).
	Modified bool
	// Untracked is set when git does not track the file at all.
	Untracked bool
}

// ShortCommit is the commit hash cut to 12 characters, as people quote it.
func (g *GitInfo) ShortCommit() string {
	if g == nil {
		return ""
	}
	if len(g.Commit) > 12 {
		return g.Commit[:12]
	}
	return g.Commit
}
