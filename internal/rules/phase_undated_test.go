package rules

import "testing"

func TestPhaseUndated(t *testing.T) {
	runRuleCases(t, phaseUndated(), []ruleCase{
		{
			name: "dated from timeline.start, last phase open-ended",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning, weeks: 4}
    - {id: consultation, kind: engagement, end: 2027-03-31}
    - {id: after, kind: ongoing}
`,
		},
		{
			name: "no start anywhere undates every phase after it",
			yaml: planHead + `timeline:
  phases:
    - id: plan
      kind: planning
      weeks: 4
    - id: consultation
      kind: engagement
      weeks: 4
`,
			want: []string{
				`5:7 error phase "plan" cannot be dated because neither it nor the timeline has a start: give it a start, or set timeline.start`,
				`8:7 error phase "consultation" cannot be dated because it has no start and the dates of phase "plan" before it cannot be worked out: give it a start`,
			},
		},
		{
			name: "no length",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning}
    - {id: consultation, kind: engagement, start: 2027-02-01, weeks: 4}
`,
			want: []string{`6:7 error phase "plan" cannot be dated because it has no end, weeks or days: give it an end, weeks or days`},
		},
		{
			name: "no start and no length",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning}
`,
			want: []string{`5:7 error phase "plan" cannot be dated because neither it nor the timeline has a start: give it a start, and an end, weeks or days`},
		},
		{
			name: "after an open-ended ongoing phase",
			yaml: planHead + `timeline:
  phases:
    - {id: after, kind: ongoing, start: 2027-01-04}
    - {id: review, kind: close, weeks: 2}
`,
			want: []string{`6:7 error phase "review" cannot be dated because it has no start and the open-ended phase "after" before it has no end: give it a start`},
		},
		{
			name: "past the last day a date can name",
			yaml: planHead + `timeline:
  phases:
    - {id: planning, kind: planning, start: 9999-11-01, end: 9999-12-31}
    - {id: ongoing, kind: ongoing}
    - {id: long, kind: engagement, start: 9995-01-01, weeks: 520}
`,
			want: []string{
				`6:7 error phase "ongoing" cannot be dated because it has no start and phase "planning" before it ends on 9999-12-31, the last day a date can name: move the timeline earlier`,
				`7:7 error phase "long" cannot be dated because it would end after 9999-12-31, the last day a date can name: move the timeline earlier`,
			},
		},
		{name: "no timeline", yaml: planHead},
	})
}
