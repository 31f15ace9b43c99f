package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"gopkg.in/yaml.v3"
)

func timelineMissing() Rule {
	return Rule{
		ID:       "timeline-missing",
		Severity: diag.Error,
		Summary:  "the plan has no timeline phases",
		Rationale: "The online engagement plan template (T) lays the engagement out in phases: " +
			"planning, launch, engagement, close and ongoing engagement. Without a timeline nobody " +
			"can tell whether there is enough time for people to take part, when decisions fall or " +
			"when people will hear back, and every date-based check of this tool has nothing to " +
			"compare against.",
		Fix: "Add `timeline.phases`, in order, each with an `id`, a `kind` and its dates (`start` " +
			"and one of `end`, `weeks` or `days`); `timeline.start` can date the first phase.",
		Source: "T",
		Check:  checkTimelineMissing,
	}
}

func checkTimelineMissing(p *plan.Plan, _ Settings) []Result {
	if p.Timeline != nil && len(p.Timeline.Phases) > 0 {
		return nil
	}
	return []Result{at(keyWithin(p, &p.Timeline, func(t *plan.Timeline) *yaml.Node { return t.KeyOf(&t.Phases) }),
		"the plan has no timeline phases: add timeline.phases with at least a planning, an engagement and a close phase")}
}
