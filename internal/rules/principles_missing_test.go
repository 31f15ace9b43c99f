package rules

import "testing"

func TestPrinciplesMissing(t *testing.T) {
	runRuleCases(t, principlesMissing(), []ruleCase{
		{
			name: "principles listed",
			yaml: planHead + "policy:\n  principles: [inclusion, transparency]\n",
		},
		{
			name: "no policy section",
			yaml: planHead,
			want: []string{`1:1 warning the plan states no engagement principles: add policy.principles`},
		},
		{
			name: "policy without principles points at policy key",
			yaml: planHead + "summary: S\npolicy:\n  content_strategy: Plain English\n",
			want: []string{`4:1 warning the plan states no engagement principles`},
		},
		{
			name: "empty principles key",
			yaml: planHead + "policy:\n  principles:\n",
			want: []string{`3:1 warning the plan states no engagement principles`},
		},
		{
			name: "empty principles list, at its key",
			yaml: planHead + "policy:\n  principles: []\n",
			want: []string{`4:3 warning the plan states no engagement principles`},
		},
		{
			name: "blank principles say nothing",
			yaml: planHead + "policy:\n  principles: [\"\", \"  \"]\n",
			want: []string{`4:3 warning the plan states no engagement principles`},
		},
		{
			name: "empty policy key",
			yaml: planHead + "policy:\n",
			want: []string{`1:1 warning the plan states no engagement principles`},
		},
	})
}
