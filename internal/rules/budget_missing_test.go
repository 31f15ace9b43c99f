package rules

import "testing"

// fourStakeholders is one group more than the default threshold, on lines 3 to 7.
const fourStakeholders = `stakeholders:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
  - {id: d, name: D}
`

func TestBudgetMissing(t *testing.T) {
	runRuleCases(t, budgetMissing(), []ruleCase{
		{
			name: "three groups need no budget",
			yaml: planHead + `stakeholders:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
`,
		},
		{name: "no stakeholders", yaml: planHead},
		{
			name: "four groups and no budget section",
			yaml: planHead + fourStakeholders,
			want: []string{`1:1 warning the plan has 4 stakeholder groups but no budget: add budget.items`},
		},
		{
			name: "four groups and a budget item",
			yaml: planHead + fourStakeholders + `budget:
  currency: AUD
  items:
    - {category: marketing, description: Flyers, amount: 0}
`,
		},
		{
			name: "budget without items points at its key",
			yaml: planHead + fourStakeholders + "budget:\n  currency: AUD\n",
			want: []string{`8:1 warning the plan has 4 stakeholder groups but no budget`},
		},
		{
			name: "empty items list, at its key",
			yaml: planHead + fourStakeholders + "budget:\n  items: []\n",
			want: []string{`9:3 warning the plan has 4 stakeholder groups`},
		},
		{
			name: "empty budget key",
			yaml: planHead + fourStakeholders + "budget:\n",
			want: []string{`1:1 warning the plan has 4 stakeholder groups`},
		},
	})
}

func TestBudgetMissingSettings(t *testing.T) {
	s := DefaultSettings()
	s.BudgetStakeholderThreshold = 1
	runRuleCasesWith(t, budgetMissing(), s, []ruleCase{
		{name: "at the threshold", yaml: planHead + "stakeholders:\n  - {id: a, name: A}\n"},
		{
			name: "above a lowered threshold",
			yaml: planHead + "stakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
			want: []string{`1:1 warning the plan has 2 stakeholder groups but no budget`},
		},
	})
	s.BudgetStakeholderThreshold = 10
	runRuleCasesWith(t, budgetMissing(), s, []ruleCase{
		{name: "below a raised threshold", yaml: planHead + fourStakeholders},
	})
	s.BudgetStakeholderThreshold = 0
	runRuleCasesWith(t, budgetMissing(), s, []ruleCase{{
		name: "one group, in the singular",
		yaml: planHead + "stakeholders:\n  - {id: a, name: A}\n",
		want: []string{`1:1 warning the plan has 1 stakeholder group but no budget`},
	}})
}
