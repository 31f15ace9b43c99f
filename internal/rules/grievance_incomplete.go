package rules

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func grievanceIncomplete() Rule {
	return Rule{
		ID:       "grievance-incomplete",
		Severity: diag.Warning,
		Summary:  "the grievance mechanism has no response times, no anonymous channel or no appeal (and, where the profile requires one, no confidentiality or handling of sensitive complaints)",
		Rationale: "A grievance mechanism people trust says how soon a complaint is acknowledged and " +
			"resolved, lets people complain without giving their name (those who fear retribution " +
			"most need it most), and says where to go when the answer does not satisfy. ESS10 " +
			"(para 27 and Annex 1) asks for published timeframes, anonymous complaints and an " +
			"appeal that does not prevent access to judicial or administrative remedies.",
		Fix: "Add `acknowledge_days` and `resolve_days` (for the mechanism or each tier), a channel " +
			"with `anonymous: true`, and `appeal`; where the profile requires a mechanism, also " +
			"`confidentiality` and `sensitive` (how complaints of sexual exploitation and abuse are referred).",
		Source: "C",
		Check:  checkGrievanceIncomplete,
	}
}

func checkGrievanceIncomplete(p *plan.Plan, s Settings) []Result {
	g := p.Grievance
	if g == nil {
		return nil
	}
	where := g.At()
	var out []Result
	switch acknowledge, resolve := g.ResponseTimes(); {
	case !acknowledge && !resolve:
		out = append(out, at(where, "the grievance mechanism gives no response times: add acknowledge_days and resolve_days"))
	case !acknowledge:
		out = append(out, at(where, "the grievance mechanism does not say how soon a complaint is acknowledged: add acknowledge_days"))
	case !resolve:
		out = append(out, at(where, "the grievance mechanism does not say how soon a complaint is resolved: add resolve_days"))
	}
	switch {
	case len(g.Channels) == 0:
		out = append(out, at(where, "the grievance mechanism lists no channels: add the ways a complaint can be made, at least one of them anonymous"))
	case !slices.ContainsFunc(g.Channels, func(c plan.GrievanceChannel) bool { return c.Anonymous }):
		out = append(out, at(g.KeyOf(&g.Channels), "no grievance channel takes anonymous complaints: mark one anonymous: true, or add one that does"))
	}
	if blank(g.Appeal) {
		out = append(out, at(where, "the grievance mechanism says nowhere to appeal: add appeal (escalation, an ombudsman, the financier's mechanism, the courts)"))
	}
	if s.GrievanceRequired {
		// Where the profile requires the mechanism (ESS10), it must also protect those who
		// use it and route the complaints that endanger them.
		if blank(g.Confidentiality) {
			out = append(out, at(where, "the grievance mechanism does not say how complainants' identities are kept confidential: add confidentiality"))
		}
		if blank(g.Sensitive) {
			out = append(out, at(where, "the grievance mechanism does not say how complaints of sexual exploitation, abuse or harassment are referred: add sensitive"))
		}
	}
	return out
}
