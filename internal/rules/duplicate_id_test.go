package rules

import "testing"

func TestDuplicateID(t *testing.T) {
	runRuleCases(t, duplicateID(), []ruleCase{
		{
			name: "unique ids, and the same id in different lists",
			yaml: `schema_version: 1
title: T
objectives:
  - id: a
    statement: s
stakeholders:
  - id: a
    name: A
`,
		},
		{
			name: "every later occurrence, naming the first",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: a
  - id: o2
    statement: b
  - id: o1
    statement: c
  - id: o1
    statement: d
`,
			want: []string{
				`8:9 error objective "o1" reuses the id first used at line 4: give each objective its own id`,
				`10:9 error objective "o1" reuses the id first used at line 4`,
			},
		},
		{
			name: "id that is not the item's first key",
			yaml: `schema_version: 1
title: T
stakeholders:
  - id: parents
    name: P
  - name: Q
    id: parents
`,
			want: []string{`7:9 error stakeholder "parents" reuses the id first used at line 4`},
		},
		{
			name: "activities, risks, decisions, phases and measures",
			yaml: `schema_version: 1
title: T
activities:
  - {id: a, name: A}
  - {id: a, name: B}
risks:
  - {id: r, description: R}
  - {id: r, description: S}
decisions:
  - {id: d, question: Q}
  - {id: d, question: R}
timeline:
  phases:
    - id: p
      kind: planning
    - id: p
      kind: engagement
evaluation:
  measures:
    - id: m
    - id: m
`,
			want: []string{
				`5:10 error activity "a" reuses the id first used at line 4`,
				`8:10 error risk "r" reuses the id first used at line 7`,
				`11:10 error decision "d" reuses the id first used at line 10`,
				`16:11 error phase "p" reuses the id first used at line 14`,
				`21:11 error measure "m" reuses the id first used at line 20`,
			},
		},
	})
}
