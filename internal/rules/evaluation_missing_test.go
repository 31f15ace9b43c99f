package rules

import "testing"

func TestEvaluationMissing(t *testing.T) {
	runRuleCases(t, evaluationMissing(), []ruleCase{
		{
			name: "one measure",
			yaml: `schema_version: 1
title: T
evaluation:
  measures:
    - id: m1
`,
		},
		{
			name: "absent: line 1",
			yaml: `schema_version: 1
title: T
`,
			want: []string{`1:1 error the plan has no measures of success: add evaluation.measures`},
		},
		{
			name: "evaluation without measures: its key",
			yaml: `schema_version: 1
title: T
evaluation:
  x_note: later
`,
			want: []string{`3:1 error the plan has no measures of success`},
		},
		{
			name: "empty evaluation counts as absent",
			yaml: `schema_version: 1
title: T
evaluation:
`,
			want: []string{`1:1 error the plan has no measures of success`},
		},
		{
			name: "empty measures: the measures key",
			yaml: `schema_version: 1
title: T
evaluation:
  measures: []
`,
			want: []string{`4:3 error the plan has no measures of success`},
		},
		{
			name: "null measures: the evaluation key",
			yaml: `schema_version: 1
title: T
evaluation:
  measures:
`,
			want: []string{`3:1 error the plan has no measures of success`},
		},
	})
}
