package rules

import (
	"strconv"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func measureBelowTarget() Rule {
	return Rule{
		ID:       "measure-below-target",
		Severity: diag.Warning,
		Summary:  "a measure's date has passed and its last recorded value misses its target, or none is recorded",
		Rationale: "A SMART objective (T) is time-related: by its date, its measures say whether it " +
			"was met. Once that date has passed, a measure whose last value is short of its target " +
			"(or over a target written as a most, such as \"at most 5 complaints\") is an objective " +
			"missed, which the evaluation and the report-back must face; one with no value at all " +
			"was never evaluated.",
		Fix: "Record the measure's value (`plan record --measure ID=VALUE ...`). If it is short of " +
			"the target, say so in the evaluation and decide what to do about it; the finding stays " +
			"until a later value meets the target. A measure is dated by its objective's " +
			"`time_related`; the finding depends on the day: `--today` or PLAN_TODAY sets it.",
		Source:       "T",
		CheckRecords: checkMeasureBelowTarget,
	}
}

func checkMeasureBelowTarget(p *plan.Plan, pr Progress, _ Settings) []Result {
	if !pr.dated() || p.Evaluation == nil {
		return nil
	}
	due := map[string]plan.Date{}
	for _, o := range p.Objectives {
		if _, seen := due[o.ID]; !seen {
			due[o.ID] = o.TimeRelated.Date
		}
	}
	done := pr.Done()
	var out []Result
	for i := range p.Evaluation.Measures {
		m := &p.Evaluation.Measures[i]
		by := due[m.Objective.ID]
		if m.ID == "" || by.IsZero() || !by.Before(pr.Today) {
			continue
		}
		target, ceiling, ok := m.Target.Number()
		if !ok {
			continue
		}
		last, recorded := done.Latest(m.ID, pr.Today)
		if !recorded {
			out = append(out, pr.asOf(nil, m.Node, "measure %q was due by %s (objective %q) and no value is recorded: record it against its target of %s",
				m.ID, by, m.Objective.ID, m.Target))
			continue
		}
		v := last.Value.Value
		if (ceiling && v <= target) || (!ceiling && v >= target) {
			continue
		}
		out = append(out, pr.asOf(last.Record, last.Value.Node, "measure %q was due by %s and its last value, %s on %s, misses its target of %s",
			m.ID, by, strconv.FormatFloat(v, 'f', -1, 64), last.Record.Last(), m.Target))
	}
	return out
}
