package rules

import "testing"

func TestPhaseGap(t *testing.T) {
	runRuleCases(t, phaseGap(), []ruleCase{
		{
			name: "back to back",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning, weeks: 4}
    - {id: consultation, kind: engagement, start: 2027-02-01, weeks: 4}
    - {id: close, kind: close, weeks: 2}
`,
		},
		{
			name: "days between two phases point at the later one",
			yaml: planHead + `timeline:
  phases:
    - id: plan
      kind: planning
      start: 2027-01-04
      end: 2027-01-31
    - id: consultation
      kind: engagement
      start: 2027-02-06
      weeks: 4
    - id: close
      kind: close
      start: 2027-03-07
      weeks: 2
`,
			want: []string{
				`9:7 info phase "consultation" leaves 5 days with no phase after phase "plan" (from 2027-02-01 to 2027-02-05): start it on 2027-02-01 or lengthen phase "plan"`,
				`13:7 info phase "close" leaves 1 day with no phase after phase "consultation" (on 2027-03-06): start it on 2027-03-06`,
			},
		},
		{
			name: "overlap is phase-order's",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, weeks: 4}
    - {id: consultation, kind: engagement, start: 2027-01-20, weeks: 4}
`,
		},
		{
			name: "phases out of order say nothing about the days between them",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-01, weeks: 4}
    - {id: eng, kind: engagement, start: 2026-06-01, weeks: 4}
    - {id: close, kind: close, start: 2027-03-01, weeks: 2}
`,
		},
		{
			name: "a phase listed out of order may fill what looks like a gap",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-01, weeks: 4}
    - {id: close, kind: close, start: 2027-03-01, weeks: 2}
    - {id: eng, kind: engagement, start: 2027-01-29, weeks: 4}
    - {id: launch, kind: launch, start: 2027-03-15, weeks: 1}
`,
		},
		{
			name: "after an open-ended phase nothing is uncovered",
			yaml: planHead + `timeline:
  phases:
    - {id: after, kind: ongoing, start: 2027-01-04}
    - {id: review, kind: close, start: 2027-06-01, weeks: 2}
`,
		},
		{
			name: "an undated phase between hides the gap",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, weeks: 4}
    - {id: launch, kind: launch}
    - {id: consultation, kind: engagement, start: 2027-03-01, weeks: 4}
`,
		},
	})
}
