package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func objectiveOutsideTimeline() Rule {
	return Rule{
		ID:       "objective-outside-timeline",
		Severity: diag.Warning,
		Summary:  "an objective's time_related date falls before the first phase starts or after the last dated phase ends",
		Rationale: "The online engagement plan template ties every objective to a date and the " +
			"engagement to a timeline of phases. An objective due before the engagement starts " +
			"cannot draw on it, and one due after the last phase ends has no phase in which the work " +
			"happens or is reported: either the date or the timeline is wrong. An open-ended ongoing " +
			"phase has no end, so it does not extend the timeline.",
		Fix: "Move the objective's time_related into the timeline, or extend the timeline (add or " +
			"lengthen a phase) to cover it.",
		Source: "T",
		Check:  checkObjectiveOutsideTimeline,
	}
}

func checkObjectiveOutsideTimeline(p *plan.Plan, _ Settings) []Result {
	var first, last plan.Date
	var firstID, lastID string
	// An open-ended phase (an ongoing engagement over a project's life) runs on from its
	// start, so nothing after that start is outside the timeline.
	var openFrom plan.Date
	for _, r := range p.ResolvePhases() {
		if r.OpenEnded() && !r.Start.IsZero() && (openFrom.IsZero() || r.Start.Before(openFrom)) {
			openFrom = r.Start
		}
		// A phase whose end cannot be worked out may still have a known start, and that
		// start still bounds the timeline.
		if !r.Start.IsZero() && (first.IsZero() || r.Start.Before(first)) {
			first, firstID = r.Start, r.Phase.ID
		}
		if !r.End.IsZero() && (last.IsZero() || r.End.After(last)) {
			last, lastID = r.End, r.Phase.ID
		}
	}
	if first.IsZero() && last.IsZero() {
		return nil
	}
	var out []Result
	for _, o := range p.Objectives {
		due := o.TimeRelated
		if due.IsZero() {
			continue
		}
		var why string
		switch {
		case !first.IsZero() && due.Before(first):
			why = fmt.Sprintf("before the first phase %q starts on %s", firstID, first)
		case !last.IsZero() && due.After(last) && (openFrom.IsZero() || due.Before(openFrom)):
			why = fmt.Sprintf("after the last dated phase %q ends on %s", lastID, last)
		default:
			continue
		}
		out = append(out, at(o.TimeRelated.Node,
			"objective %q is due on %s, %s: move time_related into the timeline or extend the timeline to cover it", o.ID, due, why))
	}
	return out
}
