package rules

import "testing"

func TestEngagementGap(t *testing.T) {
	runRuleCases(t, engagementGap(), []ruleCase{
		{
			name: "reached only one-way, at the item",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    engagement: {current: neutral, desired: supportive}
activities:
  - id: letter
    name: Letter
    audience: [parents]
  - id: notice
    name: Notice
    audience: [parents]
    feedback: false
`,
			want: []string{`4:5 warning stakeholder "parents" should move from neutral to supportive but every activity that reaches them is one-way: set feedback: true on one of them or list them under a policy technique`},
		},
		{
			name: "one activity that reaches them listens",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    engagement: {current: unaware, desired: leading}
activities:
  - id: letter
    name: Letter
    audience: [parents]
  - id: workshop
    name: Workshop
    audience: [parents]
    feedback: true
`,
		},
		{
			name: "a technique lists them",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    engagement: {current: neutral, desired: supportive}
policy:
  techniques:
    - tool: Survey
      stakeholders: [parents]
activities:
  - id: letter
    name: Letter
    audience: [parents]
`,
		},
		{
			name: "nobody reaches them: stakeholder-not-engaged's job",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    engagement: {current: neutral, desired: supportive}
activities:
  - id: workshop
    name: Workshop
    audience: [others]
    feedback: true
`,
		},
		{
			name: "desired not above current, or a level missing",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: same
    name: S
    engagement: {current: supportive, desired: supportive}
  - id: lower
    name: L
    engagement: {current: leading, desired: neutral}
  - id: nocurrent
    name: N
    engagement: {desired: leading}
  - id: nodesired
    name: D
    engagement:
      current: neutral
      desired:
  - id: none
    name: X
activities:
  - id: letter
    name: Letter
    audience: [same, lower, nocurrent, nodesired, none]
`,
		},
	})
}
