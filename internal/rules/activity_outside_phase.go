package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func activityOutsidePhase() Rule {
	return Rule{
		ID:       "activity-outside-phase",
		Severity: diag.Warning,
		Summary:  "an activity's date (or a series' until) falls outside its own phase, or before the timeline starts",
		Rationale: "An activity dated outside the phase it belongs to says two things at once: either " +
			"the date or the phase is wrong, and the timeline, the calendar export and the report " +
			"will each show a different one. An activity dated before the first phase starts happens " +
			"before the engagement has begun.",
		Fix:    "Correct the activity's `date` or its `phase`, or move the phase's dates to cover it.",
		Source: "T",
		Check:  checkActivityOutsidePhase,
	}
}

func checkActivityOutsidePhase(p *plan.Plan, _ Settings) []Result {
	phases := p.ResolvePhases()
	byID := phasesByID(phases)
	var first plan.Date
	for _, r := range phases {
		if !r.Undated && !r.Start.IsZero() && (first.IsZero() || r.Start.Before(first)) {
			first = r.Start
		}
	}
	var out []Result
	for i := range p.Activities {
		a := &p.Activities[i]
		if a.Date.IsZero() {
			continue
		}
		if !a.Until.IsZero() && a.Until.Before(a.Date) {
			out = append(out, at(a.Until.Node, "activity %q ends its series on %s, before it starts on %s: correct date or until", a.ID, a.Until.Date, a.Date))
			continue
		}
		at2 := a.KeyOf(&a.Date)
		if r, ok := byID[a.Phase.ID]; ok && a.Phase.ID != "" && !r.Undated && !r.Start.IsZero() {
			switch {
			case a.Date.Before(r.Start):
				out = append(out, at(at2, "activity %q is dated %s, before its phase %q starts on %s: correct the date or the phase", a.ID, a.Date, a.Phase.ID, r.Start))
			case !r.End.IsZero() && a.Date.After(r.End):
				out = append(out, at(at2, "activity %q is dated %s, after its phase %q ends on %s: correct the date or the phase", a.ID, a.Date, a.Phase.ID, r.End))
			case !r.End.IsZero() && !a.Until.IsZero() && a.Until.After(r.End):
				out = append(out, at(a.Until.Node, "activity %q runs until %s, after its phase %q ends on %s: correct until or the phase", a.ID, a.Until.Date, a.Phase.ID, r.End))
			}
			continue
		}
		if !first.IsZero() && a.Date.Before(first) {
			out = append(out, at(at2, "activity %q is dated %s, before the timeline starts on %s: correct the date or start the timeline earlier", a.ID, a.Date, first))
		}
	}
	return out
}
