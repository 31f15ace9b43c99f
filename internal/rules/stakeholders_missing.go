package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func stakeholdersMissing() Rule {
	return Rule{
		ID:       "stakeholders-missing",
		Severity: diag.Error,
		Summary:  "the stakeholder register is empty",
		Rationale: "The stakeholder register is the core of the online engagement plan template: " +
			"every activity, channel and technique exists to reach someone in it. A plan with an " +
			"empty register cannot show that anyone affected by the project will be heard.",
		Fix: "Add the people, groups and organisations affected by or able to influence the project " +
			"under stakeholders, each with an id and a name.",
		Source: "T",
		Check: whenEmpty("the stakeholder register is empty: add everyone affected by or able to influence the project under stakeholders",
			func(p *plan.Plan) (*yaml.Node, bool) { return p.KeyOf(&p.Stakeholders), len(p.Stakeholders) == 0 }),
	}
}
