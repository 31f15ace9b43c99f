package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func mandateMissing() Rule {
	return Rule{
		ID:       "mandate-missing",
		Severity: diag.Warning,
		Summary:  "the plan has no mandate.statement",
		Rationale: "The online engagement plan template opens with the mandate: who we are engaging, " +
			"about what, why, and what their input will let us do. Without it, stakeholders cannot " +
			"tell what is on the table, and the team has no yardstick for deciding which activities " +
			"and objectives belong in the plan.",
		Fix: "Add mandate.statement: \"We are engaging <stakeholders> about <issue> because we want to " +
			"understand <what> so that we can <focus>.\"",
		Source: "T",
		Check: whenEmpty("the plan has no mandate statement: add mandate.statement saying whom you engage about what, and why",
			func(p *plan.Plan) (*yaml.Node, bool) {
				return p.KeyOf(&p.Mandate), p.Mandate == nil || blank(p.Mandate.Statement)
			}),
	}
}
