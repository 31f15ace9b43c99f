package rules

import "testing"

func TestMandateMissing(t *testing.T) {
	runRuleCases(t, mandateMissing(), []ruleCase{
		{
			name: "statement present",
			yaml: `schema_version: 1
title: T
mandate:
  statement: We are engaging parents about the new app.
`,
		},
		{
			name: "no mandate: line 1",
			yaml: `schema_version: 1
title: T
`,
			want: []string{`1:1 warning the plan has no mandate statement: add mandate.statement`},
		},
		{
			name: "mandate without statement: its key",
			yaml: `schema_version: 1
title: T
mandate:
  participation: Fill in the survey.
`,
			want: []string{`3:1 warning the plan has no mandate statement`},
		},
		{
			name: "empty statement counts as absent",
			yaml: `schema_version: 1
title: T
mandate:
  statement:
`,
			want: []string{`3:1 warning the plan has no mandate statement`},
		},
		{
			name: "blank quoted statement counts as absent",
			yaml: `schema_version: 1
title: T
mandate:
  statement: "  "
`,
			want: []string{`3:1 warning the plan has no mandate statement`},
		},
		{
			name: "empty mandate counts as absent",
			yaml: `schema_version: 1
title: T
mandate:
`,
			want: []string{`1:1 warning the plan has no mandate statement`},
		},
	})
}
