package rules

import "testing"

func TestActivityIncomplete(t *testing.T) {
	runRuleCases(t, activityIncomplete(), []ruleCase{
		{
			name: "who, when and where, with any of phase, date or cadence",
			yaml: `schema_version: 1
title: T
activities:
  - id: a
    name: A
    audience: [parents]
    phase: launch
    channel: School hall
  - id: b
    name: B
    audience: [parents]
    date: 2027-03-01
    channel: Zoom
  - id: c
    name: C
    audience: [parents]
    cadence: weekly
    channel: Newsletter
`,
		},
		{
			name: "one finding per gap, at the item",
			yaml: `schema_version: 1
title: T
activities:
  - id: bare
    name: Bare
  - name: Empty
    id: empty
    audience: []
    phase:
    date:
    cadence:
    channel: ""
`,
			want: []string{
				`4:5 warning activity "bare" has no audience: list the stakeholder ids it is for under audience`,
				`4:5 warning activity "bare" says nothing about when it happens: give it a phase, a date or a cadence`,
				`4:5 warning activity "bare" has no channel: say where or on which platform it happens under channel`,
				`6:5 warning activity "empty" has no audience`,
				`6:5 warning activity "empty" says nothing about when`,
				`6:5 warning activity "empty" has no channel`,
			},
		},
	})
}
