package rules

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func stakeholderNotReached() Rule {
	return Rule{
		ID:       "stakeholder-not-reached",
		Severity: diag.Warning,
		Summary:  "a phase is over and a stakeholder the plan meant to consult, involve, collaborate with or empower in it was never engaged",
		Rationale: "The PMBOK note on engagement vs communications (P) is the reason this tool " +
			"exists: a stakeholder who is not invited to the meetings that concern them is a gap, " +
			"and only the record shows it. When a phase whose activities were meant for a group " +
			"above `inform` on the IAP2 spectrum ends without a record of engaging that group (or " +
			"a part of it), the plan's promise of participation was not kept for them.",
		Fix: "Record the engagement if it happened: a record dated within the phase that names " +
			"the group or a part of it (`plan record --date DAY --stakeholder ID ...`). If it did " +
			"not happen, nothing later clears the gap, since engaging the group in a later phase " +
			"does not engage it in this one: say why on the stakeholder's line with " +
			"`# plan:ignore stakeholder-not-reached -- reason`, and plan how the group will be " +
			"heard. The finding depends on the day: `--today` or PLAN_TODAY sets it.",
		Source:       "P",
		CheckRecords: checkStakeholderNotReached,
	}
}

func checkStakeholderNotReached(p *plan.Plan, pr Progress, _ Settings) []Result {
	if !pr.dated() {
		return nil
	}
	done := pr.Done()
	var out []Result
	for _, ph := range p.ResolvePhases() {
		if !ph.Dated() || !ph.End.Before(pr.Today) {
			continue
		}
		meant := p.AudienceIn(ph)
		for i := range p.Stakeholders {
			s := &p.Stakeholders[i]
			if !meant[s.ID] || !aboveInform(s.Participation) {
				continue
			}
			if done.EngagedBetween(p.WithParts(s.ID), ph.Start.First(), ph.End.Last()) {
				continue
			}
			out = append(out, pr.asOf(nil, s.Node, "phase %q ended on %s and stakeholder %q (%s) was never engaged in it: record the engagement with a date in the phase if it happened, else say why with `# plan:ignore stakeholder-not-reached -- reason`",
				ph.Phase.ID, ph.End, s.ID, s.Participation))
		}
	}
	return out
}

// aboveInform reports whether a participation level asks more than informing: the
// levels at which the plan means to hear from people.
func aboveInform(level string) bool {
	return slices.Index(plan.ParticipationLevels, level) > 0
}
