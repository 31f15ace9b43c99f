package rules

import (
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func duplicateID() Rule {
	return Rule{
		ID:       "duplicate-id",
		Severity: diag.Error,
		Summary:  "two items of one list share an id",
		Rationale: "Other parts of a plan refer to objectives, stakeholders, phases, decisions and " +
			"measures by id. When two items of one list share an id, a reference can no longer say " +
			"which one it means, and the rendered plan, the evaluation and every rule that follows " +
			"references may silently pick the wrong one. The plan format requires ids to be unique " +
			"within their list.",
		Fix: "Give the later item its own id, and update any audience, phase, decision or objective " +
			"reference that meant it.",
		Check: checkDuplicateID,
	}
}

func checkDuplicateID(p *plan.Plan, _ Settings) []Result {
	out := reusedIDs("objective", p.Objectives, func(o plan.Objective) (string, *yaml.Node) { return o.ID, o.Node })
	out = append(out, reusedIDs("stakeholder", p.Stakeholders, func(s plan.Stakeholder) (string, *yaml.Node) { return s.ID, s.Node })...)
	out = append(out, reusedIDs("activity", p.Activities, func(a plan.Activity) (string, *yaml.Node) { return a.ID, a.Node })...)
	out = append(out, reusedIDs("risk", p.Risks, func(r plan.Risk) (string, *yaml.Node) { return r.ID, r.Node })...)
	out = append(out, reusedIDs("decision", p.Decisions, func(d plan.Decision) (string, *yaml.Node) { return d.ID, d.Node })...)
	out = append(out, reusedIDs("disclosure", p.Disclosure, func(d plan.Disclosure) (string, *yaml.Node) { return d.ID, d.Node })...)
	if p.Timeline != nil {
		out = append(out, reusedIDs("phase", p.Timeline.Phases, func(ph plan.Phase) (string, *yaml.Node) { return ph.ID, ph.Node })...)
	}
	if p.Evaluation != nil {
		out = append(out, reusedIDs("measure", p.Evaluation.Measures, func(m plan.Measure) (string, *yaml.Node) { return m.ID, m.Node })...)
	}
	return out
}

// reusedIDs reports the items of one list that reuse the id of an item above them; noun
// is what a message calls an item. Items with no id (the schema has reported them) or no
// node are passed over.
func reusedIDs[T any](noun string, items []T, idOf func(T) (string, *yaml.Node)) []Result {
	var out []Result
	first := map[string]*yaml.Node{}
	for _, item := range items {
		id, n := idOf(item)
		if id == "" || n == nil {
			continue
		}
		// The finding is about the item, so it points where the item starts, like every
		// finding about a list item; the message names the first item's line.
		if f, dup := first[id]; dup {
			out = append(out, at(n, "%s %q reuses the id of the %s at line %d: give each %s its own id", noun, id, noun, f.Line, noun))
			continue
		}
		first[id] = n
	}
	return out
}
