package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func objectivesMissing() Rule {
	return Rule{
		ID:       "objectives-missing",
		Severity: diag.Error,
		Summary:  "the plan has no objectives",
		Rationale: "The online engagement plan template asks for SMART objectives because they are " +
			"what the engagement is for: they decide which stakeholders matter, which activities are " +
			"worth running and what the evaluation measures. A plan without objectives cannot say " +
			"whether it succeeded.",
		Fix: "Add at least one entry under objectives with an id, a statement and the five SMART " +
			"fields (specific, measurable, assignable, realistic, time_related).",
		Source: "T",
		Check:  checkObjectivesMissing,
	}
}

func checkObjectivesMissing(p *plan.Plan, _ Settings) []Result {
	if len(p.Objectives) > 0 {
		return nil
	}
	return []Result{at(p.KeyOf(&p.Objectives),
		"the plan has no objectives: add at least one SMART objective under objectives")}
}
