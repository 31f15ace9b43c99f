package plan

import "fmt"

// ResolvedPhase is a phase with its dates worked out as the format prescribes.
type ResolvedPhase struct {
	// Phase points into Plan.Timeline.Phases.
	Phase *Phase
	Index int
	Start Date
	// End is the last day (inclusive); zero for an open-ended phase.
	End Date
	// Undated is set when the start cannot be worked out; Reason says why.
	Undated bool
	Reason  string
	// PastLastDate is set when the phase is undated because it would run past LastDate.
	PastLastDate bool
	// fixedDays is the length given by weeks or days, which holds whatever day a start
	// written as a month or season turns out to be; 0 when the end is a date.
	fixedDays int
}

// Dated reports whether both ends of the phase are known.
func (r ResolvedPhase) Dated() bool { return !r.Undated && !r.Start.IsZero() && !r.End.IsZero() }

// Days is the phase's length counting its first and last day, or 0 when not dated. A
// phase whose start or end is written as a month, quarter or season is drawn over every
// day it may cover, so Days is its longest; MinDays is its shortest.
func (r ResolvedPhase) Days() int { return r.length(r.Start.First(), r.End.Last()) }

// MinDays is the shortest the phase may be on the days its dates allow; Days for a phase
// dated to the day.
func (r ResolvedPhase) MinDays() int { return r.length(r.Start.Last(), r.End.First()) }

// length is the days from first to last, both counted, unless weeks or days fix it; 0
// when the phase is not dated.
func (r ResolvedPhase) length(first, last Date) int {
	if !r.Dated() {
		return 0
	}
	if r.fixedDays > 0 {
		return r.fixedDays
	}
	return first.DaysUntil(last) + 1
}

// ResolvePhases works out every phase's start and end in list order: a phase without a
// start begins the day after the previous one ends (or at timeline.start for the first);
// weeks: N ends on start+7N-1, days: N on start+N-1. Only an ongoing phase may be
// open-ended; any other phase without end, weeks or days is undated, and so is every
// phase that would have to start after it, or end after LastDate.
func (p *Plan) ResolvePhases() []ResolvedPhase {
	if p.Timeline == nil {
		return nil
	}
	out := make([]ResolvedPhase, len(p.Timeline.Phases))
	var prev *ResolvedPhase
	for i := range p.Timeline.Phases {
		ph := &p.Timeline.Phases[i]
		r := ResolvedPhase{Phase: ph, Index: i}
		switch {
		case !ph.Start.IsZero():
			r.Start = ph.Start
		case prev == nil && !p.Timeline.Start.IsZero():
			r.Start = p.Timeline.Start
		case prev == nil:
			r.Undated, r.Reason = true, "neither it nor the timeline has a start"
		case prev.Undated:
			r.Undated, r.Reason = true, fmt.Sprintf("it has no start and the dates of phase %q before it cannot be worked out", prev.Phase.ID)
		case prev.End.IsZero():
			r.Undated, r.Reason = true, fmt.Sprintf("it has no start and the open-ended phase %q before it has no end", prev.Phase.ID)
		case !prev.End.Before(LastDate):
			r.Undated, r.PastLastDate = true, true
			r.Reason = fmt.Sprintf("it has no start and phase %q before it ends on %s, the last day a date can name", prev.Phase.ID, LastDate)
		default:
			r.Start = prev.End.AddDays(1)
		}
		if !r.Undated {
			switch {
			case !ph.End.IsZero():
				r.End = ph.End
			case ph.Weeks > 0:
				r.End = r.Start.AddDays(7*ph.Weeks - 1)
				r.fixedDays = 7 * ph.Weeks
			case ph.Days > 0:
				r.End = r.Start.AddDays(ph.Days - 1)
				r.fixedDays = ph.Days
			case ph.Kind != KindOngoing:
				r.Undated, r.Reason = true, "it has no end, weeks or days"
			}
			if r.End.After(LastDate) {
				r.Start, r.End = Date{}, Date{}
				r.Undated, r.PastLastDate = true, true
				r.Reason = fmt.Sprintf("it would end after %s, the last day a date can name", LastDate)
			}
		}
		out[i] = r
		prev = &out[i]
	}
	return out
}

// OpenEnded reports whether a resolved phase has a start but no end.
func (r ResolvedPhase) OpenEnded() bool { return !r.Undated && r.End.IsZero() }

// Length is how a phase's length compares with the minimum and ideal for its kind.
type Length int

const (
	LengthOK Length = iota
	LengthBelowIdeal
	LengthTooShort
)

// JudgeLength compares a phase of days with minimum and ideal (0 when the kind has
// none). plan check's phase-too-short and plan timeline both ask it, so that the chart
// and the findings never disagree.
func JudgeLength(days, minimum, ideal int) Length {
	switch {
	case minimum > 0 && days < minimum:
		return LengthTooShort
	case ideal > 0 && days < ideal:
		return LengthBelowIdeal
	}
	return LengthOK
}
