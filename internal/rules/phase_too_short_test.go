package rules

import (
	"testing"

	"github.com/planascode/plan/internal/plan"
)

func TestPhaseTooShort(t *testing.T) {
	runRuleCases(t, phaseTooShort(), []ruleCase{
		{
			name: "every phase long enough",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning, weeks: 4}
    - {id: launch, kind: launch, days: 1}
    - {id: consultation, kind: engagement, days: 28}
    - {id: close, kind: close, weeks: 2}
    - {id: after, kind: ongoing}
`,
		},
		{
			name: "below minimum is an error, below ideal a warning",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - id: plan
      kind: planning
      weeks: 3
    - id: consultation
      kind: engagement
      days: 17
    - id: close
      kind: close
      start: 2027-03-01
      end: 2027-03-13
`,
			want: []string{
				`6:7 warning phase "plan" lasts 3 weeks, below the ideal of 4 weeks for a planning phase: extend it by 1 week if you can`,
				`9:7 error phase "consultation" lasts 2 weeks 3 days, below the minimum of 4 weeks for an engagement phase: extend it by 1 week 4 days`,
				`12:7 error phase "close" lasts 1 week 6 days, below the minimum of 2 weeks for a close phase: extend it by 1 day`,
			},
		},
		{
			name: "below the planning minimum is an error only",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, days: 5}
`,
			want: []string{`5:7 error phase "plan" lasts 5 days, below the minimum of 3 weeks for a planning phase: extend it by 2 weeks 2 days`},
		},
		{
			name: "undated phases are phase-undated's",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, days: 5}
    - {id: consultation, kind: engagement}
`,
		},
		{
			name: "a phase ending before it starts is phase-order's",
			yaml: planHead + `timeline:
  phases:
    - {id: consultation, kind: engagement, start: 2027-03-10, end: 2027-03-01}
`,
		},
		{
			name: "open-ended ongoing phase has no length",
			yaml: planHead + `timeline:
  phases:
    - {id: after, kind: ongoing, start: 2027-03-10}
`,
		},
	})
}

func TestPhaseTooShortSettings(t *testing.T) {
	s := DefaultSettings()
	s.Minimums = map[string]int{plan.KindLaunch: 7}
	s.Ideals = map[string]int{plan.KindEngagement: 42}
	runRuleCasesWith(t, phaseTooShort(), s, []ruleCase{
		{
			name: "thresholds follow config",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning, days: 5}
    - {id: launch, kind: launch, days: 5}
    - {id: consultation, kind: engagement, weeks: 5}
`,
			want: []string{
				`7:7 error phase "launch" lasts 5 days, below the minimum of 1 week for a launch phase: extend it by 2 days`,
				`8:7 warning phase "consultation" lasts 5 weeks, below the ideal of 6 weeks for an engagement phase: extend it by 1 week if you can`,
			},
		},
	})
}
