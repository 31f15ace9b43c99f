package rules

import "testing"

func TestDecisionsMissing(t *testing.T) {
	runRuleCases(t, decisionsMissing(), []ruleCase{
		{
			name: "a decision is listed",
			yaml: headB + "decisions:\n  - {id: d1, question: Which layout}\n",
		},
		{
			name: "no decisions section",
			yaml: headB,
			want: []string{`1:1 warning the plan lists no decision points: add decisions`},
		},
		{
			name: "empty decisions key",
			yaml: headB + "summary: S\ndecisions:\n",
			want: []string{`1:1 warning the plan lists no decision points`},
		},
		{
			name: "empty decisions list",
			yaml: headB + "decisions: []\n",
			want: []string{`3:1 warning the plan lists no decision points`},
		},
	})
}
