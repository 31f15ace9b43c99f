package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func vulnerableMissing() Rule {
	return Rule{
		ID:       "vulnerable-missing",
		Severity: diag.Warning,
		Summary:  "the profile asks for vulnerable groups, and the register names none",
		Rationale: "ESS10 (paras 10-11) asks a project to identify the disadvantaged or vulnerable " +
			"individuals and groups among those it affects, and to take differentiated measures so " +
			"that they can take part; a national public consultation reaches people who do not " +
			"speak the main language, have a disability or no internet access in the same way. A " +
			"register that marks no group as vulnerable has usually not asked the question. The " +
			"rule runs only where the profile asks for it (vulnerable_groups).",
		Fix: "Mark the groups who need help to take part with `vulnerable: true`, and give them the " +
			"channels they can use; add such a group if the register lacks one.",
		Source: "C",
		Check:  checkVulnerableMissing,
	}
}

func checkVulnerableMissing(p *plan.Plan, s Settings) []Result {
	if !s.VulnerableGroups || len(p.Stakeholders) == 0 {
		return nil
	}
	for _, st := range p.Stakeholders {
		if st.Vulnerable {
			return nil
		}
	}
	return []Result{at(p.KeyOf(&p.Stakeholders),
		"no stakeholder group is marked vulnerable: identify the groups who need help to take part (language, disability, access, age) and set vulnerable: true on them")}
}
