package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
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
		Check:  checkMandateMissing,
	}
}

func checkMandateMissing(p *plan.Plan, _ Settings) []Result {
	if p.Mandate != nil && !blank(p.Mandate.Statement) {
		return nil
	}
	// at(nil) is the top of the file, which is where an absent section points.
	return []Result{at(p.KeyOf(&p.Mandate),
		"the plan has no mandate statement: add mandate.statement saying whom you engage about what, and why")}
}
