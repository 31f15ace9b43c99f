package rules

import "testing"

func TestStakeholderNotEngaged(t *testing.T) {
	runRuleCases(t, stakeholderNotEngaged(), []ruleCase{
		{
			name: "in an audience or a technique",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
  - id: teachers
    name: T
policy:
  techniques:
    - tool: Survey
      stakeholders: [teachers]
activities:
  - id: evening
    name: Info evening
    audience: [parents]
`,
		},
		{
			name: "in neither, at the item",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
  - id: pupils
    name: Pupils
activities:
  - id: evening
    name: Info evening
    audience: [parents]
  - id: empty
    name: No audience
    audience:
`,
			want: []string{`6:5 warning stakeholder "pupils" is in no activity's audience and no technique: add them to an activity audience or a policy technique`},
		},
		{
			name: "no activities and no policy",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
`,
			want: []string{`4:5 warning stakeholder "parents" is in no activity's audience`},
		},
	})
}
