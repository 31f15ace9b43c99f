package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func grievanceMissing() Rule {
	return Rule{
		ID:       "grievance-missing",
		Severity: diag.Error,
		Summary:  "the profile asks for a grievance mechanism, and the plan describes none",
		Rationale: "ESS10 (paras 26-27 and Annex 1) requires a World Bank-financed project to run a " +
			"grievance mechanism: a way for people affected by it to raise concerns and complaints " +
			"and have them resolved promptly, at no cost and without retribution. A Stakeholder " +
			"Engagement Plan without one leaves affected people nowhere to turn but the courts. The " +
			"rule runs only where the profile asks for a mechanism (grievance_required).",
		Fix: "Add `grievance` with its channels (at least one anonymous), the tiers that handle a " +
			"complaint, the days to acknowledge and to resolve it, and where a complainant can appeal.",
		Source: "C",
		Check:  checkGrievanceMissing,
	}
}

func checkGrievanceMissing(p *plan.Plan, s Settings) []Result {
	if !s.GrievanceRequired || p.Grievance != nil {
		return nil
	}
	return []Result{at(nil, "the plan describes no grievance mechanism: add grievance with its channels, who handles complaints, the days to acknowledge and resolve them, and the appeal")}
}
