package rules

import (
	"fmt"
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func phaseMissing() Rule {
	return Rule{
		ID:       "phase-missing",
		Severity: diag.Error,
		Summary:  "the timeline lacks a phase kind (planning, launch, engagement, close, ongoing)",
		Rationale: "The online engagement plan template (T) runs an engagement through five phases. " +
			"Planning, engagement and close cannot be skipped: without planning the engagement starts " +
			"unprepared, without an engagement phase nobody is asked anything, and without a close " +
			"nobody is told what happened. A launch and ongoing engagement are strongly advised, so " +
			"their absence is a warning. The rule only runs once the timeline has at least one phase; " +
			"timeline-missing covers an empty one.",
		Fix:    "Add a phase with the missing `kind` to `timeline.phases`, in its place in the order.",
		Source: "T",
		Check:  checkPhaseMissing,
	}
}

func checkPhaseMissing(p *plan.Plan, s Settings) []Result {
	if p.Timeline == nil || len(p.Timeline.Phases) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, ph := range p.Timeline.Phases {
		have[ph.Kind] = true
	}
	phasesKey := p.Timeline.KeyOf(&p.Timeline.Phases)
	var out []Result
	for _, kind := range plan.PhaseKinds {
		var sev diag.Severity
		switch {
		case have[kind]:
			continue
		case slices.Contains(s.RequiredPhases, kind):
			sev = diag.Error
		case slices.Contains(s.AdvisedPhases, kind):
			sev = diag.Warning
		default:
			continue
		}
		length := ""
		if min := s.Minimums[kind]; min > 0 {
			length = fmt.Sprintf(" lasting at least %s", wording.DaysInWords(min))
		}
		out = append(out, at(phasesKey,
			"the timeline has no %s phase: add one with kind: %s%s", kind, kind, length).withSeverity(sev))
	}
	return out
}
