package diff

import "github.com/planascode/plan/internal/plan"

// comparePhases compares the timeline's phases by id, as compare does, on the dates the
// format works out for them (a phase that follows on from the one before moves when that
// one changes length), and adds each changed or added phase's length against the minimum
// for its kind.
func comparePhases(before, after *plan.Plan, minimums map[string]int) Section {
	olds, oldPhases := phaseEntries(before)
	news, newPhases := phaseEntries(after)
	s := compare("phases", "Timeline", olds, news)
	for i := range s.Items {
		it := &s.Items[i]
		if it.Change == Removed {
			continue
		}
		now := newPhases[it.ID]
		l := Length{NewDays: now.Days(), MinimumDays: minimums[now.Phase.Kind]}
		if it.Change == Changed {
			l.OldDays = oldPhases[it.ID].Days()
			if l.OldDays == l.NewDays {
				continue
			}
		}
		if l.NewDays > 0 || l.OldDays > 0 {
			it.Length = &l
		}
	}
	return s
}

// phaseEntries are the phases with their worked-out dates, and the first phase of each
// id as worked out, for its kind and length. The length is not a field: Item.Length says
// it against the minimum.
func phaseEntries(p *plan.Plan) ([]entry, map[string]plan.ResolvedPhase) {
	byID := map[string]plan.ResolvedPhase{}
	var out []entry
	for _, r := range p.ResolvePhases() {
		ph := r.Phase
		var start, end string
		if !r.Undated {
			start, end = r.Start.String(), r.End.String()
		}
		if _, ok := byID[ph.ID]; !ok {
			byID[ph.ID] = r
		}
		out = append(out, entry{id: ph.ID, name: ph.DisplayName(), values: []value{
			plain("name", ph.Name),
			plain("kind", ph.Kind),
			plain("start", start),
			plain("end", end),
			plain("round", count(ph.Round)),
		}})
	}
	return out, byID
}
