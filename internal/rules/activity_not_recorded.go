package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func activityNotRecorded() Rule {
	return Rule{
		ID:       "activity-not-recorded",
		Severity: diag.Warning,
		Summary:  "a planned one-off activity's date has passed and no record says it was held",
		Rationale: "A plan is only as good as what is done with it. Once a plan is being carried " +
			"out (it has records), a one-off activity whose day has gone by without a record was " +
			"either not held, and the people it was for were not heard, or held and not recorded, " +
			"and what was said there is lost to the report-back. Common consultation practice (C) " +
			"keeps a log of every engagement for exactly this reason. An activity dated only by " +
			"its phase is not judged: give it a `date` (a month will do) to have it checked.",
		Fix: "Add a record of the activity (`plan record --activity ID --date DATE ...`); if it " +
			"moved or was dropped, change the plan and say why in `changes`. The finding depends on " +
			"the day: `--today` or PLAN_TODAY sets it.",
		Source:       "C",
		CheckRecords: checkActivityNotRecorded,
	}
}

func checkActivityNotRecorded(p *plan.Plan, pr Progress, _ Settings) []Result {
	if !pr.dated() {
		return nil
	}
	done := pr.Done()
	var out []Result
	for i := range p.Activities {
		a := &p.Activities[i]
		if !oneOff(a) || a.ID == "" || !a.Date.Before(pr.Today) || len(done.Carrying(a.ID)) > 0 {
			continue
		}
		out = append(out, pr.asOf(nil, a.Node, "activity %q planned for %s has no record: record it, or change the plan if it moved or was dropped", a.ID, a.Date))
	}
	return out
}

// oneOff reports whether an activity happens once, on its date: not a series (until,
// sessions or a cadence other than once), which a single record cannot be said to carry
// out. An activity dated only by its phase has no date of its own and is not judged
// either (docs/records.md says so): such activities often run through their phase (an
// online map) with no one day a record could carry.
func oneOff(a *plan.Activity) bool {
	return !a.Date.IsZero() && a.Until.IsZero() && a.Sessions <= 1 && (a.Cadence == "" || a.Cadence == "once")
}
