package rules

import "testing"

func TestPrivacyMissing(t *testing.T) {
	runRuleCases(t, privacyMissing(), []ruleCase{
		{
			name: "collected and privacy",
			yaml: planHead + "policy:\n  information:\n    collected: Postcode and age range\n    privacy: Stored in Australia, deleted after 2 years\n",
		},
		{
			name: "privacy alone",
			yaml: planHead + "policy:\n  information:\n    privacy: Nothing personal is kept\n",
		},
		{
			name: "collected without privacy is an error at information",
			yaml: planHead + "policy:\n  principles: [inclusion]\n  information:\n    collected: Names and email addresses\n    privacy:\n",
			want: []string{`5:3 error policy.information says what is collected but not how it is protected: add policy.information.privacy`},
		},
		{
			name: "information without collected or privacy is a warning at information",
			yaml: planHead + "policy:\n  information:\n    publication: Aggregated results only\n",
			want: []string{`4:3 warning policy.information says neither what is collected nor how privacy is protected`},
		},
		{
			name: "blank collected counts as absent",
			yaml: planHead + "policy:\n  information:\n    collected: \"  \"\n",
			want: []string{`4:3 warning policy.information says neither`},
		},
		{
			name: "empty information key",
			yaml: planHead + "policy:\n  information:\n",
			want: []string{`3:1 warning the plan does not say what information is collected or how privacy is protected: add policy.information with collected and privacy`},
		},
		{
			name: "policy without information points at policy key",
			yaml: planHead + "policy:\n  principles: [inclusion]\n",
			want: []string{`3:1 warning the plan does not say what information is collected or how privacy is protected: add policy.information`},
		},
		{
			name: "no policy section",
			yaml: planHead,
			want: []string{`1:1 warning the plan does not say what information is collected`},
		},
	})
}
