package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func changeNoReason() Rule {
	return Rule{
		ID:       "change-no-reason",
		Severity: diag.Warning,
		Summary:  "a revision of the plan says what changed but not why",
		Rationale: "A plan that moves its close date, drops a phase or changes who decides must tell " +
			"the people it engages why, or the change reads as a way round them. The UK " +
			"Consultation Principles and ESS10 (para 25, on changes to a project) both expect " +
			"changes to be explained; a change log whose entries carry no reason cannot be.",
		Fix:    "Give the entry in `changes` a `reason`.",
		Source: "C",
		Check:  checkChangeNoReason,
	}
}

func checkChangeNoReason(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for i := range p.Changes {
		c := &p.Changes[i]
		if blank(c.Reason) {
			out = append(out, at(c.Node, "the change of %s (%s) says what changed but not why: add reason", c.Date.Date, c.Summary))
		}
	}
	return out
}
