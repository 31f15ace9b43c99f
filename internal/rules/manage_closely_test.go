package rules

import "testing"

func TestManageClosely(t *testing.T) {
	runRuleCases(t, manageClosely(), []ruleCase{
		{
			name: "high influence and impact, only informed: at the stakeholder",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: council
    name: C
    influence: high
    impact: high
    participation: inform
`,
			want: []string{`4:5 warning stakeholder "council" has high influence and high impact but is only informed: manage them closely by raising participation to consult or above`},
		},
		{
			name: "consulted, or not high on both axes, or no participation",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: a
    name: A
    influence: high
    impact: high
    participation: consult
  - id: b
    name: B
    influence: high
    impact: medium
    participation: inform
  - id: c
    name: C
    influence: low
    impact: high
    participation: inform
  - id: d
    name: D
    influence: high
    impact: high
    participation:
`,
		},
	})
}
