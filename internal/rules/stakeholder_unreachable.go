package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func stakeholderUnreachable() Rule {
	return Rule{
		ID:       "stakeholder-unreachable",
		Severity: diag.Error,
		Summary:  "a stakeholder has no channels, so there is no way to reach them",
		Rationale: "The online engagement plan template records for every stakeholder how to reach " +
			"them and get them to engage. A stakeholder with no channel is in the register but " +
			"outside the engagement: nothing in the plan says how they will hear about it or take " +
			"part.",
		Fix: "List under the stakeholder's channels at least one way to reach them, such as a " +
			"newsletter, a community group, a mailing list or a meeting.",
		Source: "T",
		Check:  checkStakeholderUnreachable,
	}
}

func checkStakeholderUnreachable(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, s := range p.Stakeholders {
		if countNonBlank(s.Channels) == 0 {
			out = append(out, at(s.Node, "stakeholder %q has no channels: add at least one way to reach them under channels", s.ID))
		}
	}
	return out
}
