package rules

import "testing"

func TestRisksMissing(t *testing.T) {
	runRuleCases(t, risksMissing(), []ruleCase{
		{
			name: "a risk is listed",
			yaml: planHead + "risks:\n  - {id: r1, description: Low turnout}\n",
		},
		{
			name: "no risks section",
			yaml: planHead,
			want: []string{`1:1 warning the plan lists no risks: add risks`},
		},
		{
			name: "empty risks key",
			yaml: planHead + "summary: S\nrisks:\n",
			want: []string{`1:1 warning the plan lists no risks`},
		},
		{
			name: "empty risks list",
			yaml: planHead + "risks: []\n",
			want: []string{`3:1 warning the plan lists no risks`},
		},
	})
}
