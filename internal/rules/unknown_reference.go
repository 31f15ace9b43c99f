package rules

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/yamltree"
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

// refTarget is a list that references resolve against.
type refTarget struct {
	noun string // what one item is called: "stakeholder"
	list string // where the ids live: "stakeholders"
	ids  map[string]bool
}

func checkUnknownReference(p *plan.Plan, _ Settings) []Result {
	stakeholders := refTarget{"stakeholder", "stakeholders", map[string]bool{}}
	for _, s := range p.Stakeholders {
		stakeholders.ids[s.ID] = true
	}
	phases := refTarget{"phase", "timeline.phases", map[string]bool{}}
	if p.Timeline != nil {
		for _, ph := range p.Timeline.Phases {
			phases.ids[ph.ID] = true
		}
	}
	decisions := refTarget{"decision", "decisions", map[string]bool{}}
	for _, d := range p.Decisions {
		decisions.ids[d.ID] = true
	}
	objectives := refTarget{"objective", "objectives", map[string]bool{}}
	for _, o := range p.Objectives {
		objectives.ids[o.ID] = true
	}

	var out []Result
	// one checks a single id value; many checks each entry of a list of ids.
	one := func(owner string, item *yaml.Node, key string, t refTarget) {
		if v := valueOf(item, key); v != nil && v.Kind == yaml.ScalarNode && !t.ids[v.Value] {
			out = append(out, unknownRef(v, owner, key, t))
		}
	}
	many := func(owner string, item *yaml.Node, key string, t refTarget) {
		for _, v := range seqItems(item, key) {
			if v.Kind == yaml.ScalarNode && !yamltree.IsNull(v) && !t.ids[v.Value] {
				out = append(out, unknownRef(v, owner, key, t))
			}
		}
	}

	for _, o := range p.Objectives {
		one(fmt.Sprintf("objective %q", o.ID), o.Node, "decision", decisions)
	}
	if p.Policy != nil {
		for i, t := range p.Policy.Techniques {
			many(techniqueName(t, i), t.Node, "stakeholders", stakeholders)
		}
	}
	for _, a := range p.Activities {
		owner := fmt.Sprintf("activity %q", a.ID)
		many(owner, a.Node, "audience", stakeholders)
		one(owner, a.Node, "phase", phases)
	}
	for _, d := range p.Decisions {
		one(fmt.Sprintf("decision %q", d.ID), d.Node, "phase", phases)
	}
	if p.Evaluation != nil {
		for _, m := range p.Evaluation.Measures {
			one(fmt.Sprintf("measure %q", m.ID), m.Node, "objective", objectives)
		}
	}
	sortByPosition(out)
	return out
}

func unknownRef(v *yaml.Node, owner, key string, t refTarget) Result {
	return at(v, "%s %s refers to %s %q, which does not exist: use an id from %s or add the %s there",
		owner, key, t.noun, v.Value, t.list, t.noun)
}
