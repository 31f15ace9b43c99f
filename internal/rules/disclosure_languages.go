package rules

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func disclosureLanguages() Rule {
	return Rule{
		ID:       "disclosure-languages",
		Severity: diag.Warning,
		Summary:  "a disclosed document is not in every language the stakeholders' entries name",
		Rationale: "A document people cannot read has not been disclosed to them. ESS10 (para 19) " +
			"asks for information in relevant local languages, and a national consultation reaches " +
			"people who do not read the main one. The rule compares each document's languages with " +
			"those the stakeholder register gives.",
		Fix: "Publish the document (or a summary of it) in the missing languages and add them to its " +
			"`languages`, or say how those groups are told instead.",
		Source: "C",
		Check:  checkDisclosureLanguages,
	}
}

func checkDisclosureLanguages(p *plan.Plan, _ Settings) []Result {
	var spoken []string
	seen := map[string]bool{}
	for _, s := range p.Stakeholders {
		for _, l := range s.Languages {
			if k := strings.ToLower(strings.TrimSpace(l)); k != "" && !seen[k] {
				seen[k] = true
				spoken = append(spoken, strings.TrimSpace(l))
			}
		}
	}
	if len(spoken) == 0 {
		return nil
	}
	var out []Result
	for i := range p.Disclosure {
		d := &p.Disclosure[i]
		if len(d.Languages) == 0 {
			continue
		}
		has := map[string]bool{}
		for _, l := range d.Languages {
			has[strings.ToLower(strings.TrimSpace(l))] = true
		}
		var missing []string
		for _, l := range spoken {
			if !has[strings.ToLower(l)] {
				missing = append(missing, fmt.Sprintf("%q", l))
			}
		}
		if len(missing) > 0 {
			out = append(out, at(d.KeyOf(&d.Languages), "%q is not published in %s, which stakeholders speak: add it in those languages, or a summary",
				d.Document, wording.List(missing)))
		}
	}
	return out
}
