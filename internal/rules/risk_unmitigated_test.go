package rules

import "testing"

func TestRiskUnmitigated(t *testing.T) {
	runRuleCases(t, riskUnmitigated(), []ruleCase{
		{
			name: "every risk mitigated",
			yaml: planHead + "risks:\n  - id: r1\n    description: Low turnout\n    mitigation: Pop-ups at markets\n",
		},
		{name: "no risks", yaml: planHead},
		{
			name: "missing, empty and blank mitigations point at the item",
			yaml: planHead + `risks:
  - id: r1
    description: Low turnout
    mitigation: Pop-ups at markets
  - id: r2
    description: Platform outage
  - description: Vocal minority
    id: r3
    mitigation:
  - id: r4
    description: Misinformation
    mitigation: "   "
`,
			want: []string{
				`7:5 error risk "r2" has no mitigation: add mitigation saying what will be done to prevent it or reduce its effect`,
				`9:5 error risk "r3" has no mitigation`,
				`12:5 error risk "r4" has no mitigation`,
			},
		},
		{
			name: "flow-style item",
			yaml: planHead + "risks:\n  - {id: r1, description: Low turnout}\n",
			want: []string{`4:5 error risk "r1" has no mitigation`},
		},
	})
}
