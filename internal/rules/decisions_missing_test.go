package rules

import "testing"

func TestDecisionsMissing(t *testing.T) {
	runRuleCases(t, decisionsMissing(), []ruleCase{
		{
			name: "a decision is listed",
			yaml: planHead + "decisions:\n  - {id: d1, question: Which layout}\n",
		},
		{
			name: "no decisions section",
			yaml: planHead,
			want: []string{`1:1 warning the plan lists no decision points: add decisions`},
		},
		{
			name: "empty decisions key",
			yaml: planHead + "summary: S\ndecisions:\n",
			want: []string{`1:1 warning the plan lists no decision points`},
		},
		{
			name: "empty decisions list",
			yaml: planHead + "decisions: []\n",
			want: []string{`3:1 warning the plan lists no decision points`},
		},
	})
}
