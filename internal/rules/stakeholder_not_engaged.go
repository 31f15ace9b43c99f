package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func stakeholderNotEngaged() Rule {
	return Rule{
		ID:       "stakeholder-not-engaged",
		Severity: diag.Warning,
		Summary:  "a stakeholder is in no activity's audience and no technique's stakeholders",
		Rationale: "The PMBOK note on engagement vs communications distinguishes knowing who the " +
			"stakeholders are from actually engaging them. A stakeholder that no activity invites " +
			"and no input technique reaches has been identified and then left out: the plan never " +
			"acts on its own register.",
		Fix: "Add the stakeholder's id to the audience of an activity, or to the stakeholders of a " +
			"policy technique; if they really need no engagement, remove them from the register.",
		Source: "P",
		Check:  checkStakeholderNotEngaged,
	}
}

func checkStakeholderNotEngaged(p *plan.Plan, _ Settings) []Result {
	inAudience, inTechnique := engagedIDs(p)
	var out []Result
	for _, s := range p.Stakeholders {
		// A partner or governing body is engaged through governance, not as an audience.
		if !s.Partner && !inAudience[s.ID] && !inTechnique[s.ID] {
			out = append(out, at(s.Node, "stakeholder %q is in no activity's audience and no technique: add them to an activity audience or a policy technique", s.ID))
		}
	}
	return out
}
