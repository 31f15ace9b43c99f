package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func activityIncomplete() Rule {
	return Rule{
		ID:       "activity-incomplete",
		Severity: diag.Warning,
		Summary:  "an activity has no audience (who), no phase, date or cadence (when), or no channel (where)",
		Rationale: "The PMBOK note on engagement vs communications describes a communications plan " +
			"as saying who is told what, when and how. An activity without an audience reaches " +
			"nobody in particular, one without a phase, date or cadence never gets scheduled, and " +
			"one without a channel leaves people not knowing where to turn up. One finding is given " +
			"per gap.",
		Fix: "Add the missing part named in the message: audience (stakeholder ids), phase, date or " +
			"cadence, or channel (the place or platform).",
		Source: "P",
		Check:  checkActivityIncomplete,
	}
}

func checkActivityIncomplete(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, a := range p.Activities {
		if len(a.Audience) == 0 {
			out = append(out, at(a.Node, "activity %q has no audience: list the stakeholder ids it is for under audience", a.ID))
		}
		if blank(a.Phase.ID) && a.Date.IsZero() && blank(a.Cadence) {
			out = append(out, at(a.Node, "activity %q says nothing about when it happens: give it a phase, a date or a cadence", a.ID))
		}
		if blank(a.Channel) {
			out = append(out, at(a.Node, "activity %q has no channel: say where or on which platform it happens under channel", a.ID))
		}
	}
	return out
}
