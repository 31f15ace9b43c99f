package rules

import "testing"

func TestStakeholderIncomplete(t *testing.T) {
	runRuleCases(t, stakeholderIncomplete(), []ruleCase{
		{
			name: "complete profile",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
    profile: Busy.
    interest: Their children's data.
    influence: medium
`,
		},
		{
			name: "one finding per missing field, at the item",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
  - id: teachers
    name: T
    profile: Overworked.
    interest:
`,
			want: []string{
				`4:5 warning stakeholder "parents" has no profile: describe their social, technical, economic and political context`,
				`4:5 warning stakeholder "parents" has no interest`,
				`4:5 warning stakeholder "parents" has no influence: rate their influence`,
				`6:5 warning stakeholder "teachers" has no interest`,
				`6:5 warning stakeholder "teachers" has no influence`,
			},
		},
	})
}
