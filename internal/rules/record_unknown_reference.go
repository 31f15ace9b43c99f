package rules

import (
	"fmt"
	"maps"
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func recordUnknownReference() Rule {
	return Rule{
		ID:       "record-unknown-reference",
		Severity: diag.Error,
		Summary:  "a record names an activity, stakeholder, document, measure or decision the plan does not have",
		Rationale: "A record says which planned activity it carried out, whom it engaged, what it " +
			"disclosed, which measure it measured and which decision it reported back on, all by the " +
			"plan's ids. A reference that resolves to nothing is usually a typo, and it quietly " +
			"drops what happened: the activity looks not held, the stakeholder never reached, the " +
			"report-back never given. The record format requires every reference to resolve.",
		Fix: "Correct the id to one the plan has, in the list the message names, or add the missing " +
			"item to the plan; leave `activity` out for an ad-hoc contact that carried out no planned " +
			"activity.",
		CheckRecords: checkRecordUnknownReference,
	}
}

func checkRecordUnknownReference(p *plan.Plan, pr Progress, _ Settings) []Result {
	ids := idSets(p, plan.RecordedLists)
	var out []Result
	for _, r := range pr.All.References() {
		if known := ids[r.List]; !known[r.ID] {
			out = append(out, Result{Node: r.Node, Record: r.Record,
				Message: fmt.Sprintf("%s %q is not in the plan's %s%s", listNoun[r.List], r.ID, r.List, suggestID(r.ID, known))})
		}
	}
	return out
}

// suggestID is ": did you mean \"x\"?" when one of ids is a likely typo of id, else
// "": use an id from the list.
func suggestID(id string, ids map[string]bool) string {
	if near := wording.Closest(id, slices.Sorted(maps.Keys(ids))); near != "" {
		return fmt.Sprintf(": did you mean %q?", near)
	}
	return ": use an id from there, or add it to the plan"
}
