package rules

import (
	"fmt"

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
	// key is the field's name in the format, for the message.
	check := func(owner, key string, t refTarget, refs ...plan.Ref) {
		for _, ref := range refs {
			// An empty reference is absent, and the schema reports an empty list entry.
			if ref.ID != "" && ref.Node != nil && !t.ids[ref.ID] {
				out = append(out, at(ref.Node, "%s %s refers to %s %q, which does not exist: use an id from %s or add the %s there",
					owner, key, t.noun, ref.ID, t.list, t.noun))
			}
		}
	}

	for _, o := range p.Objectives {
		check(fmt.Sprintf("objective %q", o.ID), "decision", decisions, o.Decision)
	}
	if p.Policy != nil {
		for i, t := range p.Policy.Techniques {
			check(techniqueName(t, i), "stakeholders", stakeholders, t.Stakeholders...)
		}
	}
	for _, a := range p.Activities {
		owner := fmt.Sprintf("activity %q", a.ID)
		check(owner, "audience", stakeholders, a.Audience...)
		check(owner, "phase", phases, a.Phase)
	}
	for _, d := range p.Decisions {
		check(fmt.Sprintf("decision %q", d.ID), "phase", phases, d.Phase)
	}
	for _, s := range p.Stakeholders {
		check(fmt.Sprintf("stakeholder %q", s.ID), "part_of", stakeholders, s.PartOf)
	}
	for _, d := range p.Disclosure {
		check(fmt.Sprintf("disclosure %q", d.ID), "informs", phases, d.Informs)
	}
	if p.Evaluation != nil {
		for _, m := range p.Evaluation.Measures {
			check(fmt.Sprintf("measure %q", m.ID), "objective", objectives, m.Objective)
		}
	}
	sortByPosition(out)
	return out
}
