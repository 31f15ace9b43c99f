package rules

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func stakeholderIncomplete() Rule {
	return Rule{
		ID:       "stakeholder-incomplete",
		Severity: diag.Warning,
		Summary:  "a stakeholder lacks a profile, an interest or an influence level",
		Rationale: "The online engagement plan template profiles each stakeholder: their context, " +
			"their interest in the issue and their influence over the outcome. Without these the " +
			"register is a list of names, and the choice of participation level, channels and " +
			"activities for them cannot be justified. One finding is given per missing field. " +
			"The fields needed are the profile's stakeholder_fields: profile, interest and " +
			"influence by default; impact and participation where a profile lists them. The " +
			"report's power/interest grid places a group by influence and impact, and names " +
			"beneath it each group that lacks either, with the rating it lacks.",
		Fix: "Fill in the field named in the message: profile (their social, technical, economic and " +
			"political context), interest (their issues and needs), influence or impact (low, " +
			"medium or high), participation (inform to empower).",
		Source: "T",
		Check:  checkStakeholderIncomplete,
	}
}

func checkStakeholderIncomplete(p *plan.Plan, set Settings) []Result {
	var out []Result
	for _, s := range p.Stakeholders {
		fields := []struct {
			key, todo string
			missing   bool
		}{
			{"profile", "describe their social, technical, economic and political context", blank(s.Profile)},
			{"interest", "describe their issues and needs and what they gain by taking part", blank(s.Interest)},
			{"influence", "rate their influence over the outcome as low, medium or high", blank(s.Influence)},
			{"impact", "rate how much the outcome affects them as low, medium or high", blank(s.Impact)},
			{"participation", "say how far they take part: inform, consult, involve, collaborate or empower", blank(s.Participation)},
			// A partner or governing body works with the project directly; languages are
			// asked so that information reaches the people it affects.
			{"languages", "list the languages they read and speak, so information reaches them in those", countNonBlank(s.Languages) == 0 && !s.Partner},
		}
		for _, f := range fields {
			if f.missing && slices.Contains(set.StakeholderFields, f.key) {
				out = append(out, at(s.Node, "stakeholder %q has no %s: %s", s.ID, f.key, f.todo))
			}
		}
	}
	return out
}
