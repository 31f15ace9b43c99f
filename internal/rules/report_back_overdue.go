package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
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
		Fix: "Give the report-back and record it (`plan record --report-back DECISION ...`), or, if " +
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
		out = append(out, pr.asOf(nil, d.ReportBack.Node, "the report-back on decision %q was due by %s and none is recorded: give it and record it", d.ID, d.ReportBack))
	}
	return out
}
