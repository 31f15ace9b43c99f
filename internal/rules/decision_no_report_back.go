package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func decisionNoReportBack() Rule {
	return Rule{
		ID:       "decision-no-report-back",
		Severity: diag.Warning,
		Summary:  "a decision has no report_back date, or reports back before the phase it is made in starts",
		Rationale: "The online engagement plan template (T) asks every plan to \"close the loop\": to " +
			"tell stakeholders what was decided and how their input was used. A decision without a " +
			"report-back date leaves people who took part wondering whether anyone listened, and the " +
			"next engagement pays for it. A report-back dated before the phase in which the decision " +
			"is made cannot report on that decision and is almost always a typo.",
		Fix: "Give the decision a `report_back` date on or after the start of the phase named in its " +
			"`phase`, by which stakeholders will be told the outcome.",
		Source: "T",
		Check:  checkDecisionNoReportBack,
	}
}

func checkDecisionNoReportBack(p *plan.Plan, _ Settings) []Result {
	phases := phasesByID(p.ResolvePhases())
	var out []Result
	for _, d := range p.Decisions {
		if d.ReportBack.IsZero() {
			out = append(out, at(d.Node,
				"decision %q has no report_back: add the date by which stakeholders will be told the decision and how their input was used", d.ID))
			continue
		}
		start := phases[d.Phase.ID].Start
		if d.Phase.ID == "" || start.IsZero() || !d.ReportBack.Before(start) {
			continue
		}
		out = append(out, at(d.ReportBack.Node,
			"decision %q reports back on %s, before phase %q in which it is made starts on %s: move report_back to %s or later",
			d.ID, d.ReportBack, d.Phase.ID, start, start))
	}
	return out
}
