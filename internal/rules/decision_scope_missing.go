package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func decisionScopeMissing() Rule {
	return Rule{
		ID:       "decision-scope-missing",
		Severity: diag.Warning,
		Summary:  "a decision says neither what is open to stakeholders' influence nor what is fixed",
		Rationale: "The online engagement plan template (T) asks of every decision what is on the table " +
			"and what is not negotiable. Without either, people cannot tell whether their input can " +
			"change anything, and a decision that gave no one a say reads as if it were consulted on. " +
			"IAP2's promise to the public at each level of participation rests on saying this plainly.",
		Fix: "List under `open` what stakeholders can change, under `non_negotiable` what is already " +
			"fixed and why, or both.",
		Source: "T",
		Check:  checkDecisionScopeMissing,
	}
}

func checkDecisionScopeMissing(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, d := range p.Decisions {
		if countNonBlank(d.Open) == 0 && countNonBlank(d.NonNegotiable) == 0 {
			out = append(out, at(d.Node, "decision %q says neither what is open to influence nor what is fixed: list open, non_negotiable or both", d.ID))
		}
	}
	return out
}
