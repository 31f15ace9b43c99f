package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
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

func checkTimelineMissing(p *plan.Plan, s Settings) []Result {
	if p.Timeline != nil && len(p.Timeline.Phases) > 0 {
		return nil
	}
	what := "the stages of the engagement"
	if len(s.RequiredPhases) > 0 {
		kinds := make([]string, len(s.RequiredPhases))
		for i, k := range s.RequiredPhases {
			kinds[i] = wording.Article(k) + " " + k
		}
		what = "at least " + wording.List(kinds) + " phase"
	}
	return []Result{at(keyWithin(p, &p.Timeline, func(t *plan.Timeline) *yaml.Node { return t.KeyOf(&t.Phases) }),
		"the plan has no timeline phases: add timeline.phases with %s", what)}
}
