package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func phaseUndated() Rule {
	return Rule{
		ID:       "phase-undated",
		Severity: diag.Error,
		Summary:  "a phase's dates cannot be worked out",
		Rationale: "The online engagement plan template (T) expects every phase to have dates so that " +
			"stakeholders know when they can take part. A phase's start defaults to the day after the " +
			"previous phase ends (or timeline.start for the first), and its end comes from `end`, " +
			"`weeks` or `days`; when that chain breaks, the phase and every phase after it that " +
			"relies on it have no dates, and the checks of length, order, gaps, objectives and " +
			"report-backs cannot run on them.",
		Fix: "Give the phase a `start` (or `timeline.start` for the first phase), and one of `end`, " +
			"`weeks` or `days`; a phase after an open-ended ongoing phase needs its own `start`.",
		Source: "T",
		Check:  checkPhaseUndated,
	}
}

func checkPhaseUndated(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, r := range p.ResolvePhases() {
		if !r.Undated {
			continue
		}
		ph := r.Phase
		noLength := ph.End.IsZero() && ph.Weeks == 0 && ph.Days == 0 && ph.Kind != plan.KindOngoing
		var fix string
		switch {
		case r.PastLastDate:
			fix = "move the timeline earlier"
		case r.Start.IsZero() && noLength:
			fix = "give it a start, and an end, weeks or days"
		case r.Start.IsZero() && r.Index == 0:
			fix = "give it a start, or set timeline.start"
		case r.Start.IsZero():
			fix = "give it a start"
		default:
			fix = "give it an end, weeks or days"
		}
		out = append(out, at(ph.Node, "%s cannot be dated because %s: %s", phaseLabel(ph), r.Reason, fix))
	}
	return out
}
