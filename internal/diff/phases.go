package diff

import "github.com/planascode/plan/internal/plan"

// comparePhases compares the timeline's phases by id, as compare does, on the dates the
// format works out for them (a phase that follows on from the one before moves when that
// one changes length), and adds each changed or added phase's length against the minimum
// for its kind.
func comparePhases(before, after *plan.Plan, minimums map[string]int) Section {
	olds, oldDays := phaseEntries(before)
	news, newDays := phaseEntries(after)
	s := compare("phases", "Timeline", olds, news)
	kinds := map[string]string{}
	if after.Timeline != nil {
		for _, ph := range after.Timeline.Phases {
			if _, ok := kinds[ph.ID]; !ok {
				kinds[ph.ID] = ph.Kind
			}
		}
	}
	for i := range s.Items {
		it := &s.Items[i]
		if it.Change == Removed {
			continue
		}
		l := Length{NewDays: newDays[it.ID], MinimumDays: minimums[kinds[it.ID]]}
		if it.Change == Changed {
			l.OldDays = oldDays[it.ID]
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

// phaseEntries are the phases with their worked-out dates, and each phase's length in
// days by id (0 when it cannot be worked out). The length is not a field: Item.Length
// says it against the minimum.
func phaseEntries(p *plan.Plan) ([]entry, map[string]int) {
	days := map[string]int{}
	var out []entry
	for _, r := range p.ResolvePhases() {
		ph := r.Phase
		var start, end string
		if !r.Undated {
			start, end = r.Start.String(), r.End.String()
		}
		if _, ok := days[ph.ID]; !ok {
			days[ph.ID] = r.Days()
		}
		out = append(out, entry{id: ph.ID, name: ph.DisplayName(), values: []value{
			plain("name", ph.Name),
			plain("kind", ph.Kind),
			plain("start", start),
			plain("end", end),
			plain("round", count(ph.Round)),
		}})
	}
	return out, days
}
