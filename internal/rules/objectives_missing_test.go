package rules

import "testing"

func TestObjectivesMissing(t *testing.T) {
	runRuleCases(t, objectivesMissing(), []ruleCase{
		{
			name: "one objective",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
`,
		},
		{
			name: "absent: line 1",
			yaml: `schema_version: 1
title: T
`,
			want: []string{`1:1 error the plan has no objectives: add at least one SMART objective under objectives`},
		},
		{
			name: "empty list: its key",
			yaml: `schema_version: 1
title: T
objectives: []
`,
			want: []string{`3:1 error the plan has no objectives`},
		},
		{
			name: "empty value counts as absent",
			yaml: `schema_version: 1
title: T
objectives:
`,
			want: []string{`1:1 error the plan has no objectives`},
		},
	})
}
