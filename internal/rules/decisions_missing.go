package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func decisionsMissing() Rule {
	return Rule{
		ID:       "decisions-missing",
		Severity: diag.Warning,
		Summary:  "the plan lists no decision points",
		Rationale: "The online engagement plan template (T) asks what will be decided, when, by whom, " +
			"what is open for discussion and what is not. Engagement exists to inform decisions; a " +
			"plan that names none invites people to contribute without telling them what their input " +
			"can change, which is how consultation fatigue and distrust begin.",
		Fix: "Add `decisions`, each with an `id`, the `question`, the `phase` it is made in, the " +
			"`decision_maker`, what is `open` and `non_negotiable`, and a `report_back` date.",
		Source: "T",
		Check: whenEmpty("the plan lists no decision points: add decisions saying what will be decided, when, by whom and how people will be told",
			func(p *plan.Plan) (*yaml.Node, bool) { return p.KeyOf(&p.Decisions), len(p.Decisions) == 0 }),
	}
}
