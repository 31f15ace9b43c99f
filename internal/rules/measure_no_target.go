package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func measureNoTarget() Rule {
	return Rule{
		ID:       "measure-no-target",
		Severity: diag.Warning,
		Summary:  "a measure of success has no target",
		Rationale: "The online engagement plan template (T) asks for each measure of success a metric " +
			"and the target that counts as success. A metric without a target (\"number of " +
			"submissions\") can be reported but never met or missed, so the evaluation cannot say " +
			"whether the engagement worked; of the published plans judged for this tool, those " +
			"with measures most often left the target out.",
		Fix:    "Give the measure a `target`: the figure or state that counts as success (\"300 responses\", \"every school reached\").",
		Source: "T",
		Check:  checkMeasureNoTarget,
	}
}

func checkMeasureNoTarget(p *plan.Plan, _ Settings) []Result {
	if p.Evaluation == nil {
		return nil
	}
	var out []Result
	for _, m := range p.Evaluation.Measures {
		if blank(string(m.Target)) {
			out = append(out, at(m.Node, "measure %q has no target: add target with the figure or state that counts as success", m.ID))
		}
	}
	return out
}
