package plan

import "slices"

// AudienceIn is the stakeholders in the audience of an activity of phase r: one that
// names the phase, or names none and is dated within it (an open-ended phase runs on).
// plan check's stakeholder-not-reached and plan status read a phase's audience so.
func (p *Plan) AudienceIn(r ResolvedPhase) map[string]bool {
	out := map[string]bool{}
	for _, a := range p.Activities {
		in := a.Phase.ID != "" && a.Phase.ID == r.Phase.ID
		if a.Phase.ID == "" && !a.Date.IsZero() {
			in = !a.Date.Before(r.Start.First()) && (r.End.IsZero() || !a.Date.After(r.End.Last()))
		}
		if in {
			for _, ref := range a.Audience {
				out[ref.ID] = true
			}
		}
	}
	return out
}

// WithParts is id and the ids of the stakeholders that are part of it, at any depth:
// engaging older residents is engaging residents.
func (p *Plan) WithParts(id string) []string {
	ids := []string{id}
	for i := 0; i < len(ids); i++ {
		for _, s := range p.Stakeholders {
			if s.PartOf.ID == ids[i] && s.ID != "" && !slices.Contains(ids, s.ID) {
				ids = append(ids, s.ID)
			}
		}
	}
	return ids
}
