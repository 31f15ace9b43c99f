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

// refTarget is a list of the plan's that a record's references resolve against.
type refTarget struct {
	noun string // what one item is called: "stakeholder"
	list string // where the ids live: "stakeholders"
	ids  map[string]bool
}

func checkRecordUnknownReference(p *plan.Plan, pr Progress, _ Settings) []Result {
	activities := refTarget{"activity", "activities", map[string]bool{}}
	for _, a := range p.Activities {
		activities.ids[a.ID] = true
	}
	stakeholders := refTarget{"stakeholder", "stakeholders", map[string]bool{}}
	for _, s := range p.Stakeholders {
		stakeholders.ids[s.ID] = true
	}
	documents := refTarget{"document", "disclosure", map[string]bool{}}
	for _, d := range p.Disclosure {
		documents.ids[d.ID] = true
	}
	measures := refTarget{"measure", "evaluation.measures", map[string]bool{}}
	if p.Evaluation != nil {
		for _, m := range p.Evaluation.Measures {
			measures.ids[m.ID] = true
		}
	}
	decisions := refTarget{"decision", "decisions", map[string]bool{}}
	for _, d := range p.Decisions {
		decisions.ids[d.ID] = true
	}

	var out []Result
	for _, r := range pr.All.Records {
		check := func(ref plan.Ref, t refTarget) {
			if ref.ID != "" && !t.ids[ref.ID] {
				out = append(out, in(r, ref.Node, "%s %q is not in the plan's %s%s", t.noun, ref.ID, t.list, suggestID(ref.ID, t.ids)))
			}
		}
		check(r.Activity, activities)
		for _, e := range r.Engaged {
			check(e.Stakeholder, stakeholders)
		}
		for _, is := range r.Issues {
			for _, by := range is.RaisedBy {
				check(by, stakeholders)
			}
		}
		for _, d := range r.Disclosed {
			check(d, documents)
		}
		for _, g := range r.Grievances {
			check(g.Stakeholder, stakeholders)
		}
		for _, m := range r.Measures {
			check(m.Measure, measures)
		}
		for _, rb := range r.ReportBacks {
			check(rb.Decision, decisions)
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
