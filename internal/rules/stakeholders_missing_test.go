package rules

import "testing"

func TestStakeholdersMissing(t *testing.T) {
	runRuleCases(t, stakeholdersMissing(), []ruleCase{
		{
			name: "one stakeholder",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: Parents
`,
		},
		{
			name: "absent: line 1",
			yaml: `schema_version: 1
title: T
`,
			want: []string{`1:1 error the stakeholder register is empty: add everyone affected`},
		},
		{
			name: "empty list: its key",
			yaml: `schema_version: 1
title: T
stakeholders: []
`,
			want: []string{`3:1 error the stakeholder register is empty`},
		},
		{
			name: "empty value counts as absent",
			yaml: `schema_version: 1
title: T
stakeholders:
`,
			want: []string{`1:1 error the stakeholder register is empty`},
		},
	})
}
