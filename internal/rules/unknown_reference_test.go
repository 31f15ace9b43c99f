package rules

import "testing"

func TestUnknownReference(t *testing.T) {
	runRuleCases(t, unknownReference(), []ruleCase{
		{
			name: "every reference resolves",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    decision: d1
stakeholders:
  - id: parents
    name: P
policy:
  techniques:
    - tool: Survey
      stakeholders: [parents]
activities:
  - id: a1
    name: A
    audience: [parents]
    phase: engagement
decisions:
  - id: d1
    question: q
    phase: engagement
timeline:
  phases:
    - id: engagement
      kind: engagement
evaluation:
  measures:
    - id: m1
      objective: o1
`,
		},
		{
			name: "each kind of bad reference, at the value",
			yaml: `schema_version: 1
title: T
objectives:
  - id: o1
    statement: s
    decision: nope
stakeholders:
  - id: parents
    name: P
policy:
  techniques:
    - tool: Survey
      stakeholders: [parents, ghosts]
    - stakeholders:
        - phantoms
activities:
  - id: a1
    name: A
    audience: [parents, parnts]
    phase: consult
decisions:
  - id: d1
    question: q
    phase: launch
timeline:
  phases:
    - id: engagement
      kind: engagement
evaluation:
  measures:
    - id: m1
      objective: o9
`,
			want: []string{
				`6:15 error objective "o1" decision refers to decision "nope", which does not exist: use an id from decisions or add the decision there`,
				`13:31 error technique "Survey" stakeholders refers to stakeholder "ghosts"`,
				`15:11 error technique 2 stakeholders refers to stakeholder "phantoms"`,
				`19:25 error activity "a1" audience refers to stakeholder "parnts"`,
				`20:12 error activity "a1" phase refers to phase "consult", which does not exist: use an id from timeline.phases`,
				`24:12 error decision "d1" phase refers to phase "launch"`,
				`32:18 error measure "m1" objective refers to objective "o9", which does not exist: use an id from objectives`,
			},
		},
		{
			name: "no timeline: every phase reference is unknown",
			yaml: `schema_version: 1
title: T
activities:
  - id: a1
    name: A
    phase: engagement
`,
			want: []string{`6:12 error activity "a1" phase refers to phase "engagement"`},
		},
		{
			name: "an empty reference counts as absent",
			yaml: `schema_version: 1
title: T
activities:
  - id: a1
    name: A
    phase:
    audience:
`,
		},
	})
}
