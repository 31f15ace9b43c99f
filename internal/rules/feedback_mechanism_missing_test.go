package rules

import "testing"

func TestFeedbackMechanismMissing(t *testing.T) {
	runRuleCases(t, feedbackMechanismMissing(), []ruleCase{
		{
			name: "an activity gathers feedback",
			yaml: `schema_version: 1
title: T
activities:
  - id: letter
    name: Letter
  - id: survey
    name: Survey
    feedback: true
`,
		},
		{
			name: "a technique is listed",
			yaml: `schema_version: 1
title: T
policy:
  techniques:
    - tool: Interviews
`,
		},
		{
			name: "only one-way activities: the activities key",
			yaml: `schema_version: 1
title: T
policy:
  principles: [inclusion]
  techniques: []
activities:
  - id: letter
    name: Letter
    feedback: false
`,
			want: []string{`6:1 error no activity gathers feedback and no technique is listed: set feedback: true on an activity or add policy.techniques`},
		},
		{
			name: "no activities: line 1",
			yaml: `schema_version: 1
title: T
`,
			want: []string{`1:1 error no activity gathers feedback`},
		},
	})
}
