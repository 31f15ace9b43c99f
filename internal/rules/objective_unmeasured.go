package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func objectiveUnmeasured() Rule {
	return Rule{
		ID:       "objective-unmeasured",
		Severity: diag.Warning,
		Summary:  "no evaluation measure refers to the objective",
		Rationale: "The online engagement plan template links each objective to the measures of " +
			"success that show it was met. An objective that no measure refers to will not be " +
			"evaluated: at the end of the engagement nobody can say whether it was achieved.",
		Fix: "Add an entry under evaluation.measures whose objective is the objective's id, with the " +
			"metric, target and method.",
		Source: "T",
		Check:  checkObjectiveUnmeasured,
	}
}

func checkObjectiveUnmeasured(p *plan.Plan, _ Settings) []Result {
	measured := map[string]bool{}
	if p.Evaluation != nil {
		for _, m := range p.Evaluation.Measures {
			measured[m.Objective.ID] = true
		}
	}
	var out []Result
	for _, o := range p.Objectives {
		if !measured[o.ID] {
			out = append(out, at(o.Node, "objective %q has no measure of success: add an evaluation measure with objective: %s", o.ID, o.ID))
		}
	}
	return out
}
