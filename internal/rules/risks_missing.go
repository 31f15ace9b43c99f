package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func risksMissing() Rule {
	return Rule{
		ID:       "risks-missing",
		Severity: diag.Warning,
		Summary:  "the plan lists no risks",
		Rationale: "The online engagement plan template (T) asks for the issues and risks of the " +
			"engagement with their mitigations: low turnout, a vocal minority drowning out others, " +
			"misinformation, a platform outage, a decision taken before the consultation closes. A " +
			"plan with no risks has not been thought through, not a plan without any.",
		Fix:    "Add `risks`, each with an `id`, a `description`, its `likelihood` and `impact`, and a `mitigation`.",
		Source: "T",
		Check: whenEmpty("the plan lists no risks: add risks, each with a description and a mitigation",
			func(p *plan.Plan) (*yaml.Node, bool) { return p.KeyOf(&p.Risks), len(p.Risks) == 0 }),
	}
}
