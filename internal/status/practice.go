package status

import (
	"slices"
	"strconv"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/wording"
)

// Commitments are the promises made in response to what people raised.
type Commitments struct {
	Made    int `json:"made"`
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
	Done    int `json:"done"`
	Dropped int `json:"dropped"`
	// OpenItems are the open ones, soonest due first; those without a due date last.
	OpenItems []OpenCommitment `json:"open_items"`
}

// OpenCommitment is a commitment not yet closed.
type OpenCommitment struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	// Due is "" when the record gives none; Overdue is set once it has passed, and
	// DaysOverdue says by how many days.
	Due         string `json:"due"`
	Overdue     bool   `json:"overdue"`
	DaysOverdue int    `json:"days_overdue"`
	// Issue is what was raised that it answers; File and Line where it was made.
	Issue string `json:"issue"`
	File  string `json:"file"`
	Line  int    `json:"line"`

	due plan.Date
}

func commitmentsOf(done *record.Set, today plan.Date) Commitments {
	c := Commitments{OpenItems: []OpenCommitment{}}
	for _, ci := range done.Commitments() {
		c.Made++
		switch ci.Commitment.State(today) {
		case record.StatusDone:
			c.Done++
			continue
		case record.StatusDropped:
			c.Dropped++
			continue
		}
		c.Open++
		cm := ci.Commitment
		item := OpenCommitment{Text: wording.OneLine(cm.Text), Owner: cm.Owner, Due: cm.Due.String(), Issue: wording.OneLine(ci.Issue.Text), File: ci.Record.File, Line: cm.Node.Line, due: cm.Due.Date}
		if !cm.Due.IsZero() && cm.Due.Before(today) {
			c.Overdue++
			item.Overdue, item.DaysOverdue = true, cm.Due.Last().DaysUntil(today)
		}
		c.OpenItems = append(c.OpenItems, item)
	}
	slices.SortStableFunc(c.OpenItems, func(a, b OpenCommitment) int {
		switch {
		case a.due.IsZero() || b.due.IsZero():
			return boolOrder(a.due.IsZero(), b.due.IsZero())
		}
		return a.due.First().Time().Compare(b.due.First().Time())
	})
	return c
}

// boolOrder puts false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Grievances are the complaints received under the plan's grievance mechanism.
type Grievances struct {
	Received int `json:"received"`
	Open     int `json:"open"`
	Resolved int `json:"resolved"`
	// ResolveDays is how long the plan's mechanism allows (its resolve_days, else its
	// longest tier's); nil when it says nothing, and then no grievance is overdue.
	ResolveDays *int `json:"resolve_days"`
	Overdue     int  `json:"overdue"`
	// ResolvedWithin counts the resolved grievances resolved within ResolveDays;
	// MedianDaysToResolve is the median of the resolved ones' days (nil when none is):
	// the middle value, or the mean of the two middle ones, so it may end in .5.
	ResolvedWithin      int      `json:"resolved_within"`
	MedianDaysToResolve *float64 `json:"median_days_to_resolve"`
	// Categories counts the grievances received by category, most first ("" for none
	// given).
	Categories []Category `json:"categories"`
	// OpenItems are the open grievances, longest open first.
	OpenItems []OpenGrievance `json:"open_items"`
}

// Category is how many grievances of one category were received, how many are open, and
// the median days its resolved ones took (nil when none is resolved).
type Category struct {
	Category            string   `json:"category"`
	Received            int      `json:"received"`
	Open                int      `json:"open"`
	MedianDaysToResolve *float64 `json:"median_days_to_resolve"`
}

// OpenGrievance is a grievance not yet resolved.
type OpenGrievance struct {
	ID          string `json:"id"`
	Received    string `json:"received"`
	DaysOpen    int    `json:"days_open"`
	Overdue     bool   `json:"overdue"`
	Category    string `json:"category"`
	Stakeholder string `json:"stakeholder"`
	Summary     string `json:"summary"`
	File        string `json:"file"`
	Line        int    `json:"line"`
}

func grievancesOf(p *plan.Plan, done *record.Set, today plan.Date) Grievances {
	g := Grievances{Categories: []Category{}, OpenItems: []OpenGrievance{}}
	allowed, limited := p.Grievance.ResolveWithin()
	if limited {
		g.ResolveDays = &allowed
	}
	var took []int
	tookBy := map[string][]int{}
	byCategory := map[string]*Category{}
	var order []string
	for _, gi := range done.Grievances() {
		gr := gi.Grievance
		if gr.Received.After(today) {
			continue
		}
		g.Received++
		cat, seen := byCategory[gr.Category]
		if !seen {
			cat = &Category{Category: gr.Category}
			byCategory[gr.Category] = cat
			order = append(order, gr.Category)
		}
		cat.Received++
		days := gr.Received.DaysUntil(today)
		if !gr.OpenOn(today) {
			g.Resolved++
			d := gr.Received.DaysUntil(gr.Resolved.Date)
			took = append(took, d)
			tookBy[gr.Category] = append(tookBy[gr.Category], d)
			if limited && d <= allowed {
				g.ResolvedWithin++
			}
			continue
		}
		g.Open++
		cat.Open++
		item := OpenGrievance{ID: gr.ID, Received: gr.Received.String(), DaysOpen: days, Category: gr.Category, Stakeholder: gr.Stakeholder.ID,
			Summary: wording.OneLine(gr.Summary), File: gi.Record.File, Line: gr.Node.Line}
		if limited && days > allowed {
			item.Overdue = true
			g.Overdue++
		}
		g.OpenItems = append(g.OpenItems, item)
	}
	g.MedianDaysToResolve = median(took)
	for _, name := range order {
		cat := byCategory[name]
		cat.MedianDaysToResolve = median(tookBy[name])
		g.Categories = append(g.Categories, *cat)
	}
	slices.SortStableFunc(g.Categories, func(a, b Category) int { return b.Received - a.Received })
	slices.SortStableFunc(g.OpenItems, func(a, b OpenGrievance) int { return b.DaysOpen - a.DaysOpen })
	return g
}

// median is the median of days, nil for none: the middle value, or the mean of the two
// middle ones of an even count (4 and 7 days: 5.5).
func median(days []int) *float64 {
	if len(days) == 0 {
		return nil
	}
	sorted := slices.Sorted(slices.Values(days))
	mid := len(sorted) / 2
	m := float64(sorted[mid])
	if len(sorted)%2 == 0 {
		m = float64(sorted[mid-1]+sorted[mid]) / 2
	}
	return &m
}

// Days is a number of days as people write it: "1 day", "6 days", "5.5 days".
func Days(n float64) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.FormatFloat(n, 'f', -1, 64) + " days"
}

// The states of a measure against its target.
const (
	// MeasureMet: the last value recorded meets the target.
	MeasureMet = "met"
	// MeasureShort: the last value misses the target, whose date has not passed.
	MeasureShort = "short"
	// MeasureMissed: the target's date has passed and the last value misses it, or no
	// value was recorded.
	MeasureMissed = "missed"
	// MeasurePending: no value yet, and the target's date has not passed (or there is
	// none).
	MeasurePending = "pending"
	// MeasureUnjudged: the target holds no number to compare a value with ("All wards
	// represented"); the value is shown for a person to judge.
	MeasureUnjudged = "unjudged"
)

// Measure is one of the plan's measures of success against its target.
type Measure struct {
	ID        string `json:"id"`
	Metric    string `json:"metric"`
	Target    string `json:"target"`
	Objective string `json:"objective"`
	// Due is the objective's time_related date ("" when it has none).
	Due string `json:"due"`
	// Value is the last value recorded by today (nil for none), Measured the day of the
	// record that gave it, and Note its note.
	Value    *float64 `json:"value"`
	Measured string   `json:"measured"`
	Note     string   `json:"note"`
	// Percent is Value as a percentage of a target that is a least (nil otherwise).
	Percent *int `json:"percent"`
	// Ceiling is set for a target that is a most ("at most 5 complaints").
	Ceiling bool   `json:"ceiling"`
	State   string `json:"state"`
}

func measuresOf(p *plan.Plan, done *record.Set, today plan.Date) []Measure {
	out := []Measure{}
	if p.Evaluation == nil {
		return out
	}
	due := map[string]plan.Date{}
	for _, o := range p.Objectives {
		if _, seen := due[o.ID]; !seen {
			due[o.ID] = o.TimeRelated.Date
		}
	}
	for i := range p.Evaluation.Measures {
		m := &p.Evaluation.Measures[i]
		by := due[m.Objective.ID]
		out = append(out, measureOf(m, by, done, today))
	}
	return out
}

func measureOf(m *plan.Measure, by plan.Date, done *record.Set, today plan.Date) Measure {
	out := Measure{ID: m.ID, Metric: wording.OneLine(m.Metric), Target: wording.OneLine(string(m.Target)), Objective: m.Objective.ID, Due: by.String()}
	// A plan not yet carried out (no records) has missed nothing, as plan check judges it.
	passed := !by.IsZero() && by.Before(today) && done.Len() > 0
	target, ceiling, numeric := m.Target.Number()
	out.Ceiling = ceiling && numeric
	last, recorded := done.Latest(m.ID, today)
	if recorded {
		v := last.Value.Value
		out.Value, out.Measured, out.Note = &v, last.Record.Last().String(), wording.OneLine(last.Value.Note)
		if numeric && !ceiling && target > 0 {
			pct := int(v/target*100 + 0.5)
			out.Percent = &pct
		}
	}
	switch {
	case !numeric:
		out.State = MeasureUnjudged
	case !recorded && passed:
		out.State = MeasureMissed
	case !recorded:
		out.State = MeasurePending
	case (ceiling && *out.Value <= target) || (!ceiling && *out.Value >= target):
		out.State = MeasureMet
	case passed:
		out.State = MeasureMissed
	default:
		out.State = MeasureShort
	}
	return out
}
