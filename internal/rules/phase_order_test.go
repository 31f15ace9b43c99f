package rules

import "testing"

func TestPhaseOrder(t *testing.T) {
	runRuleCases(t, phaseOrder(), []ruleCase{
		{
			name: "back to back and with a gap",
			yaml: planHead + `timeline:
  start: 2027-01-04
  phases:
    - {id: plan, kind: planning, weeks: 4}
    - {id: consultation, kind: engagement, weeks: 4}
    - {id: close, kind: close, start: 2027-04-01, weeks: 2}
`,
		},
		{
			name: "starting on the previous phase's last day overlaps",
			yaml: planHead + `timeline:
  phases:
    - id: plan
      kind: planning
      start: 2027-01-04
      end: 2027-01-31
    - id: consultation
      kind: engagement
      start: 2027-01-31
      weeks: 4
`,
			want: []string{`9:7 error phase "consultation" starts on 2027-01-31, on or before the last day of phase "plan" (2027-01-31), so the two overlap: start it on 2027-02-01 or later, or end phase "plan" sooner`},
		},
		{
			name: "ending before starting, one finding per phase",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, end: 2027-01-31}
    - {id: consultation, kind: engagement, start: 2027-01-20, end: 2027-01-10}
`,
			want: []string{`6:7 error phase "consultation" ends on 2027-01-10, before it starts on 2027-01-20: fix its start or end`},
		},
		{
			name: "the phase after a broken one is not blamed for it",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, end: 2027-01-31}
    - {id: consultation, kind: engagement, start: 2027-03-10, end: 2027-03-01}
    - {id: close, kind: close, weeks: 2}
`,
			want: []string{`6:7 error phase "consultation" ends on 2027-03-01, before it starts on 2027-03-10`},
		},
		{
			// close follows on from the broken end (2027-01-27), which puts it inside plan:
			// that is consultation's mistake, not close's.
			name: "a phase that follows on from a broken end is not blamed for it",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, end: 2027-01-28}
    - {id: consultation, kind: engagement, start: 2027-01-29, end: 2027-01-27}
    - {id: close, kind: close, weeks: 2}
    - {id: later, kind: ongoing, weeks: 2}
`,
			want: []string{`6:7 error phase "consultation" ends on 2027-01-27, before it starts on 2027-01-29`},
		},
		{
			name: "a phase after a broken one that gives its own start is still checked",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, end: 2027-01-28}
    - {id: consultation, kind: engagement, start: 2027-01-29, end: 2027-01-27}
    - {id: close, kind: close, start: 2027-01-20, weeks: 2}
`,
			want: []string{
				`6:7 error phase "consultation" ends on 2027-01-27, before it starts on 2027-01-29`,
				`7:7 error phase "close" starts on 2027-01-20, on or before the last day of phase "plan" (2027-01-28), so the two overlap: start it on 2027-01-29 or later, or end phase "plan" sooner`,
			},
		},
		{
			name: "listed out of order after an open-ended phase",
			yaml: planHead + `timeline:
  phases:
    - {id: after, kind: ongoing, start: 2027-03-01}
    - {id: close, kind: close, start: 2027-02-01, weeks: 2}
`,
			want: []string{`6:7 error phase "close" starts on 2027-02-01, before phase "after" listed above it starts on 2027-03-01: list the phases in date order`},
		},
		{
			name: "listed before a phase it precedes is out of order, not an overlap",
			yaml: planHead + `timeline:
  phases:
    - {id: eng, kind: engagement, start: 2027-02-01, weeks: 4}
    - {id: plan, kind: planning, start: 2027-01-01, weeks: 4}
`,
			want: []string{`6:7 error phase "plan" starts on 2027-01-01, before phase "eng" listed above it starts on 2027-02-01: list the phases in date order or fix the start`},
		},
		{
			name: "starting before a phase above and ending inside it is out of order too",
			yaml: planHead + `timeline:
  phases:
    - {id: eng, kind: engagement, start: 2027-02-01, weeks: 4}
    - {id: plan, kind: planning, start: 2027-01-20, weeks: 4}
`,
			want: []string{`6:7 error phase "plan" starts on 2027-01-20, before phase "eng" listed above it starts on 2027-02-01: list the phases in date order`},
		},
		{
			name: "a phase after an open-ended one may start later",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, weeks: 4}
    - {id: after, kind: ongoing, start: 2027-02-01}
    - {id: review, kind: close, start: 2027-06-01, weeks: 2}
`,
		},
		{
			name: "overlap is checked against the last dated phase across undated ones",
			yaml: planHead + `timeline:
  phases:
    - {id: plan, kind: planning, start: 2027-01-04, end: 2027-01-31}
    - {id: launch, kind: launch}
    - {id: consultation, kind: engagement, start: 2027-01-20, weeks: 4}
`,
			want: []string{`7:7 error phase "consultation" starts on 2027-01-20, on or before the last day of phase "plan" (2027-01-31)`},
		},
		{
			name: "every overlapping phase is reported",
			yaml: planHead + `timeline:
  phases:
    - {id: a, kind: planning, start: 2027-01-04, weeks: 4}
    - {id: b, kind: engagement, start: 2027-01-04, weeks: 4}
    - {id: c, kind: close, start: 2027-01-04, weeks: 2}
`,
			want: []string{
				`6:7 error phase "b" starts on 2027-01-04, on or before the last day of phase "a" (2027-01-31)`,
				`7:7 error phase "c" starts on 2027-01-04, on or before the last day of phase "b" (2027-01-31)`,
			},
		},
		{
			name: "undated phases give nothing to compare",
			yaml: planHead + `timeline:
  phases:
    - {id: a, kind: planning, weeks: 4}
    - {id: b, kind: engagement, weeks: 4}
`,
		},
	})
}
