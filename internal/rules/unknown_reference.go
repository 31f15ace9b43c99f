package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func unknownReference() Rule {
	return Rule{
		ID:       "unknown-reference",
		Severity: diag.Error,
		Summary:  "an audience, phase, objective, decision or technique stakeholder id does not exist",
		Rationale: "A plan ties its parts together by id: activities name their audience and phase, " +
			"decisions their phase, objectives the decision they inform, measures their objective, " +
			"and techniques the stakeholders they gather input from. A reference that resolves to " +
			"nothing is usually a typo, and it quietly drops the link: the stakeholder looks " +
			"unengaged, the objective unmeasured, the activity unscheduled. The plan format requires " +
			"every reference to resolve.",
		Fix: "Correct the id to one that exists in the list named in the message, or add the missing " +
			"stakeholder, phase, decision or objective.",
		Check: checkUnknownReference,
	}
}

// listNoun is what one item of a list that references point into is called, in the
// messages of unknown-reference and record-unknown-reference.
var listNoun = map[string]string{
	plan.ListStakeholders: "stakeholder",
	plan.ListPhases:       "phase",
	plan.ListDecisions:    "decision",
	plan.ListObjectives:   "objective",
	plan.ListActivities:   "activity",
	plan.ListDisclosure:   "document",
	plan.ListMeasures:     "measure",
}

// idSets holds the ids of each of the plan's lists, by list.
func idSets(p *plan.Plan, lists []string) map[string]map[string]bool {
	ids := map[string]map[string]bool{}
	for _, list := range lists {
		ids[list] = map[string]bool{}
		for _, id := range p.IDs(list) {
			ids[list][id] = true
		}
	}
	return ids
}

func checkUnknownReference(p *plan.Plan, _ Settings) []Result {
	ids := idSets(p, plan.ReferencedLists)
	var out []Result
	for _, r := range p.References() {
		if !ids[r.List][r.ID] {
			noun := listNoun[r.List]
			out = append(out, at(r.Node, "%s %s refers to %s %q, which does not exist: use an id from %s or add the %s there",
				r.Owner, r.Key, noun, r.ID, r.List, noun))
		}
	}
	sortByPosition(out)
	return out
}
