package rules

import "testing"

func TestResponsePolicyMissing(t *testing.T) {
	runRuleCases(t, responsePolicyMissing(), []ruleCase{
		{
			name: "within_days given",
			yaml: planHead + "policy:\n  response:\n    within_days: 5\n",
		},
		{
			name: "same-day response counts",
			yaml: planHead + "policy:\n  response: {within_days: 0}\n",
		},
		{
			name: "no policy section",
			yaml: planHead,
			want: []string{`1:1 warning the plan does not say how quickly enquiries are answered: add policy.response.within_days`},
		},
		{
			name: "policy without response points at policy key",
			yaml: planHead + "policy:\n  principles: [inclusion]\n",
			want: []string{`3:1 warning the plan does not say how quickly enquiries are answered`},
		},
		{
			name: "response without within_days points at response key",
			yaml: planHead + "policy:\n  principles: [inclusion]\n  response:\n    moderation: Remove abuse\n",
			want: []string{`5:3 warning the plan does not say how quickly enquiries are answered`},
		},
		{
			name: "empty within_days",
			yaml: planHead + "policy:\n  response:\n    within_days:\n",
			want: []string{`4:3 warning the plan does not say how quickly`},
		},
		{
			name: "empty response key",
			yaml: planHead + "policy:\n  response:\n",
			want: []string{`3:1 warning the plan does not say how quickly`},
		},
	})
}
