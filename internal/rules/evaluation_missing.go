package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func evaluationMissing() Rule {
	return Rule{
		ID:       "evaluation-missing",
		Severity: diag.Error,
		Summary:  "the plan has no measures of success",
		Rationale: "The online engagement plan template ends with how success will be measured. " +
			"Measures decided up front keep the engagement honest: without them, any turnout can be " +
			"called a success afterwards, and nobody can show stakeholders or decision makers that " +
			"the objectives were met.",
		Fix: "Add evaluation.measures with at least one entry: an id, the metric, its target, the " +
			"method and the objective it measures.",
		Source: "T",
		Check: whenEmpty("the plan has no measures of success: add evaluation.measures with a metric and target for each objective",
			func(p *plan.Plan) (*yaml.Node, bool) {
				return keyWithin(p, &p.Evaluation, func(e *plan.Evaluation) *yaml.Node { return e.KeyOf(&e.Measures) }),
					p.Evaluation == nil || len(p.Evaluation.Measures) == 0
			}),
	}
}
