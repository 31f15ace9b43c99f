package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func phaseOrder() Rule {
	return Rule{
		ID:       "phase-order",
		Severity: diag.Error,
		Summary:  "a phase ends before it starts, overlaps the phase before it, or is out of order",
		Rationale: "The online engagement plan template (T) treats the timeline as a sequence: each " +
			"phase builds on the one before, and people are told when each step happens. A phase " +
			"that ends before it starts is a typo; one that starts on or before the previous phase's " +
			"last day, or is listed out of date order, usually means a date was copied and not " +
			"updated, and it makes every date computed from it (later phases, report-backs, " +
			"objective deadlines) wrong too.",
		Fix: "List the phases in date order and give each a `start` after the previous phase's last " +
			"day, or leave `start` out so that it follows on the next day; make sure `end` is not " +
			"before `start`.",
		Source: "T",
		Check:  checkPhaseOrder,
	}
}

func checkPhaseOrder(p *plan.Plan, s Settings) []Result {
	phases := p.ResolvePhases()
	var out []Result
	for _, problem := range orderProblems(phases, s.PhasesMayOverlap) {
		out = append(out, at(phases[problem.index].Phase.Node, "%s", problem.message))
	}
	return out
}

// orderProblem is a phase that phase-order reports, and what it says.
type orderProblem struct {
	index   int
	message string
}

// orderProblems finds the phases that end before they start, start before a phase listed
// above them, or overlap the one before (unless the profile lets phases overlap). phase-gap
// uses it too: until two phases are in order, the days between them say nothing.
func orderProblems(phases []plan.ResolvedPhase, mayOverlap bool) []orderProblem {
	var out []orderProblem
	report := func(i int, format string, args ...any) {
		out = append(out, orderProblem{i, fmt.Sprintf(format, args...)})
	}
	// lastDated is the nearest earlier phase with both ends known, for overlap; lastStarted
	// the nearest with a start, so that a phase listed after an open-ended one can still be
	// caught starting before it. Broken phases are never used as the reference: the next
	// phase would be blamed for their mistake.
	var lastDated, lastStarted *plan.ResolvedPhase
	// afterBroken is set while the phase just before ends before it starts. A phase with
	// no start of its own begins the day after that wrong end, so its start is the broken
	// phase's mistake too and is not compared with anything.
	afterBroken := false
	for i := range phases {
		r := &phases[i]
		if r.Undated {
			afterBroken = false
			continue
		}
		label := phaseLabel(r.Phase)
		derivedFromBroken := afterBroken && r.Phase.Start.IsZero()
		afterBroken = false
		switch {
		case r.Dated() && r.End.Before(r.Start):
			report(i, "%s ends on %s, before it starts on %s: fix its start or end", label, r.End, r.Start)
			afterBroken = true
			continue
		case derivedFromBroken:
		// A phase that starts before one listed above it is out of order, whether or not
		// the two overlap: moving it up the list is the likelier fix than moving its dates.
		case lastStarted != nil && r.Start.Before(lastStarted.Start):
			report(i, "%s starts on %s, before %s listed above it starts on %s: list the phases in date order or fix the start",
				label, r.Start, phaseLabel(lastStarted.Phase), lastStarted.Start)
		case !mayOverlap && lastDated != nil && !r.Start.After(lastDated.End):
			report(i, "%s starts on %s, on or before the last day of %s (%s), so the two overlap: start it on %s or later, or end %s sooner",
				label, r.Start, phaseLabel(lastDated.Phase), lastDated.End, lastDated.End.AddDays(1), phaseLabel(lastDated.Phase))
		}
		lastStarted = r
		if r.Dated() {
			lastDated = r
		}
	}
	return out
}
