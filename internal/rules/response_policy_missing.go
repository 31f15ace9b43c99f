package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func responsePolicyMissing() Rule {
	return Rule{
		ID:       "response-policy-missing",
		Severity: diag.Warning,
		Summary:  "the plan does not say how quickly enquiries are answered (policy.response.within_days)",
		Rationale: "The online engagement plan template (T) asks for a response policy: how soon " +
			"enquiries and contributions are answered, how they are moderated and how outcomes are " +
			"reported. A stated turnaround sets expectations for the people taking part and gives the " +
			"team a standard to staff for; without one, questions pile up during the busiest weeks " +
			"and people conclude that nobody is listening.",
		Fix: "Add `policy.response.within_days` with the number of days within which enquiries are " +
			"answered (0 means the same day).",
		Source: "T",
		Check: whenEmpty("the plan does not say how quickly enquiries are answered: add policy.response.within_days with the number of days",
			func(p *plan.Plan) (*yaml.Node, bool) {
				return keyWithin(p, &p.Policy, func(pol *plan.Policy) *yaml.Node { return pol.KeyOf(&pol.Response) }),
					p.Policy == nil || p.Policy.Response == nil || p.Policy.Response.WithinDays == nil
			}),
	}
}
