package rules

import "testing"

func TestObjectiveOutsideTimeline(t *testing.T) {
	const timeline = `timeline:
  start: 2027-02-01
  phases:
    - id: planning
      kind: planning
      weeks: 4
    - id: consultation
      kind: engagement
      end: 2027-04-30
    - id: ongoing
      kind: ongoing
`
	runRuleCases(t, objectiveOutsideTimeline(), []ruleCase{
		{
			name: "on the first and last day, and without a date",
			yaml: `schema_version: 1
title: T
objectives:
  - id: first
    statement: s
    time_related: 2027-02-01
  - id: last
    statement: s
    time_related: 2027-04-30
  - id: undated
    statement: s
` + timeline,
		},
		{
			name: "before the first start and after the last end, at the value",
			yaml: `schema_version: 1
title: T
objectives:
  - id: early
    statement: s
    time_related: 2027-01-31
  - id: late
    statement: s
    time_related: "2027-05-01"
` + timeline,
			want: []string{
				`6:19 warning objective "early" is due on 2027-01-31, before the first phase "planning" starts on 2027-02-01: move time_related into the timeline`,
				// "late" falls in the open-ended ongoing phase, which runs on from its start.
			},
		},
		{
			name: "the latest end wins, whatever the list order",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    time_related: 2027-03-15
timeline:
  phases:
    - id: late
      kind: engagement
      start: 2027-03-01
      end: 2027-03-31
    - id: early
      kind: planning
      start: 2027-01-01
      end: 2027-01-31
`,
		},
		{
			name: "no phase is dated",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    time_related: 2020-01-01
timeline:
  phases:
    - id: planning
      kind: planning
      weeks: 4
`,
		},
		{
			name: "no timeline",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    time_related: 2020-01-01
`,
		},
		{
			name: "only an open-ended phase: its start still bounds the timeline",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    time_related: 2026-12-31
  - id: o2
    statement: s
    time_related: 2030-01-01
timeline:
  phases:
    - id: ongoing
      kind: ongoing
      start: 2027-01-01
`,
			want: []string{`6:19 warning objective "o1" is due on 2026-12-31, before the first phase "ongoing" starts on 2027-01-01`},
		},
	})
}

// TestObjectiveInsideAnOngoingPhase: an objective due while an open-ended phase runs is
// inside the timeline, however long after the dated phases.
func TestObjectiveInsideAnOngoingPhase(t *testing.T) {
	runRuleCases(t, objectiveOutsideTimeline(), []ruleCase{{
		name: "due during the ongoing phase",
		yaml: planHead + `objectives:
  - {id: o, statement: S, time_related: 2030-06-30}
timeline:
  start: 2027-03-01
  phases:
    - {id: e, kind: engagement, weeks: 4}
    - {id: on, kind: ongoing}
`,
	}})
}
