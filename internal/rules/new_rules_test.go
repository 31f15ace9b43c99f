package rules

import "testing"

func TestMeasureNoTarget(t *testing.T) {
	runRuleCases(t, measureNoTarget(), []ruleCase{
		{name: "no evaluation", yaml: planHead},
		{
			name: "targets as text or number pass; a missing or blank one is found at the measure",
			yaml: planHead + `evaluation:
  measures:
    - {id: a, metric: Responses, target: 300}
    - {id: b, metric: Reach, target: every school}
    - id: c
      metric: Submissions
    - {id: d, metric: Events, target: "  "}
`,
			want: []string{
				`7:7 warning measure "c" has no target: add target with the figure or state that counts as success`,
				`9:7 warning measure "d" has no target`,
			},
		},
	})
}

func TestDecisionScopeMissing(t *testing.T) {
	runRuleCases(t, decisionScopeMissing(), []ruleCase{
		{
			name: "open or non_negotiable is enough",
			yaml: planHead + "decisions:\n  - {id: a, question: Q, open: [Route]}\n  - {id: b, question: Q, non_negotiable: [Budget]}\n",
		},
		{
			name: "neither, or only blank entries",
			yaml: planHead + "decisions:\n  - {id: a, question: Q}\n  - {id: b, question: Q, open: [\" \"]}\n",
			want: []string{
				`4:5 warning decision "a" says neither what is open to influence nor what is fixed`,
				`5:5 warning decision "b" says neither`,
			},
		},
	})
}

func TestVulnerableMissing(t *testing.T) {
	asked := DefaultSettings()
	asked.VulnerableGroups = true
	register := planHead + "stakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
	runRuleCasesWith(t, vulnerableMissing(), asked, []ruleCase{
		{name: "no register: stakeholders-missing says so", yaml: planHead},
		{name: "one group is vulnerable", yaml: planHead + "stakeholders:\n  - {id: a, name: A, vulnerable: true}\n"},
		{
			name: "none is",
			yaml: register,
			want: []string{`3:1 warning no stakeholder group is marked vulnerable`},
		},
	})
	runRuleCases(t, vulnerableMissing(), []ruleCase{{name: "the profile does not ask", yaml: register}})
}

func TestActivityOutsidePhase(t *testing.T) {
	timeline := `timeline:
  start: 2027-03-01
  phases:
    - {id: plan, kind: planning, weeks: 2}
    - {id: open, kind: engagement, weeks: 4}
    - {id: after, kind: ongoing}
`
	runRuleCases(t, activityOutsidePhase(), []ruleCase{
		{
			name: "inside its phase, in an open-ended one, or with no phase but in the timeline",
			yaml: planHead + timeline + `activities:
  - {id: a, name: A, phase: open, date: 2027-03-15}
  - {id: b, name: B, phase: after, date: 2030-01-01}
  - {id: c, name: C, date: 2027-03-01}
  - {id: d, name: D, phase: open}
`,
		},
		{
			name: "before or after its phase, or before the timeline",
			yaml: planHead + timeline + `activities:
  - id: a
    name: A
    phase: open
    date: 2027-03-14
  - id: b
    name: B
    phase: open
    date: 2027-04-12
  - id: c
    name: C
    date: 2027-02-28
`,
			want: []string{
				`13:5 warning activity "a" is dated 2027-03-14, before its phase "open" starts on 2027-03-15`,
				`17:5 warning activity "b" is dated 2027-04-12, after its phase "open" ends on 2027-04-11`,
				`20:5 warning activity "c" is dated 2027-02-28, before the timeline starts on 2027-03-01`,
			},
		},
	})
}

func TestRoleTypo(t *testing.T) {
	runRuleCases(t, roleTypo(), []ruleCase{
		{
			name: "role keys, names and bodies pass",
			yaml: planHead + `roles:
  comms_team: {name: Comms}
objectives:
  - {id: o, statement: S, assignable: engagement_lead}
activities:
  - {id: a, name: A, owner: comms_team}
risks:
  - {id: r, description: D, owner: Ann Lee}
decisions:
  - {id: d, question: Q, decision_maker: council}
`,
		},
		{
			name: "one typo from a well-known or the plan's own role",
			yaml: planHead + `roles:
  comms_team: {name: Comms}
objectives:
  - id: o
    statement: S
    assignable: engagment_lead
activities:
  - id: a
    name: A
    owner: coms_team
decisions:
  - {id: d, question: Q, decision_maker: sros}
`,
			want: []string{
				`8:5 warning objective "o" assignable is "engagment_lead", which is not a role: did you mean "engagement_lead"?`,
				`12:5 warning activity "a" owner is "coms_team", which is not a role: did you mean "comms_team"?`,
				`14:26 warning decision "d" decision_maker is "sros", which is not a role: did you mean "sro"?`,
			},
		},
	})
}
