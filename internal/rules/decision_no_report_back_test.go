package rules

import "testing"

// consultationTimeline is a timeline on lines 3 to 11: planning from 2027-01-04 for 3 weeks, then
// consultation from 2027-01-25 (a start worked out, not written) for 4 weeks.
const consultationTimeline = `timeline:
  start: 2027-01-04
  phases:
    - id: planning
      kind: planning
      weeks: 3
    - id: consultation
      kind: engagement
      weeks: 4
`

func TestDecisionNoReportBack(t *testing.T) {
	runRuleCases(t, decisionNoReportBack(), []ruleCase{
		{
			name: "report_back after the phase starts",
			yaml: planHead + consultationTimeline + `decisions:
  - id: d1
    question: Which layout
    phase: consultation
    report_back: 2027-03-30
`,
		},
		{
			name: "report_back on the phase's first day is fine",
			yaml: planHead + consultationTimeline + `decisions:
  - id: d1
    question: Which layout
    phase: consultation
    report_back: 2027-01-25
`,
		},
		{
			name: "no report_back points at the item",
			yaml: planHead + `decisions:
  - id: d1
    question: Which layout
  - question: Which routes first
    id: d2
    report_back:
  - {id: d3, question: Which budget, report_back: 2027-05-01}
`,
			want: []string{
				`4:5 warning decision "d1" has no report_back: add the date by which stakeholders will be told the decision`,
				`6:5 warning decision "d2" has no report_back`,
			},
		},
		{
			name: "report_back before a worked-out phase start points at the value",
			yaml: planHead + consultationTimeline + `decisions:
  - id: d1
    question: Which layout
    phase: consultation
    report_back: 2027-01-24
  - id: d2
    question: Which routes first
    phase: planning
    report_back: "2027-01-03"
`,
			want: []string{
				`16:18 warning decision "d1" reports back on 2027-01-24, before phase "consultation" in which it is made starts on 2027-01-25: move report_back to 2027-01-25 or later`,
				`20:18 warning decision "d2" reports back on 2027-01-03, before phase "planning" in which it is made starts on 2027-01-04`,
			},
		},
		{
			name: "no phase named, so any date is fine",
			yaml: planHead + consultationTimeline + `decisions:
  - {id: d1, question: Which layout, report_back: 2020-01-01}
`,
		},
		{
			name: "unknown phase is left to unknown-reference",
			yaml: planHead + consultationTimeline + `decisions:
  - {id: d1, question: Which layout, phase: nowhere, report_back: 2020-01-01}
`,
		},
		{
			name: "undated phase cannot be compared",
			yaml: planHead + `timeline:
  phases:
    - {id: consultation, kind: engagement, weeks: 4}
decisions:
  - {id: d1, question: Which layout, phase: consultation, report_back: 2020-01-01}
`,
		},
		{
			name: "open-ended ongoing phase has a start to compare with",
			yaml: planHead + `timeline:
  phases:
    - {id: after, kind: ongoing, start: 2027-06-01}
decisions:
  - {id: d1, question: Which layout, phase: after, report_back: 2027-05-31}
`,
			want: []string{`7:65 warning decision "d1" reports back on 2027-05-31, before phase "after" in which it is made starts on 2027-06-01`},
		},
	})
}
