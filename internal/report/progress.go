package report

import (
	"cmp"
	"strconv"

	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/status"
	"github.com/planascode/plan/internal/wording"
)

// SecProgress is the id of the progress section, present when the plan has records.
const SecProgress = "progress"

// Progress is the report's progress section: what the records show had happened by the
// report's day, worked out by internal/status as plan status works it out.
type Progress struct {
	// AsOf is the report's day, formatted; Records the records dated by then, People
	// the people they say took part, First and Last the first and last days on record.
	AsOf        string
	Records     int
	People      int
	First, Last string
	Coverage    ProgressCoverage
	// Heard is "you said, we did": every issue the records hold, in record order.
	Heard      []Heard
	Grievances *ProgressGrievances
	Measures   []ProgressMeasure
}

// ProgressCoverage is whom the records show were engaged, phase by phase.
type ProgressCoverage struct {
	// Engaged of Stakeholders groups were engaged so far.
	Engaged, Stakeholders int
	// Levels is the same by participation level.
	Levels []CoverageLevel
	// Phases are the names of the dated phases, the columns of each row's Cells.
	Phases []string
	Rows   []CoverageRow
	// NotReached names the groups not engaged so far.
	NotReached []string
	Chart      chart.Chart
}

// CoverageLevel is the coverage of one participation level ("Consult", or "No level").
type CoverageLevel struct {
	Level            string
	Planned, Engaged int
}

// CoverageRow is one group's engagement.
type CoverageRow struct {
	Name          string
	Participation string
	// Cells says, per phase, "Engaged", "Not engaged", "To engage" or "".
	Cells []string
	// States are the cells as the chart's states (chart.CoverageEngaged, …).
	States  []string
	Records int
	// People is how many of its people the records counted, "" for none.
	People string
}

// Heard is one thing people raised, and what was done about it.
type Heard struct {
	Date     string
	RaisedBy []string
	Issue    string
	Response string
	// Commitment is what was promised, "" for none; CommitmentState says where it
	// stands ("Done 2 Apr 2027", "Open, due 9 Apr 2027", "Overdue since 9 Apr 2027",
	// "Dropped 2 Apr 2027", "Open").
	Commitment      string
	CommitmentState string
	Overdue         bool
}

// ProgressGrievances are the grievance figures.
type ProgressGrievances struct {
	Received, Open, Resolved, Overdue int
	// Allowed is the time the mechanism allows ("20 days"), "" when it says none;
	// ResolvedWithin counts the grievances resolved within it.
	Allowed        string
	ResolvedWithin int
	// Median is the median time to resolve ("6 days"), "" when none is resolved.
	Median     string
	Categories []GrievanceCategory
}

// GrievanceCategory counts the grievances of one category ("Access", or "Not given").
type GrievanceCategory struct {
	Category       string
	Received, Open int
	// Median is the median time its resolved grievances took ("4 days"), "" when none is
	// resolved.
	Median string
}

// ProgressMeasure is a measure against its target.
type ProgressMeasure struct {
	Metric, Target string
	// Value is the last value recorded with its share of the target ("412 (52%)"), or
	// "No value yet"; Measured the day it was recorded.
	Value    string
	Measured string
	Due      string
	// State is "Met", "Short of target", "Missed", "Pending" or "Not a number to judge".
	State  string
	Missed bool
}

var cellWords = map[string]string{
	status.CellEngaged: "Engaged",
	status.CellMissed:  "Not engaged",
	status.CellPending: "To engage",
	status.CellNone:    "",
}

var measureWords = map[string]string{
	status.MeasureMet:      "Met",
	status.MeasureShort:    "Short of target",
	status.MeasureMissed:   "Missed",
	status.MeasurePending:  "Pending",
	status.MeasureUnjudged: "Not a number to judge",
}

// buildProgress works out the progress section from the plan's records as of today; a
// plan with no records by then has none.
func (d *Data) buildProgress(p *plan.Plan, set *record.Set, today plan.Date) {
	if today.IsZero() || set.AsOf(today).Len() == 0 {
		return
	}
	s := status.Build(p, set, nil, status.Options{Today: today})
	pr := &Progress{
		AsOf:    FormatDate(today),
		Records: s.Records.Count,
		People:  s.Records.People,
		First:   formatDay(s.Records.First),
		Last:    formatDay(s.Records.Last),
	}
	pr.Coverage = d.progressCoverage(s.Coverage, pr.AsOf)
	for _, r := range set.AsOf(today).Records {
		for _, is := range r.Issues {
			pr.Heard = append(pr.Heard, d.heardOf(r, is, today))
		}
	}
	if g := s.Grievances; g.Received > 0 {
		out := &ProgressGrievances{Received: g.Received, Open: g.Open, Resolved: g.Resolved, Overdue: g.Overdue, Allowed: days(g.ResolveDays), ResolvedWithin: g.ResolvedWithin}
		if g.MedianDaysToResolve != nil {
			out.Median = status.Days(*g.MedianDaysToResolve)
		}
		for _, c := range g.Categories {
			cat := GrievanceCategory{Category: cmp.Or(label(c.Category), "Not given"), Received: c.Received, Open: c.Open}
			if c.MedianDaysToResolve != nil {
				cat.Median = status.Days(*c.MedianDaysToResolve)
			}
			out.Categories = append(out.Categories, cat)
		}
		pr.Grievances = out
	}
	for _, m := range s.Measures {
		out := ProgressMeasure{Metric: cmp.Or(m.Metric, m.ID), Target: m.Target, Value: status.MeasureValue(m), State: measureWords[m.State], Missed: m.State == status.MeasureMissed}
		if m.Value == nil {
			out.Value = "No value yet"
		} else {
			out.Measured = formatDay(m.Measured)
		}
		out.Due = formatDay(m.Due)
		pr.Measures = append(pr.Measures, out)
	}
	d.Progress = pr
}

func (d *Data) progressCoverage(c status.Coverage, asOf string) ProgressCoverage {
	out := ProgressCoverage{Engaged: c.Engaged, Stakeholders: c.Stakeholders}
	for _, l := range c.Levels {
		out.Levels = append(out.Levels, CoverageLevel{Level: cmp.Or(label(l.Level), "No level"), Planned: l.Planned, Engaged: l.Engaged})
	}
	for _, id := range c.Phases {
		out.Phases = append(out.Phases, d.phaseName(id))
	}
	var rows []chart.CoverageRow
	for _, g := range c.Groups {
		row := CoverageRow{Name: cmp.Or(wording.OneLine(g.Name), g.ID), Participation: label(g.Participation), Records: g.Records, States: g.Phases}
		for _, state := range g.Phases {
			row.Cells = append(row.Cells, cellWords[state])
		}
		if g.People > 0 {
			row.People = strconv.Itoa(g.People)
		}
		out.Rows = append(out.Rows, row)
		rows = append(rows, chart.CoverageRow{Name: row.Name, Cells: g.Phases})
	}
	for _, n := range c.NotReached {
		out.NotReached = append(out.NotReached, cmp.Or(wording.OneLine(n.Name), n.ID))
	}
	out.Chart = chart.Coverage(out.Phases, rows, asOf)
	return out
}

// formatDay writes a date status gave as text ("2027-03-09") as the report writes dates.
func formatDay(s string) string {
	d, err := plan.ParseDate(s)
	if err != nil {
		return s
	}
	return FormatDate(d)
}

func (d *Data) heardOf(r *record.Record, is record.Issue, today plan.Date) Heard {
	h := Heard{Date: FormatDate(r.Date.Date), RaisedBy: d.names(is.RaisedBy.IDs()), Issue: wording.OneLine(is.Text), Response: is.Response}
	c := is.Commitment
	if c == nil {
		return h
	}
	h.Commitment = wording.OneLine(c.Text)
	switch c.State(today) {
	case record.StatusDone:
		h.CommitmentState = "Done " + FormatDate(c.Closed.Date)
	case record.StatusDropped:
		h.CommitmentState = "Dropped " + FormatDate(c.Closed.Date)
	default:
		switch {
		case c.Due.IsZero():
			h.CommitmentState = "Open"
		case c.Due.Before(today):
			h.CommitmentState, h.Overdue = "Overdue since "+FormatDate(c.Due.Date), true
		default:
			h.CommitmentState = "Open, due " + FormatDate(c.Due.Date)
		}
	}
	return h
}
