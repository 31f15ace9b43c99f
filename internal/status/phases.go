package status

import "github.com/planascode/plan/internal/plan"

// Phases is where today falls in the plan's timeline.
type Phases struct {
	// Current are the phases today falls in: usually one, two where an ongoing phase
	// overlaps another.
	Current []Phase `json:"current"`
	// Next is the first phase to start after today; nil when none is dated to.
	Next *Phase `json:"next"`
	// Previous is the last phase to have ended before today; nil when none has.
	Previous *Phase `json:"previous"`
	// Undated counts the phases whose dates cannot be worked out (plan timeline says why).
	Undated int `json:"undated"`
}

// Phase is one phase of the timeline with its dates, as seen from today.
type Phase struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Start string `json:"start"`
	// End is "" for an open-ended phase.
	End string `json:"end"`
	// Days is the phase's length counting both ends; 0 when open-ended.
	Days int `json:"days"`
	// Day is which day of the phase today is (1 on its first); 0 for a phase that is
	// not current.
	Day int `json:"day"`
	// DaysLeft is how many days of the phase remain after today (0 on its last day, and
	// for an open-ended or past phase); StartsIn how many days until a next phase starts;
	// EndedAgo how many days ago a previous phase ended.
	DaysLeft  int  `json:"days_left"`
	StartsIn  int  `json:"starts_in"`
	EndedAgo  int  `json:"ended_ago"`
	OpenEnded bool `json:"open_ended"`

	resolved plan.ResolvedPhase
}

func phaseOf(r plan.ResolvedPhase) Phase {
	return Phase{
		ID: r.Phase.ID, Name: r.Phase.DisplayName(), Kind: r.Phase.Kind,
		Start: r.Start.String(), End: r.End.String(), Days: r.Days(), OpenEnded: r.OpenEnded(), resolved: r,
	}
}

func phasesOf(phases []plan.ResolvedPhase, today plan.Date) Phases {
	out := Phases{Current: []Phase{}}
	for _, r := range phases {
		switch {
		case r.Undated:
			out.Undated++
		case r.Start.First().After(today):
			if out.Next == nil || r.Start.Before(out.Next.resolved.Start.First()) {
				ph := phaseOf(r)
				ph.StartsIn = today.DaysUntil(r.Start.First())
				out.Next = &ph
			}
		case !r.End.IsZero() && r.End.Last().Before(today):
			if out.Previous == nil || r.End.After(out.Previous.resolved.End.Last()) {
				ph := phaseOf(r)
				ph.EndedAgo = r.End.Last().DaysUntil(today)
				out.Previous = &ph
			}
		default:
			ph := phaseOf(r)
			ph.Day = r.Start.First().DaysUntil(today) + 1
			if !r.End.IsZero() {
				ph.DaysLeft = today.DaysUntil(r.End.Last())
			}
			out.Current = append(out.Current, ph)
		}
	}
	return out
}
