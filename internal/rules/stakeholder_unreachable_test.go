package rules

import "testing"

func TestStakeholderUnreachable(t *testing.T) {
	runRuleCases(t, stakeholderUnreachable(), []ruleCase{
		{
			name: "one channel is enough",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    channels: [School newsletter]
`,
		},
		{
			name: "no channels, empty list, empty value, blank entry: at the item",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: a
    name: A
  - id: b
    name: B
    channels: []
  - name: C
    id: c
    channels:
  - id: d
    name: D
    channels: [""]
`,
			want: []string{
				`4:5 error stakeholder "a" has no channels: add at least one way to reach them under channels`,
				`6:5 error stakeholder "b" has no channels`,
				`9:5 error stakeholder "c" has no channels`,
				`12:5 error stakeholder "d" has no channels`,
			},
		},
	})
}
