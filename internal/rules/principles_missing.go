package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func principlesMissing() Rule {
	return Rule{
		ID:       "principles-missing",
		Severity: diag.Warning,
		Summary:  "the plan states no engagement principles (policy.principles)",
		Rationale: "The online engagement plan template (T) opens its policy section with the " +
			"principles the engagement follows, such as inclusion, transparency and accountability. " +
			"Written down, they are a promise stakeholders can hold the team to and a test the team " +
			"can apply when a trade-off comes up mid-engagement; left unsaid, each person on the team " +
			"applies their own.",
		Fix:    "Add `policy.principles`, a list of the principles the engagement commits to.",
		Source: "T",
		Check: whenEmpty("the plan states no engagement principles: add policy.principles, such as inclusion, transparency and accountability",
			func(p *plan.Plan) (*yaml.Node, bool) {
				return keyWithin(p, &p.Policy, func(pol *plan.Policy) *yaml.Node { return pol.KeyOf(&pol.Principles) }),
					p.Policy == nil || countNonBlank(p.Policy.Principles) == 0
			}),
	}
}
