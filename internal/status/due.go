package status

import (
	"cmp"
	"slices"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/wording"
)

// The kinds of thing that fall due, in the order a day's items are listed.
const (
	DueActivity   = "activity"
	DueReportBack = "report_back"
	DueObjective  = "objective"
	DueCommitment = "commitment"
)

var dueOrder = []string{DueActivity, DueReportBack, DueObjective, DueCommitment}

// DueItem is something that falls due between today and the horizon: a planned activity
// not yet on record, a decision's report-back not yet given, an objective's deadline, an
// open commitment's due date.
type DueItem struct {
	// Date is the day it falls due. An activity the plan dates by a month, quarter or
	// season is listed by that date as written, from its first day; a deadline (a
	// report-back, an objective's date) so written is due by its last day, which Date
	// then gives, with By set.
	Date string `json:"date"`
	// By is set for a deadline the plan gives as a month, quarter or season: Date is its
	// last day, and the item is due by then.
	By bool `json:"by"`
	// In is how many days from today the item falls due (0 today; for an activity dated
	// by a month or quarter, until its first day, or 0 once it has begun).
	In   int    `json:"in_days"`
	Kind string `json:"kind"`
	// ID is the plan's id of the activity, decision or objective; "" for a commitment.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Who is the activity's audience, or the commitment's owner.
	Who []string `json:"who"`
	// Series is set for an activity held more than once (a cadence, sessions or an until
	// date): it is listed on the day it begins.
	Series bool `json:"series"`
	// Phase is set for an activity dated only by its phase, which is listed on the day
	// the phase begins: the phase's id.
	Phase string `json:"phase"`

	date plan.Date
}

func dueOf(p *plan.Plan, phases []plan.ResolvedPhase, done *record.Set, today, until plan.Date) []DueItem {
	within := func(d plan.Date) bool { return !d.IsZero() && !d.Before(today) && !d.After(until) }
	add := func(out []DueItem, d plan.Date, kind, id, title string, who []string) []DueItem {
		if who == nil {
			who = []string{}
		}
		return append(out, DueItem{Date: d.String(), In: max(today.DaysUntil(d.First()), 0), Kind: kind, ID: id, Title: wording.OneLine(title), Who: who, date: d})
	}
	// A deadline written as a month or a quarter is met by its last day: "report back in
	// 2027-Q2" is not due today for the whole quarter.
	addBy := func(out []DueItem, d plan.Date, kind, id, title string) []DueItem {
		if d.Precise() {
			return add(out, d, kind, id, title, nil)
		}
		out = add(out, d.Last(), kind, id, title, nil)
		out[len(out)-1].By = true
		return out
	}
	starts := map[string]plan.Date{}
	for _, r := range phases {
		if _, seen := starts[r.Phase.ID]; !seen && !r.Undated {
			starts[r.Phase.ID] = r.Start
		}
	}
	var out []DueItem
	for i := range p.Activities {
		a := &p.Activities[i]
		day, phase := a.Date, ""
		if day.IsZero() && a.Phase.ID != "" {
			day, phase = starts[a.Phase.ID], a.Phase.ID
		}
		if !within(day) || (a.ID != "" && len(done.Carrying(a.ID)) > 0) {
			continue
		}
		out = add(out, day, DueActivity, a.ID, a.Name, a.Audience.IDs())
		out[len(out)-1].Series = !a.Until.IsZero() || a.Sessions > 1 || (a.Cadence != "" && a.Cadence != "once")
		out[len(out)-1].Phase = phase
	}
	for i := range p.Decisions {
		d := &p.Decisions[i]
		if !within(d.ReportBack.Last()) || (d.ID != "" && len(done.ReportedBack(d.ID)) > 0) {
			continue
		}
		out = addBy(out, d.ReportBack.Date, DueReportBack, d.ID, d.Question)
	}
	for i := range p.Objectives {
		o := &p.Objectives[i]
		if within(o.TimeRelated.Last()) {
			out = addBy(out, o.TimeRelated.Date, DueObjective, o.ID, o.Statement)
		}
	}
	for _, c := range done.Commitments() {
		if c.Commitment.State(today) == record.StatusOpen && within(c.Commitment.Due.Date) {
			var who []string
			if c.Commitment.Owner != "" {
				who = []string{c.Commitment.Owner}
			}
			out = add(out, c.Commitment.Due.Date, DueCommitment, "", c.Commitment.Text, who)
		}
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		return cmp.Or(a.date.First().Time().Compare(b.date.First().Time()), cmp.Compare(slices.Index(dueOrder, a.Kind), slices.Index(dueOrder, b.Kind)))
	})
	if out == nil {
		out = []DueItem{}
	}
	return out
}

// When is the item's date as people read it: "by 2027-06-30" for a deadline the plan
// gives as a month or quarter, else the date.
func (d DueItem) When() string {
	if d.By {
		return "by " + d.Date
	}
	return d.Date
}
