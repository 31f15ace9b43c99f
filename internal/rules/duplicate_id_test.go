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
				`8:5 error objective "o1" reuses the id of the objective at line 4: give each objective its own id`,
				`10:5 error objective "o1" reuses the id of the objective at line 4: give each objective its own id`,
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
			want: []string{`6:5 error stakeholder "parents" reuses the id of the stakeholder at line 4: give each stakeholder its own id`},
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
				`5:5 error activity "a" reuses the id of the activity at line 4: give each activity its own id`,
				`8:5 error risk "r" reuses the id of the risk at line 7: give each risk its own id`,
				`11:5 error decision "d" reuses the id of the decision at line 10: give each decision its own id`,
				`16:7 error phase "p" reuses the id of the phase at line 14: give each phase its own id`,
				`21:7 error measure "m" reuses the id of the measure at line 20: give each measure its own id`,
			},
		},
	})
}
