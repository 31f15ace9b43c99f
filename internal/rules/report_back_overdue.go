package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

func reportBackOverdue() Rule {
	return Rule{
		ID:       "report-back-overdue",
		Severity: diag.Warning,
		Summary:  "a decision's report-back date has passed and no record says the report-back was given",
		Rationale: "The online engagement plan template (T) asks every plan to close the loop: to " +
			"tell the people who took part what was decided and how their input was used, by the " +
			"date the plan promised. A report-back that is late, or given and not recorded, is the " +
			"first thing participants notice and the last they forget.",
		Fix: "Give the report-back and record it (`plan record --report-back DECISION ...`): a " +
			"record of an activity of kind `report_back` does not clear it by itself, since an " +
			"activity does not say which decision it reports on; add `report_backs: [{decision: " +
			"DECISION}]` to that record. If " +
			"the decision itself moved, change its `report_back` date and say why in `changes`. The " +
			"finding depends on the day: `--today` or PLAN_TODAY sets it.",
		Source:       "T",
		CheckRecords: checkReportBackOverdue,
	}
}

func checkReportBackOverdue(p *plan.Plan, pr Progress, _ Settings) []Result {
	if !pr.dated() {
		return nil
	}
	done := pr.Done()
	var out []Result
	for i := range p.Decisions {
		d := &p.Decisions[i]
		if d.ID == "" || d.ReportBack.IsZero() || !d.ReportBack.Before(pr.Today) || len(done.ReportedBack(d.ID)) > 0 {
			continue
		}
		msg := fmt.Sprintf("the report-back on decision %q was due by %s and none is recorded: give it and record it with `plan record --report-back %s`", d.ID, d.ReportBack, d.ID)
		if r := unnamedReportBack(p, done); r != nil {
			msg += fmt.Sprintf(", or, if %s was this report-back, add `report_backs: [{decision: %s}]` to it", r.File, d.ID)
		}
		out = append(out, pr.asOf(nil, d.ReportBack.Node, "%s", msg))
	}
	return out
}

// reportBackKind is the kind of an activity held to report back (docs/plan-format.md).
const reportBackKind = "report_back"

// unnamedReportBack is the latest record of an activity of kind report_back that names
// no decision: a report-back may well have been given there, but an activity is not tied
// to a decision, so only the record can say which it reported on. Nil when there is none.
func unnamedReportBack(p *plan.Plan, done *record.Set) *record.Record {
	kinds := map[string]string{}
	for i := range p.Activities {
		kinds[p.Activities[i].ID] = p.Activities[i].Kind
	}
	var last *record.Record
	for _, r := range done.Records {
		if r.Activity.ID != "" && kinds[r.Activity.ID] == reportBackKind && len(r.ReportBacks) == 0 {
			last = r
		}
	}
	return last
}
