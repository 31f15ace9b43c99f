package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// Status says how a phase's length compares with the minimum and ideal for its kind.
type Status string

// Phase statuses, as the JSON and CSV formats spell them.
const (
	StatusOK         Status = "ok"
	StatusBelowIdeal Status = "below-ideal"
	StatusTooShort   Status = "too-short"
	// StatusOpen is an ongoing phase with no end: it has no length to judge.
	StatusOpen Status = "open"
	// StatusUndated is a phase whose dates cannot be worked out. Build reports the first
	// as an error too, alongside the schedule; the formats draw the phases that are dated
	// and say which are not, and why.
	StatusUndated Status = "undated"
)

// MilestoneKind says where a milestone comes from.
type MilestoneKind string

// Milestone kinds.
const (
	// MilestoneDecision is a decision's report_back date.
	MilestoneDecision MilestoneKind = "decision"
	// MilestoneActivity is an activity with a date.
	MilestoneActivity MilestoneKind = "activity"
	// MilestoneObjective is an objective's time_related date.
	MilestoneObjective MilestoneKind = "objective"
)

// Options are what Build needs besides the plan.
type Options struct {
	// Minimums and Ideals map a phase kind to a length in days, as in rules.Settings; a
	// kind that is absent has none.
	Minimums map[string]int
	Ideals   map[string]int
	// Today is the day the text chart marks.
	Today plan.Date
}

// Schedule is a plan's timeline with every date worked out.
type Schedule struct {
	Title string
	// File is the plan's path as the user named it.
	File       string
	Today      plan.Date
	Phases     []Phase
	Milestones []Milestone
}

// Phase is one phase of the timeline with its dates and how its length compares.
type Phase struct {
	// Key is unique within the schedule ("phase-" and the id), for Mermaid task ids and
	// calendar UIDs, which must not collide even when a plan repeats an id.
	Key  string
	ID   string
	Kind string
	Name string
	// Line is where the phase starts in the plan file.
	Line int
	// Start is zero only for an undated phase; End is zero for an open or undated one.
	Start, End plan.Date
	// Days is the length counting both ends; 0 when open or undated.
	Days int
	// Minimum and Ideal are days; 0 means the kind has none.
	Minimum, Ideal int
	Status         Status
	// Reason says why an undated phase has no dates.
	Reason     string
	Activities []string
}

// Dated reports whether both ends of the phase are known.
func (p Phase) Dated() bool { return !p.Start.IsZero() && !p.End.IsZero() }

// Undated reports whether the phase's dates cannot be worked out.
func (p Phase) Undated() bool { return p.Status == StatusUndated }

// Open reports whether the phase has a start but no end.
func (p Phase) Open() bool { return p.Status == StatusOpen }

// Milestone is a dated event: a report-back, a one-off activity or an objective's deadline.
type Milestone struct {
	// Key is unique within the schedule (the kind, "-" and the id).
	Key  string
	Kind MilestoneKind
	ID   string
	// Name is the label shown for it: the activity's name, or the decision's question or
	// the objective's statement with a prefix saying what the date means.
	Name string
	Date plan.Date
	Line int
}

// Error is a timeline that cannot be drawn: no phases, or a phase whose dates cannot be
// worked out. Error() is one line, file:line first, so editors can jump to it.
type Error struct {
	File string
	// Line is 0 when there is no node to point at.
	Line int
	// Phase is the id of the phase at fault, or "".
	Phase   string
	Message string
	// Reason is why the phase's dates cannot be worked out, when Phase is set: Message
	// without its opening, for sentences of another shape.
	Reason string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Phase != "" {
		return fmt.Sprintf("%s: phase %q: %s", loc, e.Phase, e.Message)
	}
	return fmt.Sprintf("%s: %s", loc, e.Message)
}

// Build works out the schedule of p. A plan without phases gives a nil Schedule and an
// *Error. A phase whose dates cannot be worked out, or that ends before it starts, gives
// an *Error about the first such phase together with the schedule as far as it is known,
// with those phases marked StatusUndated: a caller that can show part of a timeline
// (Schedule.Drawable) shows it and lists Schedule.Undated with their reasons.
func Build(p *plan.Plan, opts Options) (*Schedule, error) {
	if p.Timeline == nil || len(p.Timeline.Phases) == 0 {
		e := &Error{File: p.File, Message: "the plan has no timeline phases to show: add timeline.phases, each with a start (or timeline.start) and an end, weeks or days"}
		if p.Timeline != nil && p.Timeline.Node != nil {
			e.Line = p.Timeline.Node.Line
			e.Message = "timeline has no phases to show: add timeline.phases, each with a start (or timeline.start) and an end, weeks or days"
		}
		return nil, e
	}
	s := &Schedule{Title: wording.OneLine(p.Title), File: p.File, Today: opts.Today}
	keys := keyer{}
	var firstErr *Error
	for _, r := range p.ResolvePhases() {
		ph := r.Phase
		out := Phase{
			Key:  keys.key("phase-" + ph.ID),
			ID:   ph.ID,
			Kind: ph.Kind,
			Name: cmp.Or(wording.OneLine(ph.DisplayName()), ph.ID),
			Line: line(ph.Node),
			// A date written as a month, quarter or season is drawn over every day it
			// allows: from the first day of the start to the last of the end.
			Start:      r.Start.First(),
			End:        r.End.Last(),
			Minimum:    opts.Minimums[ph.Kind],
			Ideal:      opts.Ideals[ph.Kind],
			Activities: ph.Activities,
		}
		switch {
		case r.Undated:
			out.Status, out.Reason = StatusUndated, r.Reason
			out.Start, out.End = plan.Date{}, plan.Date{}
		case r.OpenEnded():
			out.Status = StatusOpen
		case r.End.Before(r.Start):
			// plan check reports this as phase-order; a chart cannot draw a negative bar, and
			// every later phase that follows on from it would be wrong too.
			out.Status = StatusUndated
			out.Reason = fmt.Sprintf("it ends on %s, before it starts on %s", r.End, r.Start)
			out.Start, out.End = plan.Date{}, plan.Date{}
		default:
			out.Days = r.Days()
			out.Status = judge(out.Days, out.Minimum, out.Ideal)
		}
		if out.Status == StatusUndated && firstErr == nil {
			firstErr = &Error{File: p.File, Line: out.Line, Phase: ph.ID, Message: "its dates cannot be worked out: " + out.Reason, Reason: out.Reason}
		}
		s.Phases = append(s.Phases, out)
	}
	s.Milestones = milestones(p, keys)
	if firstErr != nil {
		return s, firstErr
	}
	return s, nil
}

func judge(days, minimum, ideal int) Status {
	switch plan.JudgeLength(days, minimum, ideal) {
	case plan.LengthTooShort:
		return StatusTooShort
	case plan.LengthBelowIdeal:
		return StatusBelowIdeal
	}
	return StatusOK
}

// milestones gathers the dated events in date order; events on the same day keep the
// order decisions, activities, objectives and then the file's order. A deadline written
// as a month, quarter or season (a report-back, an objective) is drawn on its last day,
// and an activity on its first.
func milestones(p *plan.Plan, keys keyer) []Milestone {
	var out []Milestone
	add := func(kind MilestoneKind, id, name string, date plan.Date, node *yaml.Node) {
		if !date.IsZero() {
			out = append(out, Milestone{
				Key: keys.key(string(kind) + "-" + id), Kind: kind, ID: id, Name: name, Date: date, Line: line(node),
			})
		}
	}
	for _, d := range p.Decisions {
		add(MilestoneDecision, d.ID, "Report back: "+wording.OneLine(d.Question), d.ReportBack.Last(), d.Node)
	}
	for _, a := range p.Activities {
		add(MilestoneActivity, a.ID, wording.OneLine(a.Name), a.Date.First(), a.Node)
	}
	for _, o := range p.Objectives {
		add(MilestoneObjective, o.ID, "Objective due: "+wording.OneLine(o.Statement), o.TimeRelated.Last(), o.Node)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// keyer hands out keys that are unique within one schedule. A plan that repeats an id
// fails plan check, but its calendar must still not merge two events into one.
type keyer map[string]bool

func (k keyer) key(base string) string {
	key := base
	for n := 2; k[key]; n++ {
		key = fmt.Sprintf("%s-%d", base, n)
	}
	k[key] = true
	return key
}

func line(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// Drawable reports whether at least one phase is dated, so that a chart has something to
// draw: a plan whose first phase's start is simply not published still has a timeline
// worth seeing.
func (s *Schedule) Drawable() bool {
	return slices.ContainsFunc(s.Phases, func(p Phase) bool { return !p.Undated() })
}

// Undated returns the phases whose dates cannot be worked out, in list order.
func (s *Schedule) Undated() []Phase {
	var out []Phase
	for _, p := range s.Phases {
		if p.Undated() {
			out = append(out, p)
		}
	}
	return out
}

// Span is the first and last day of the dated phases; end is zero when the last phase to
// end is open-ended, and both are zero when no phase is dated.
func (s *Schedule) Span() (start, end plan.Date) {
	open := false
	for _, p := range s.Phases {
		if p.Start.IsZero() {
			continue
		}
		if start.IsZero() || p.Start.Before(start) {
			start = p.Start
		}
		if p.Open() {
			open = true
			continue
		}
		if p.End.After(end) {
			end = p.End
		}
	}
	if open {
		end = plan.Date{}
	}
	return start, end
}

// openTail is how many days an open-ended phase is drawn for when nothing else on a chart
// reaches further, so that it still shows as a bar.
const openTail = 14

// Extent is the first and last day a chart of the schedule draws: every dated phase and
// milestone, and at least two weeks of each open-ended phase. Both are zero when nothing
// is dated.
func (s *Schedule) Extent() (from, to plan.Date) {
	extend := func(d plan.Date) {
		if d.IsZero() {
			return
		}
		if from.IsZero() || d.Before(from) {
			from = d
		}
		if to.IsZero() || d.After(to) {
			to = d
		}
	}
	for _, p := range s.Phases {
		extend(p.Start)
		extend(p.End)
		if p.Open() {
			tail := p.Start.AddDays(openTail - 1)
			if tail.After(plan.LastDate) {
				tail = plan.LastDate
			}
			extend(tail)
		}
	}
	for _, m := range s.Milestones {
		extend(m.Date)
	}
	return from, to
}

// PhasesOn returns the phases that include day d, in list order.
func (s *Schedule) PhasesOn(d plan.Date) []Phase {
	var out []Phase
	for _, p := range s.Phases {
		if p.Start.IsZero() || d.Before(p.Start) {
			continue
		}
		if p.Open() || !d.After(p.End) {
			out = append(out, p)
		}
	}
	return out
}

// Verdict is the one-line judgement that closes the text chart: which phases fall short
// of their minimums (or ideals), by how much, and which could not be dated and so were
// judged by no one.
func (s *Schedule) Verdict() string {
	if !s.Drawable() {
		return "the timeline cannot be drawn: no phase has dates"
	}
	v := s.minimumsVerdict()
	switch undated := s.Undated(); {
	case len(undated) == 1:
		v += fmt.Sprintf("; phase %q is not shown: its dates cannot be worked out", undated[0].ID)
	case len(undated) > 1:
		ids := make([]string, len(undated))
		for i, p := range undated {
			ids[i] = fmt.Sprintf("%q", p.ID)
		}
		v += fmt.Sprintf("; %d phases are not shown, since their dates cannot be worked out: %s", len(undated), strings.Join(ids, ", "))
	}
	return v
}

// minimumsVerdict judges the dated phases against their minimums and ideals.
func (s *Schedule) minimumsVerdict() string {
	var short, belowIdeal []Phase
	all := "all phases"
	for _, p := range s.Phases {
		switch p.Status {
		case StatusUndated:
			all = "all dated phases"
		case StatusTooShort:
			short = append(short, p)
		case StatusBelowIdeal:
			belowIdeal = append(belowIdeal, p)
		}
	}
	switch {
	case len(short) == 1:
		p := short[0]
		return fmt.Sprintf("phase %q is %s short of its minimum of %s", p.ID, wording.DaysInWords(p.Minimum-p.Days), wording.DaysInWords(p.Minimum))
	case len(short) > 1:
		parts := make([]string, len(short))
		for i, p := range short {
			parts[i] = fmt.Sprintf("%q by %s", p.ID, wording.DaysInWords(p.Minimum-p.Days))
		}
		return fmt.Sprintf("%d phases are short of their minimums: %s", len(short), strings.Join(parts, ", "))
	case len(belowIdeal) == 1:
		p := belowIdeal[0]
		return fmt.Sprintf("%s meet their recommended minimums; phase %q is %s short of its ideal of %s", all, p.ID, wording.DaysInWords(p.Ideal-p.Days), wording.DaysInWords(p.Ideal))
	case len(belowIdeal) > 1:
		parts := make([]string, len(belowIdeal))
		for i, p := range belowIdeal {
			parts[i] = fmt.Sprintf("%q by %s", p.ID, wording.DaysInWords(p.Ideal-p.Days))
		}
		return fmt.Sprintf("%s meet their recommended minimums; %d are short of their ideals: %s", all, len(belowIdeal), strings.Join(parts, ", "))
	}
	return all + " meet their recommended minimums"
}

// Slug names the plan in calendar UIDs: the title folded to ASCII, or the file's base
// name when the title has no Latin letters or digits, or "plan". The title comes first
// because plans scaffolded by plan init share a file name (engagement.plan.yaml), and
// two plans in one calendar must not share UIDs.
func (s *Schedule) Slug() string {
	if slug := slugify(s.Title); slug != "" {
		return slug
	}
	base := s.File
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	for _, ext := range []string{".plan.yaml", ".plan.yml", ".yaml", ".yml"} {
		if strings.HasSuffix(base, ext) {
			base = strings.TrimSuffix(base, ext)
			break
		}
	}
	if slug := slugify(base); slug != "" {
		return slug
	}
	return "plan"
}

// maxSlug keeps UIDs short enough to read; a long title is cut at a word boundary.
const maxSlug = 48

func slugify(s string) string { return wording.Slug(s, maxSlug) }
