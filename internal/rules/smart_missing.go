package rules

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func smartMissing() Rule {
	return Rule{
		ID:       "smart-missing",
		Severity: diag.Error,
		Summary:  "an objective lacks specific, measurable, assignable, realistic or time_related",
		Rationale: "The online engagement plan template asks for SMART objectives: specific, " +
			"measurable, assignable, realistic and time-related. Each missing part is a way for the " +
			"objective to fail unnoticed: nobody knows exactly what was meant, how to tell it was " +
			"met, who answers for it, whether it could ever be done, or by when. One finding is " +
			"given per missing field so that each can be fixed (or ignored) on its own.",
		Fix: "Fill in the field named in the message on that objective; an empty value counts as " +
			"missing.",
		Source: "T",
		Check:  checkSmartMissing,
	}
}

func checkSmartMissing(p *plan.Plan, s Settings) []Result {
	var out []Result
	for _, o := range p.Objectives {
		fields := []struct {
			key, todo string
			missing   bool
		}{
			{"specific", "say exactly what will be achieved", blank(o.Specific)},
			{"measurable", "add the metric and its target", blank(o.Measurable)},
			{"assignable", "name the role or person accountable for it", blank(o.Assignable)},
			{"realistic", "say why it can be done with the time, people and budget at hand", blank(o.Realistic)},
			{"time_related", "add the date (YYYY-MM-DD) by which it is to be met", o.TimeRelated.IsZero()},
		}
		for _, f := range fields {
			if f.missing && slices.Contains(s.ObjectiveFields, f.key) {
				out = append(out, at(o.Node, "objective %q has no %s: %s", o.ID, f.key, f.todo))
			}
		}
	}
	return out
}
