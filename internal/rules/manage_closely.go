package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func manageClosely() Rule {
	return Rule{
		ID:       "manage-closely",
		Severity: diag.Warning,
		Summary:  "a stakeholder with high influence and high impact is only informed",
		Rationale: "Common public-consultation practice places stakeholders on a power/interest grid: " +
			"those with high influence over the outcome who are also strongly affected belong in " +
			"the \"manage closely\" quadrant. Only informing them (the lowest level of the IAP2 " +
			"spectrum) leaves the people most able to derail or champion the project without a " +
			"voice, which is how late objections and lost support happen.",
		Fix: "Raise the stakeholder's participation to consult, involve, collaborate or empower, and " +
			"plan activities that gather their input; or revisit the influence and impact ratings.",
		Source: "C",
		Check:  checkManageClosely,
	}
}

func checkManageClosely(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, s := range p.Stakeholders {
		if s.Influence == "high" && s.Impact == "high" && s.Participation == "inform" {
			out = append(out, at(s.Node,
				"stakeholder %q has high influence and high impact but is only informed: manage them closely by raising participation to consult or above", s.ID))
		}
	}
	return out
}
