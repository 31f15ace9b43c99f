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
			"such as printed material, a phone line, an interpreter or a partner organisation. " +
			"`vulnerable_channels` in `.planrc.yaml` changes how many channels are needed (default 2).",
		Source: "D, C",
		Check:  checkVulnerableSupport,
	}
}

func checkVulnerableSupport(p *plan.Plan, s Settings) []Result {
	need := s.VulnerableChannels
	var out []Result
	for _, st := range p.Stakeholders {
		if !st.Vulnerable {
			continue
		}
		switch have := countNonBlank(st.Channels); {
		case have >= need:
		case have == 0:
			out = append(out, at(st.Node, "stakeholder %q is vulnerable but has no channel: add at least %s for them to take part under their channels", st.ID, inWords(need, "way")))
		case need == 2:
			out = append(out, at(st.Node, "stakeholder %q is vulnerable but has only one channel: add a second way for them to take part under their channels", st.ID))
		default:
			out = append(out, at(st.Node, "stakeholder %q is vulnerable but has only %s: add at least %s for them to take part under their channels", st.ID, inWords(have, "channel"), inWords(need, "way")))
		}
	}
	return out
}
