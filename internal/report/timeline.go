package report

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/timeline"
)

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
	// A phase's round is the plan's; the schedule keeps the plan's phases in order, but
	// the match is by id so that it cannot go astray.
	rounds := map[string]int{}
	for _, ph := range p.Timeline.Phases {
		if _, ok := rounds[ph.ID]; !ok && ph.Round > 0 {
			rounds[ph.ID] = ph.Round
		}
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
		if r, ok := rounds[ph.ID]; ok {
			out.Round = strconv.Itoa(r)
			t.Rounds = true
		}
		t.AnyActivities = t.AnyActivities || len(out.Activities) > 0
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
