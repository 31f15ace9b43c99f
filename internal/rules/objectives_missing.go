package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
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
		Check: whenEmpty("the plan has no objectives: add at least one SMART objective under objectives",
			func(p *plan.Plan) (*yaml.Node, bool) { return p.KeyOf(&p.Objectives), len(p.Objectives) == 0 }),
	}
}
