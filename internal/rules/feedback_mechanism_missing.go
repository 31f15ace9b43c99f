package rules

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func feedbackMechanismMissing() Rule {
	return Rule{
		ID:       "feedback-mechanism-missing",
		Severity: diag.Error,
		Summary:  "no activity gathers feedback and no technique is listed",
		Rationale: "The school software deployment guidance insists that the people affected have a " +
			"way to give feedback, not just receive notices. A plan in which no activity gathers " +
			"feedback and no input technique is listed is a communications plan: it has no way to " +
			"hear anyone.",
		Fix: "Set feedback: true on an activity that gathers input (a survey, workshop or forum), or " +
			"list at least one technique under policy.techniques.",
		Source: "D",
		Check: whenEmpty("no activity gathers feedback and no technique is listed: set feedback: true on an activity or add policy.techniques",
			func(p *plan.Plan) (*yaml.Node, bool) {
				listens := slices.ContainsFunc(p.Activities, func(a plan.Activity) bool { return a.Feedback })
				return p.KeyOf(&p.Activities), !listens && (p.Policy == nil || len(p.Policy.Techniques) == 0)
			}),
	}
}
