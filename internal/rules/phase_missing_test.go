package rules

import (
	"testing"

	"github.com/planascode/plan/internal/plan"
)

func TestPhaseMissing(t *testing.T) {
	runRuleCases(t, phaseMissing(), []ruleCase{
		{
			name: "every kind present",
			yaml: planHead + `timeline:
  phases:
    - {id: p, kind: planning}
    - {id: l, kind: launch}
    - {id: e, kind: engagement}
    - {id: c, kind: close}
    - {id: o, kind: ongoing}
`,
		},
		{name: "no timeline is timeline-missing's", yaml: planHead},
		{name: "no phases is timeline-missing's", yaml: planHead + "timeline:\n  phases: []\n"},
		{
			name: "missing kinds point at phases key, in the usual order",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: consultation, kind: engagement, weeks: 4}
    - {id: more, kind: engagement, weeks: 1}
`,
			want: []string{
				`5:3 error the timeline has no planning phase: add one with kind: planning lasting at least 3 weeks`,
				`5:3 warning the timeline has no launch phase: add one with kind: launch`,
				`5:3 error the timeline has no close phase: add one with kind: close lasting at least 2 weeks`,
				`5:3 warning the timeline has no ongoing phase: add one with kind: ongoing`,
			},
		},
		{
			name: "only advised kinds missing",
			yaml: planHead + `timeline:
  phases:
    - {id: p, kind: planning}
    - {id: e, kind: engagement}
    - {id: c, kind: close}
`,
			want: []string{
				`4:3 warning the timeline has no launch phase`,
				`4:3 warning the timeline has no ongoing phase`,
			},
		},
	})
}

func TestPhaseMissingSettings(t *testing.T) {
	s := DefaultSettings()
	s.Minimums = map[string]int{plan.KindLaunch: 10}
	runRuleCasesWith(t, phaseMissing(), s, []ruleCase{
		{
			name: "minimum in the message follows config",
			yaml: planHead + `timeline:
  phases:
    - {id: p, kind: planning}
    - {id: e, kind: engagement}
    - {id: c, kind: close}
    - {id: o, kind: ongoing}
`,
			want: []string{`4:3 warning the timeline has no launch phase: add one with kind: launch lasting at least 1 week 3 days`},
		},
	})
}
