package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func phaseGap() Rule {
	return Rule{
		ID:       "phase-gap",
		Severity: diag.Info,
		Summary:  "days with no phase between two consecutive phases",
		Rationale: "The online engagement plan template (T) runs the phases back to back so that " +
			"momentum is not lost: a pause between launch and engagement, or between engagement and " +
			"close, is when interest fades and people stop expecting to hear back. A gap can be " +
			"deliberate (a holiday, a council recess), so it is reported as information, with its " +
			"dates, for the author to confirm.",
		Fix: "Start the later phase the day after the earlier one ends (or leave its `start` out), " +
			"or lengthen the earlier phase; if the pause is deliberate, silence the finding with a " +
			"`# plan:ignore phase-gap -- reason` comment on the later phase.",
		Source: "T",
		Check:  checkPhaseGap,
	}
}

func checkPhaseGap(p *plan.Plan, s Settings) []Result {
	var out []Result
	phases := p.ResolvePhases()
	// While any phase is out of order or overlaps another (phase-order's findings), the
	// days between two neighbours in the list may belong to a phase listed elsewhere:
	// gaps mean something once the order is fixed.
	if len(orderProblems(phases, s.PhasesMayOverlap)) > 0 {
		return nil
	}
	// Only neighbours in the list are compared: with an undated or open-ended phase between
	// two dated ones, nobody can say which days are uncovered.
	for i := 1; i < len(phases); i++ {
		prev, cur := phases[i-1], phases[i]
		if !prev.Dated() || prev.End.Before(prev.Start) || cur.Undated {
			continue
		}
		// A gap is only certain between an end and a start that are days: the days
		// between "2027-03" and "2027-Q2" may all be covered.
		gap := prev.End.Last().DaysUntil(cur.Start) - 1
		if gap <= 0 || !prev.End.Precise() || !cur.Start.Precise() {
			continue
		}
		first, last := prev.End.AddDays(1), cur.Start.AddDays(-1)
		span := "on " + first.String()
		if gap > 1 {
			span = "from " + first.String() + " to " + last.String()
		}
		out = append(out, at(cur.Phase.Node,
			"%s leaves %s with no phase after %s (%s): start it on %s or lengthen %s, unless the pause is deliberate",
			phaseLabel(cur.Phase), wording.Plural(gap, "day"), phaseLabel(prev.Phase), span, first, phaseLabel(prev.Phase)))
	}
	return out
}
