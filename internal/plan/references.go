package plan

import (
	"fmt"
	"strings"
)

// Lists whose items other fields refer to by id, named by where their ids live.
const (
	ListStakeholders = "stakeholders"
	ListPhases       = "timeline.phases"
	ListDecisions    = "decisions"
	ListObjectives   = "objectives"
	// Only engagement records refer to these.
	ListActivities = "activities"
	ListDisclosure = "disclosure"
	ListMeasures   = "evaluation.measures"
)

// ReferencedLists are the lists references in a plan point into.
var ReferencedLists = []string{ListStakeholders, ListPhases, ListDecisions, ListObjectives}

// RecordedLists are the lists references in a plan's engagement records point into.
var RecordedLists = []string{ListActivities, ListStakeholders, ListDisclosure, ListMeasures, ListDecisions}

// Reference is one reference by id written in a plan.
type Reference struct {
	// Ref is the reference itself, with the node it was written at.
	*Ref
	// List is where the id it names should live: one of the List* constants.
	List string
	// Owner names the item that holds the reference (`activity "drop-in"`) and Key the
	// field it is written in (audience), for messages.
	Owner, Key string
	// InList is set when the reference is one entry of a list of references (an
	// audience), rather than the whole value of its field (a phase).
	InList bool
}

// References lists every reference by id in the plan, in the format's order of
// sections. Refs that were not written (an empty id) are left out.
func (p *Plan) References() []Reference {
	var out []Reference
	one := func(owner, key, list string, r *Ref) {
		if r.ID != "" && r.Node != nil {
			out = append(out, Reference{Ref: r, List: list, Owner: owner, Key: key})
		}
	}
	many := func(owner, key, list string, rs Refs) {
		for i := range rs {
			if rs[i].ID != "" && rs[i].Node != nil {
				out = append(out, Reference{Ref: &rs[i], List: list, Owner: owner, Key: key, InList: true})
			}
		}
	}
	for i := range p.Objectives {
		o := &p.Objectives[i]
		one(fmt.Sprintf("objective %q", o.ID), "decision", ListDecisions, &o.Decision)
	}
	for i := range p.Stakeholders {
		s := &p.Stakeholders[i]
		one(fmt.Sprintf("stakeholder %q", s.ID), "part_of", ListStakeholders, &s.PartOf)
	}
	if p.Policy != nil {
		for i := range p.Policy.Techniques {
			t := &p.Policy.Techniques[i]
			many(techniqueOwner(*t, i), "stakeholders", ListStakeholders, t.Stakeholders)
		}
	}
	for i := range p.Disclosure {
		d := &p.Disclosure[i]
		one(fmt.Sprintf("disclosure %q", d.ID), "informs", ListPhases, &d.Informs)
	}
	for i := range p.Activities {
		a := &p.Activities[i]
		owner := fmt.Sprintf("activity %q", a.ID)
		many(owner, "audience", ListStakeholders, a.Audience)
		one(owner, "phase", ListPhases, &a.Phase)
	}
	for i := range p.Decisions {
		d := &p.Decisions[i]
		one(fmt.Sprintf("decision %q", d.ID), "phase", ListPhases, &d.Phase)
	}
	if p.Evaluation != nil {
		for i := range p.Evaluation.Measures {
			m := &p.Evaluation.Measures[i]
			one(fmt.Sprintf("measure %q", m.ID), "objective", ListObjectives, &m.Objective)
		}
	}
	return out
}

// techniqueOwner names a policy technique in messages: techniques have no id, so its tool
// is the best handle a reader has, else its place in the list (i counts from 0; the
// message counts from 1).
func techniqueOwner(t Technique, i int) string {
	if strings.TrimSpace(t.Tool) != "" {
		return fmt.Sprintf("technique %q", t.Tool)
	}
	return fmt.Sprintf("technique %d", i+1)
}

// IDs lists the ids of the items of list, one of the List* constants, in file order.
func (p *Plan) IDs(list string) []string {
	switch list {
	case ListStakeholders:
		return idsOf(p.Stakeholders, func(s Stakeholder) string { return s.ID })
	case ListPhases:
		if p.Timeline != nil {
			return idsOf(p.Timeline.Phases, func(ph Phase) string { return ph.ID })
		}
	case ListDecisions:
		return idsOf(p.Decisions, func(d Decision) string { return d.ID })
	case ListObjectives:
		return idsOf(p.Objectives, func(o Objective) string { return o.ID })
	case ListActivities:
		return idsOf(p.Activities, func(a Activity) string { return a.ID })
	case ListDisclosure:
		return idsOf(p.Disclosure, func(d Disclosure) string { return d.ID })
	case ListMeasures:
		if p.Evaluation != nil {
			return idsOf(p.Evaluation.Measures, func(m Measure) string { return m.ID })
		}
	}
	return nil
}

func idsOf[T any](items []T, id func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// Lost returns the references of p (an earlier version of the plan) whose id p has and
// now does not: removed or renamed in now.
func (p *Plan) Lost(now *Plan) []Reference {
	gone := p.Gone(now, ReferencedLists)
	var out []Reference
	for _, r := range p.References() {
		if gone[r.List][r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// Gone returns, for each of lists (List* constants), the ids of p (an earlier version of
// the plan) that now does not have: removed or renamed.
func (p *Plan) Gone(now *Plan, lists []string) map[string]map[string]bool {
	gone := map[string]map[string]bool{}
	for _, list := range lists {
		kept := map[string]bool{}
		for _, id := range now.IDs(list) {
			kept[id] = true
		}
		gone[list] = map[string]bool{}
		for _, id := range p.IDs(list) {
			if !kept[id] {
				gone[list][id] = true
			}
		}
	}
	return gone
}

// Renamed returns, for each of lists, the ids of p (an earlier version of the plan) that
// now has replaced in place by another (the item at the same place of a list of the same
// length has a new id), old id to new.
func (p *Plan) Renamed(now *Plan, lists []string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, list := range lists {
		was, is := p.IDs(list), now.IDs(list)
		if len(was) != len(is) {
			continue
		}
		for i := range was {
			if was[i] != is[i] && was[i] != "" && is[i] != "" {
				if out[list] == nil {
					out[list] = map[string]string{}
				}
				out[list][was[i]] = is[i]
			}
		}
	}
	return out
}
