package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func riskUnmitigated() Rule {
	return Rule{
		ID:       "risk-unmitigated",
		Severity: diag.Error,
		Summary:  "a risk has no mitigation",
		Rationale: "The online engagement plan template (T) pairs every issue or risk with what will be " +
			"done about it. A risk without a mitigation is a worry written down, not managed: when it " +
			"happens mid-engagement the team improvises under pressure instead of following a plan " +
			"agreed in advance.",
		Fix:    "Give the risk a `mitigation` saying what will be done to prevent it or reduce its effect, and ideally an `owner`.",
		Source: "T",
		Check:  checkRiskUnmitigated,
	}
}

func checkRiskUnmitigated(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, r := range p.Risks {
		if blank(r.Mitigation) {
			out = append(out, at(r.Node,
				"risk %q has no mitigation: add mitigation saying what will be done to prevent it or reduce its effect", r.ID))
		}
	}
	return out
}
