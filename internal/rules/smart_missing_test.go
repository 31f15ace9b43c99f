package rules

import "testing"

func TestSmartMissing(t *testing.T) {
	runRuleCases(t, smartMissing(), []ruleCase{
		{
			name: "complete objective",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    specific: what
    measurable: 300 responses
    assignable: engagement_lead
    realistic: done before
    time_related: 2027-05-01
`,
		},
		{
			name: "one finding per missing field, at the item",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    specific: what
    assignable: engagement_lead
    realistic: done before
  - statement: s
    id: o2
`,
			want: []string{
				`4:5 error objective "o1" has no measurable: add the metric and its target`,
				`4:5 error objective "o1" has no time_related: add the date`,
				`9:5 error objective "o2" has no specific: say exactly what will be achieved`,
				`9:5 error objective "o2" has no measurable`,
				`9:5 error objective "o2" has no assignable`,
				`9:5 error objective "o2" has no realistic`,
				`9:5 error objective "o2" has no time_related`,
			},
		},
		{
			name: "empty values count as absent",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    specific:
    measurable: ""
    assignable: engagement_lead
    realistic: done before
    time_related:
`,
			want: []string{
				`4:5 error objective "o1" has no specific`,
				`4:5 error objective "o1" has no measurable`,
				`4:5 error objective "o1" has no time_related`,
			},
		},
	})
}
