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

// idItem is an item of a list whose items carry ids.
type idItem struct {
	id   string
	node *yaml.Node
}

// idList is one list whose items carry ids, with the noun a message uses for its items.
type idList struct {
	noun  string
	items []idItem
}

func checkDuplicateID(p *plan.Plan, _ Settings) []Result {
	lists := []idList{
		{"objective", idItems(p.Objectives, func(o plan.Objective) idItem { return idItem{o.ID, o.Node} })},
		{"stakeholder", idItems(p.Stakeholders, func(s plan.Stakeholder) idItem { return idItem{s.ID, s.Node} })},
		{"activity", idItems(p.Activities, func(a plan.Activity) idItem { return idItem{a.ID, a.Node} })},
		{"risk", idItems(p.Risks, func(r plan.Risk) idItem { return idItem{r.ID, r.Node} })},
		{"decision", idItems(p.Decisions, func(d plan.Decision) idItem { return idItem{d.ID, d.Node} })},
		{"disclosure", idItems(p.Disclosure, func(d plan.Disclosure) idItem { return idItem{d.ID, d.Node} })},
	}
	if p.Timeline != nil {
		lists = append(lists, idList{"phase", idItems(p.Timeline.Phases, func(ph plan.Phase) idItem { return idItem{ph.ID, ph.Node} })})
	}
	if p.Evaluation != nil {
		lists = append(lists, idList{"measure", idItems(p.Evaluation.Measures, func(m plan.Measure) idItem { return idItem{m.ID, m.Node} })})
	}
	var out []Result
	for _, l := range lists {
		first := map[string]*yaml.Node{}
		for _, item := range l.items {
			// The finding is about the item, so it points where the item starts, like
			// every finding about a list item; the message names the first item's line.
			if f, dup := first[item.id]; dup {
				out = append(out, at(item.node, "%s %q reuses the id of the %s at line %d: give each %s its own id", l.noun, item.id, l.noun, f.Line, l.noun))
				continue
			}
			first[item.id] = item.node
		}
	}
	return out
}

// idItems lists the ids of a typed list, skipping items with no id (the schema has
// reported them) or no node.
func idItems[T any](items []T, item func(T) idItem) []idItem {
	out := make([]idItem, 0, len(items))
	for _, it := range items {
		if i := item(it); i.id != "" && i.node != nil {
			out = append(out, i)
		}
	}
	return out
}
