package rules

import "testing"

func TestObjectiveUnmeasured(t *testing.T) {
	runRuleCases(t, objectiveUnmeasured(), []ruleCase{
		{
			name: "every objective measured",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
evaluation:
  measures:
    - id: m1
      objective: o1
`,
		},
		{
			name: "an objective no measure refers to, at the item",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
  - id: o2
    statement: t
evaluation:
  measures:
    - id: m1
      objective: o1
    - id: m2
`,
			want: []string{`6:5 warning objective "o2" has no measure of success: add an evaluation measure with objective: o2`},
		},
		{
			name: "no evaluation at all",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
`,
			want: []string{`4:5 warning objective "o1" has no measure of success`},
		},
		{
			name: "no objectives",
			yaml: `schema_version: 1
title: T
`,
		},
	})
}
