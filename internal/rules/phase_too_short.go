package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func phaseTooShort() Rule {
	return Rule{
		ID:       "phase-too-short",
		Severity: diag.Error,
		Summary:  "a phase is shorter than the minimum for its kind (warning: shorter than the ideal)",
		Rationale: "The online engagement plan template (T) recommends at least 3 weeks of planning " +
			"(4 is better), 4 weeks of engagement and 2 weeks to close. Shorter phases shut out the " +
			"people with the least time to spare: community groups that meet monthly, shift workers, " +
			"people who need material translated or an accessible format. A consultation that is too " +
			"short is also the first thing critics point to when they dispute its outcome. Phases " +
			"whose dates cannot be worked out are left to phase-undated, and phases that end before " +
			"they start to phase-order.",
		Fix: "Lengthen the phase (a later `end`, or more `weeks` or `days`) to at least the minimum " +
			"for its kind. Config can change the minimum and ideal lengths per kind.",
		Source: "T",
		Check:  checkPhaseTooShort,
	}
}

func checkPhaseTooShort(p *plan.Plan, s Settings) []Result {
	var out []Result
	for _, r := range p.ResolvePhases() {
		if !r.Dated() || r.End.Before(r.Start) {
			continue
		}
		kind, days := r.Phase.Kind, r.Days()
		min, ideal := s.Minimums[kind], s.Ideals[kind]
		if shortest := r.MinDays(); shortest < days && plan.JudgeLength(shortest, min, 0) == plan.LengthTooShort && plan.JudgeLength(days, min, 0) != plan.LengthTooShort {
			// Its dates are a month, quarter or season: on some of the days they allow it
			// meets the minimum, on others not.
			out = append(out, at(r.Phase.Node,
				"%s lasts between %s and %s as its dates are written (%s to %s), so it cannot be told whether it meets the minimum of %s for %s: give its start and end to the day",
				phaseLabel(r.Phase), wording.DaysInWords(max(shortest, 0)), wording.DaysInWords(days), r.Start, r.End, wording.DaysInWords(min), kindPhrase(kind)).withSeverity(diag.Warning))
			continue
		}
		switch plan.JudgeLength(days, min, ideal) {
		case plan.LengthTooShort:
			out = append(out, at(r.Phase.Node,
				"%s lasts %s, below the minimum of %s for %s: extend it by %s",
				phaseLabel(r.Phase), wording.DaysInWords(days), wording.DaysInWords(min), kindPhrase(kind), wording.DaysInWords(min-days)).withSeverity(diag.Error))
		case plan.LengthBelowIdeal:
			out = append(out, at(r.Phase.Node,
				"%s lasts %s, below the ideal of %s for %s: extend it by %s if you can",
				phaseLabel(r.Phase), wording.DaysInWords(days), wording.DaysInWords(ideal), kindPhrase(kind), wording.DaysInWords(ideal-days)).withSeverity(diag.Warning))
		}
	}
	return out
}
