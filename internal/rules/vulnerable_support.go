package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func vulnerableSupport() Rule {
	return Rule{
		ID:       "vulnerable-support",
		Severity: diag.Warning,
		Summary:  "a vulnerable stakeholder is reached by fewer than two channels",
		Rationale: "The school software deployment guidance and common public-consultation practice " +
			"both ask for more than one way in for people who need extra support to take part " +
			"(because of disability, language, age or access to technology). A single channel that " +
			"does not suit them, an online survey for someone who does not use the internet, " +
			"silently shuts them out.",
		Fix: "Add at least a second channel to the stakeholder's channels that suits their needs, " +
			"such as printed material, a phone line, an interpreter or a partner organisation.",
		Source: "D, C",
		Check:  checkVulnerableSupport,
	}
}

func checkVulnerableSupport(p *plan.Plan, _ Settings) []Result {
	var out []Result
	for _, s := range p.Stakeholders {
		if !s.Vulnerable {
			continue
		}
		switch countNonBlank(s.Channels) {
		case 0:
			out = append(out, at(s.Node, "stakeholder %q is vulnerable but has no channel: add at least two ways for them to take part", s.ID))
		case 1:
			out = append(out, at(s.Node, "stakeholder %q is vulnerable but has only one channel: add a second way for them to take part", s.ID))
		}
	}
	return out
}
