package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func privacyMissing() Rule {
	return Rule{
		ID:       "privacy-missing",
		Severity: diag.Error,
		Summary:  "information is collected but the plan does not say how privacy is protected",
		Rationale: "The online engagement plan template (T) asks what information is gathered from " +
			"people, how their privacy is protected and what is published. Collecting personal " +
			"information without a stated privacy approach is an error: privacy law applies to " +
			"submissions, and people stop speaking frankly once they suspect their words will be " +
			"published with their name. A plan that says nothing about information at all gets a " +
			"warning, since almost every engagement collects something.",
		Fix: "Add `policy.information.privacy` saying how people's privacy is protected (and " +
			"`collected` for what is gathered, `publication` for what is released).",
		Source: "T",
		Check:  checkPrivacyMissing,
	}
}

func checkPrivacyMissing(p *plan.Plan, _ Settings) []Result {
	var info *plan.Information
	var infoKey *yaml.Node
	if p.Policy != nil {
		info, infoKey = p.Policy.Information, p.Policy.KeyOf(&p.Policy.Information)
	}
	if info != nil && !blank(info.Privacy) {
		return nil
	}
	switch {
	case info != nil && !blank(info.Collected):
		return []Result{at(infoKey,
			"policy.information says what is collected but not how it is protected: add policy.information.privacy saying how people's privacy is protected").withSeverity(diag.Error)}
	case infoKey != nil:
		return []Result{at(infoKey,
			"policy.information says neither what is collected nor how privacy is protected: add collected and privacy to it").withSeverity(diag.Warning)}
	}
	return []Result{at(p.KeyOf(&p.Policy),
		"the plan does not say what information is collected or how privacy is protected: add policy.information with collected and privacy").withSeverity(diag.Warning)}
}
