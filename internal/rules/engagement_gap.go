package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func engagementGap() Rule {
	return Rule{
		ID:       "engagement-gap",
		Severity: diag.Warning,
		Summary:  "a stakeholder should become more engaged, but every activity that reaches them is one-way",
		Rationale: "The PMBOK note on engagement vs communications warns that telling people things " +
			"is communication, not engagement. When the engagement assessment matrix says a " +
			"stakeholder must move up (for example from neutral to supportive), one-way newsletters " +
			"and announcements will not move them: they need an activity that listens, or an input " +
			"technique aimed at them. A stakeholder nobody reaches gets stakeholder-not-engaged " +
			"instead.",
		Fix: "Set feedback: true on an activity whose audience includes the stakeholder (or add such " +
			"an activity), or list the stakeholder under a policy technique.",
		Source: "P",
		Check:  checkEngagementGap,
	}
}

func checkEngagementGap(p *plan.Plan, _ Settings) []Result {
	_, inTechnique := engagedIDs(p)
	var out []Result
	for _, s := range p.Stakeholders {
		if s.Engagement == nil || inTechnique[s.ID] {
			continue
		}
		cur, want := plan.EngagementRank(s.Engagement.Current), plan.EngagementRank(s.Engagement.Desired)
		if cur < 0 || want <= cur {
			continue
		}
		reached, listens := false, false
		for _, a := range p.Activities {
			if a.Audience.Contains(s.ID) {
				reached = true
				listens = listens || a.Feedback
			}
		}
		if reached && !listens {
			out = append(out, at(s.Node, "stakeholder %q should move from %s to %s but every activity that reaches them is one-way: set feedback: true on one of them or list them under a policy technique",
				s.ID, s.Engagement.Current, s.Engagement.Desired))
		}
	}
	return out
}
