package plan

import (
	"fmt"
	"reflect"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// Plan is a loaded plan file: the typed model plus the node tree it came from, so that
// every finding can point at a line and column.
type Plan struct {
	// File is the path the plan was read from, as the user named it.
	File string `yaml:"-"`
	// Source is the file's bytes as read (BOM included), for snippets and byte-exact edits.
	Source []byte `yaml:"-"`
	// Root is the top-level mapping node.
	Root *yaml.Node `yaml:"-"`
	// Position's Node is Root; KeyOf finds each section's key.
	Position `yaml:"-"`

	SchemaVersion int    `yaml:"schema_version"`
	Title         string `yaml:"title"`
	// Profile names the kind of plan, which says how it is checked ("" for the default).
	Profile Text `yaml:"profile"`
	// Version and Changes are the plan\'s own version and its change log.
	Version      string        `yaml:"version"`
	Changes      []Change      `yaml:"changes"`
	Approvals    []Approval    `yaml:"approvals"`
	Summary      string        `yaml:"summary"`
	Mandate      *Mandate      `yaml:"mandate"`
	Context      *Context      `yaml:"context"`
	Status       *Status       `yaml:"status"`
	Objectives   []Objective   `yaml:"objectives"`
	Stakeholders []Stakeholder `yaml:"stakeholders"`
	Roles        Roles         `yaml:"roles"`
	Budget       *Budget       `yaml:"budget"`
	Policy       *Policy       `yaml:"policy"`
	Grievance    *Grievance    `yaml:"grievance"`
	Disclosure   []Disclosure  `yaml:"disclosure"`
	Activities   []Activity    `yaml:"activities"`
	Risks        []Risk        `yaml:"risks"`
	Decisions    []Decision    `yaml:"decisions"`
	Timeline     *Timeline     `yaml:"timeline"`
	Evaluation   *Evaluation   `yaml:"evaluation"`
	// Records is the folder of the plan's engagement records, relative to the plan's own
	// folder ("" for the default, <name>.records beside the plan; see internal/record).
	Records Text `yaml:"records"`
}

// Mandate says why we engage.
type Mandate struct {
	Position      `yaml:"-"`
	Statement     string `yaml:"statement"`
	Participation string `yaml:"participation"`
	Commitment    string `yaml:"commitment"`
}

// Context is the legislative, organisational and government background, Markdown each.
type Context struct {
	Legislative    string `yaml:"legislative"`
	Organisational string `yaml:"organisational"`
	Government     string `yaml:"government"`
}

// Status records engagement that has already happened.
type Status struct {
	PreviousEngagement []PreviousEngagement `yaml:"previous_engagement"`
}

// PreviousEngagement is one earlier round of engagement and what came of it.
type PreviousEngagement struct {
	Method string `yaml:"method"`
	Date   Date   `yaml:"date"`
	Result string `yaml:"result"`
}

// Objective is a SMART objective; the field names follow the source template.
type Objective struct {
	Position    `yaml:"-"`
	ID          string `yaml:"id"`
	Statement   string `yaml:"statement"`
	Specific    string `yaml:"specific"`
	Measurable  string `yaml:"measurable"`
	Assignable  string `yaml:"assignable"`
	Realistic   string `yaml:"realistic"`
	TimeRelated DateAt `yaml:"time_related"`
	Decision    Ref    `yaml:"decision"`
}

// Stakeholder is one entry of the stakeholder register.
type Stakeholder struct {
	Position      `yaml:"-"`
	ID            string      `yaml:"id"`
	Name          string      `yaml:"name"`
	Profile       string      `yaml:"profile"`
	Interest      string      `yaml:"interest"`
	Influence     string      `yaml:"influence"`
	Impact        string      `yaml:"impact"`
	Participation string      `yaml:"participation"`
	Engagement    *Engagement `yaml:"engagement"`
	Channels      []string    `yaml:"channels"`
	Vulnerable    bool        `yaml:"vulnerable"`
	// Category is one of the values the profile defines (ESS10: project-affected, …).
	Category string `yaml:"category"`
	// Partner marks a partner or governing body, engaged through governance rather than
	// as an audience.
	Partner   bool     `yaml:"partner"`
	PartOf    Ref      `yaml:"part_of"`
	Languages []string `yaml:"languages"`
	Support   []string `yaml:"support"`
	Contact   string   `yaml:"contact"`
	Notes     string   `yaml:"notes"`
}

// Engagement is a stakeholder's row of the engagement assessment matrix.
type Engagement struct {
	Current string `yaml:"current"`
	Desired string `yaml:"desired"`
}

// SupportKinds are the values of a stakeholder's support, in the schema's order.
var SupportKinds = []string{
	"interpreters", "translation", "accessible_formats", "sign_language", "transport",
	"childcare", "devices", "connectivity", "venue_access", "other",
}

// Levels are the values of influence, impact and likelihood, from lowest to highest.
var Levels = []string{"low", "medium", "high"}

// ParticipationLevels is the IAP2 spectrum, from least to most input.
var ParticipationLevels = []string{"inform", "consult", "involve", "collaborate", "empower"}

// roleTitles spells out the well-known role keys, since "sro" alone means little to
// someone who has not read the template.
var roleTitles = map[string]string{
	"sro":                   "senior responsible officer",
	"project_manager":       "project manager",
	"engagement_lead":       "engagement lead",
	"subject_matter_expert": "subject matter expert",
	"content_editor":        "content editor",
	"technical_support":     "technical support",
}

// RoleTitle returns the format's name for a well-known role key, in lower case, and
// false for a custom role.
func RoleTitle(key string) (string, bool) {
	t, ok := roleTitles[key]
	return t, ok
}

// EngagementLevels lists the engagement assessment matrix columns from lowest to highest.
var EngagementLevels = []string{"unaware", "resistant", "neutral", "supportive", "leading"}

// EngagementRank returns the position of level in EngagementLevels, or -1.
func EngagementRank(level string) int { return slices.Index(EngagementLevels, level) }

// Roles are the plan's roles by key, in file order. Keys are the author's (a well-known
// one such as sro, or their own); x_* keys are extensions, not roles.
type Roles struct {
	Position
	byKey map[string]*Role
	order []string
}

// Get returns the role under key.
func (r *Roles) Get(key string) (*Role, bool) {
	role, ok := r.byKey[key]
	return role, ok
}

// Keys lists the role keys in file order.
func (r *Roles) Keys() []string { return r.order }

// Len is the number of roles.
func (r *Roles) Len() int { return len(r.order) }

// UnmarshalYAML decodes every role but the x_* extension keys, which may hold anything.
func (r *Roles) UnmarshalYAML(n *yaml.Node) error {
	n = yamltree.Resolve(n)
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: roles must be a mapping", n.Line)
	}
	*r = Roles{byKey: map[string]*Role{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], yamltree.Resolve(n.Content[i+1])
		if yamltree.IsExtensionKey(key.Value) || key.ShortTag() == "!!merge" || yamltree.IsNull(value) {
			continue
		}
		role := &Role{}
		if err := value.Decode(role); err != nil {
			return err
		}
		if _, dup := r.byKey[key.Value]; !dup {
			r.order = append(r.order, key.Value)
		}
		r.byKey[key.Value] = role
	}
	return nil
}

// bindPositions places each role at its key and value; Roles is a mapping of the
// author's keys, which no struct tag can name.
func (r *Roles) bindPositions(key, node *yaml.Node) {
	r.Key, r.Node = key, node
	for i := 0; i+1 < len(node.Content); i += 2 {
		if role, ok := r.byKey[node.Content[i].Value]; ok {
			bindPositions(reflect.ValueOf(role), node.Content[i], node.Content[i+1])
		}
	}
}

// Role is who governs or does a part of the work.
type Role struct {
	Position `yaml:"-"`
	Name     Names `yaml:"name"`
	// Organisation holds the role as well as, or instead of, named people.
	Organisation     string `yaml:"organisation"`
	Contact          string `yaml:"contact"`
	Responsibilities string `yaml:"responsibilities"`
}

// Names is a role's name: one person or a list of people, each where it was written.
type Names []Text

// UnmarshalYAML accepts a single string or a list of strings.
func (n *Names) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind == yaml.ScalarNode {
		if node.ShortTag() == "!!null" {
			*n = nil
			return nil
		}
		*n = Names{{Value: node.Value}}
		return nil
	}
	var list []Text
	if err := node.Decode(&list); err != nil {
		return err
	}
	*n = list
	return nil
}

// Strings returns the names as written.
func (n Names) Strings() []string {
	out := make([]string, len(n))
	for i, t := range n {
		out[i] = t.Value
	}
	return out
}

// Budget is what the engagement costs.
type Budget struct {
	Position `yaml:"-"`
	Currency string       `yaml:"currency"`
	Items    []BudgetItem `yaml:"items"`
}

// BudgetItem is one line of the budget.
type BudgetItem struct {
	Position    `yaml:"-"`
	Category    string  `yaml:"category"`
	Description string  `yaml:"description"`
	Amount      float64 `yaml:"amount"`
}

// Policy holds the engagement's principles and how input is handled.
type Policy struct {
	Position        `yaml:"-"`
	Principles      []string     `yaml:"principles"`
	Response        *Response    `yaml:"response"`
	Techniques      []Technique  `yaml:"techniques"`
	Information     *Information `yaml:"information"`
	ContentStrategy string       `yaml:"content_strategy"`
}

// Response is how and when enquiries are answered.
type Response struct {
	Position   `yaml:"-"`
	WithinDays *int   `yaml:"within_days"`
	Moderation string `yaml:"moderation"`
	Reporting  string `yaml:"reporting"`
}

// Technique is a way of gathering input from some stakeholders.
type Technique struct {
	Position     `yaml:"-"`
	Tool         string `yaml:"tool"`
	Purpose      string `yaml:"purpose"`
	Stakeholders Refs   `yaml:"stakeholders"`
}

// Information says what is gathered, how privacy is protected and what is released.
type Information struct {
	Position    `yaml:"-"`
	Collected   string `yaml:"collected"`
	Privacy     string `yaml:"privacy"`
	Publication string `yaml:"publication"`
}

// Activity is an engagement or communication activity.
type Activity struct {
	Position `yaml:"-"`
	ID       string `yaml:"id"`
	Name     string `yaml:"name"`
	Kind     string `yaml:"kind"`
	Audience Refs   `yaml:"audience"`
	Phase    Ref    `yaml:"phase"`
	Cadence  string `yaml:"cadence"`
	Date     Date   `yaml:"date"`
	// Until ends a series that starts on Date; Sessions is how many times it meets.
	Until    DateAt `yaml:"until"`
	Sessions int    `yaml:"sessions"`
	Channel  string `yaml:"channel"`
	Owner    string `yaml:"owner"`
	Feedback bool   `yaml:"feedback"`
}

// Risk is an issue or risk with its mitigation.
type Risk struct {
	Position    `yaml:"-"`
	ID          string `yaml:"id"`
	Description string `yaml:"description"`
	Likelihood  string `yaml:"likelihood"`
	Impact      string `yaml:"impact"`
	Mitigation  string `yaml:"mitigation"`
	Owner       string `yaml:"owner"`
}

// Decision is a decision point: what is decided, when, by whom, and how people are told.
type Decision struct {
	Position      `yaml:"-"`
	ID            string   `yaml:"id"`
	Question      string   `yaml:"question"`
	Phase         Ref      `yaml:"phase"`
	DecisionMaker string   `yaml:"decision_maker"`
	Open          []string `yaml:"open"`
	NonNegotiable []string `yaml:"non_negotiable"`
	ReportBack    DateAt   `yaml:"report_back"`
	// Outcome is what was decided; InputUsed how stakeholders\' input was used.
	Outcome   string `yaml:"outcome"`
	InputUsed string `yaml:"input_used"`
}

// Timeline is the ordered list of phases.
type Timeline struct {
	Position `yaml:"-"`
	Start    Date    `yaml:"start"`
	Phases   []Phase `yaml:"phases"`
}

// Phase kinds, in the order a plan usually runs through them.
const (
	KindPlanning   = "planning"
	KindLaunch     = "launch"
	KindEngagement = "engagement"
	KindClose      = "close"
	KindOngoing    = "ongoing"
)

// PhaseKinds lists every phase kind in the usual order.
var PhaseKinds = []string{KindPlanning, KindLaunch, KindEngagement, KindClose, KindOngoing}

// Phase is one stage of the timeline. At most one of End, Weeks and Days is set.
type Phase struct {
	Position   `yaml:"-"`
	ID         string   `yaml:"id"`
	Kind       string   `yaml:"kind"`
	Name       string   `yaml:"name"`
	Start      Date     `yaml:"start"`
	End        Date     `yaml:"end"`
	Weeks      int      `yaml:"weeks"`
	Days       int      `yaml:"days"`
	Activities []string `yaml:"activities"`
	// Round is the round of engagement or wave of go-live the phase belongs to, or 0.
	Round int `yaml:"round"`
}

// DisplayName is the phase's name, else its kind capitalised ("Planning"), else its id.
func (p Phase) DisplayName() string {
	switch {
	case p.Name != "":
		return p.Name
	case slices.Contains(PhaseKinds, p.Kind):
		return wording.Capitalise(p.Kind)
	}
	return p.ID
}

// Evaluation holds the measures of success.
type Evaluation struct {
	Position `yaml:"-"`
	Measures []Measure `yaml:"measures"`
}

// Measure is one measure of success, tied to an objective.
type Measure struct {
	Position  `yaml:"-"`
	ID        string `yaml:"id"`
	Metric    string `yaml:"metric"`
	Target    Target `yaml:"target"`
	Method    string `yaml:"method"`
	Objective Ref    `yaml:"objective"`
}

// Target is a measure's target, written as text or a number; it keeps the text as written.
type Target string

// UnmarshalYAML keeps the scalar as written, whether the YAML says number or string.
func (t *Target) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: target must be text or a number", n.Line)
	}
	if n.ShortTag() == "!!null" {
		*t = ""
		return nil
	}
	*t = Target(n.Value)
	return nil
}

// Change is one dated revision of the plan.
type Change struct {
	Position `yaml:"-"`
	Date     DateAt `yaml:"date"`
	Version  string `yaml:"version"`
	Summary  string `yaml:"summary"`
	Reason   string `yaml:"reason"`
}

// Approval is one sign-off: who approved which of the plan's versions, when, and in
// which capacity.
type Approval struct {
	Position `yaml:"-"`
	By       string `yaml:"by"`
	Role     string `yaml:"role"`
	// Version is the plan's top-level version that was approved, as written there.
	Version string `yaml:"version"`
	Date    DateAt `yaml:"date"`
	// Commit is the git revision approved, when the approver named one.
	Commit string `yaml:"commit"`
}

// LastApproval is the approval with the latest date, the later in the file among those
// on the same day, or nil when there is none. An approval without a date counts as the
// earliest, since nothing says when it came.
func (p *Plan) LastApproval() *Approval {
	var last *Approval
	for i := range p.Approvals {
		a := &p.Approvals[i]
		switch {
		case last == nil, last.Date.IsZero():
			last = a
		case a.Date.IsZero():
		case !a.Date.Date.Before(last.Date.Date):
			last = a
		}
	}
	return last
}

// Grievance is the grievance mechanism: how complaints are received, handled and
// answered.
type Grievance struct {
	Position        `yaml:"-"`
	Summary         string             `yaml:"summary"`
	Channels        []GrievanceChannel `yaml:"channels"`
	Tiers           []GrievanceTier    `yaml:"tiers"`
	AcknowledgeDays *int               `yaml:"acknowledge_days"`
	ResolveDays     *int               `yaml:"resolve_days"`
	Appeal          string             `yaml:"appeal"`
	Confidentiality string             `yaml:"confidentiality"`
	Sensitive       string             `yaml:"sensitive"`
	Records         string             `yaml:"records"`
}

// GrievanceChannel is one way to make a complaint.
type GrievanceChannel struct {
	Position  `yaml:"-"`
	Name      string   `yaml:"name"`
	Anonymous bool     `yaml:"anonymous"`
	Free      bool     `yaml:"free"`
	Languages []string `yaml:"languages"`
}

// GrievanceTier is one level of handling, with its response times.
type GrievanceTier struct {
	Position        `yaml:"-"`
	Name            string `yaml:"name"`
	HandledBy       string `yaml:"handled_by"`
	AcknowledgeDays *int   `yaml:"acknowledge_days"`
	ResolveDays     *int   `yaml:"resolve_days"`
}

// ResponseTimes reports whether the mechanism says how soon a complaint is acknowledged
// and how soon resolved, for the whole mechanism or at some tier.
func (g *Grievance) ResponseTimes() (acknowledge, resolve bool) {
	acknowledge, resolve = g.AcknowledgeDays != nil, g.ResolveDays != nil
	for _, t := range g.Tiers {
		acknowledge = acknowledge || t.AcknowledgeDays != nil
		resolve = resolve || t.ResolveDays != nil
	}
	return acknowledge, resolve
}

// Disclosure is one document published for comment or information.
type Disclosure struct {
	Position    `yaml:"-"`
	ID          string   `yaml:"id"`
	Document    string   `yaml:"document"`
	Version     string   `yaml:"version"`
	Date        DateAt   `yaml:"date"`
	Where       []string `yaml:"where"`
	Languages   []string `yaml:"languages"`
	Formats     []string `yaml:"formats"`
	CommentDays *int     `yaml:"comment_days"`
	Informs     Ref      `yaml:"informs"`
}
