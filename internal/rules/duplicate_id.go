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

// idList is one list whose items carry ids, with the noun a message uses for its items.
type idList struct {
	noun  string
	items []*yaml.Node
}

func checkDuplicateID(p *plan.Plan, _ Settings) []Result {
	lists := []idList{
		{"objective", nodesOf(p.Objectives, func(o plan.Objective) *yaml.Node { return o.Node })},
		{"stakeholder", nodesOf(p.Stakeholders, func(s plan.Stakeholder) *yaml.Node { return s.Node })},
		{"activity", nodesOf(p.Activities, func(a plan.Activity) *yaml.Node { return a.Node })},
		{"risk", nodesOf(p.Risks, func(r plan.Risk) *yaml.Node { return r.Node })},
		{"decision", nodesOf(p.Decisions, func(d plan.Decision) *yaml.Node { return d.Node })},
	}
	if p.Timeline != nil {
		lists = append(lists, idList{"phase", nodesOf(p.Timeline.Phases, func(ph plan.Phase) *yaml.Node { return ph.Node })})
	}
	if p.Evaluation != nil {
		lists = append(lists, idList{"measure", nodesOf(p.Evaluation.Measures, func(m plan.Measure) *yaml.Node { return m.Node })})
	}
	var out []Result
	for _, l := range lists {
		first := map[string]*yaml.Node{}
		for _, item := range l.items {
			id := valueOf(item, "id")
			if id == nil || id.Kind != yaml.ScalarNode {
				continue
			}
			// The finding is about the item, so it points where the item starts, like
			// every finding about a list item; the message names the first item's line.
			if f, dup := first[id.Value]; dup {
				out = append(out, at(item, "%s %q reuses the id of the %s at line %d: give each %s its own id", l.noun, id.Value, l.noun, f.Line, l.noun))
				continue
			}
			first[id.Value] = item
		}
	}
	return out
}

// nodesOf collects the item nodes of a typed list, skipping items the loader could not
// tie to a node.
func nodesOf[T any](items []T, node func(T) *yaml.Node) []*yaml.Node {
	out := make([]*yaml.Node, 0, len(items))
	for _, it := range items {
		if n := node(it); n != nil {
			out = append(out, n)
		}
	}
	return out
}
