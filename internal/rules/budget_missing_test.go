package rules

import "testing"

// fourStakeholdersB is one group more than the default threshold, on lines 3 to 7.
const fourStakeholdersB = `stakeholders:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
  - {id: d, name: D}
`

func TestBudgetMissing(t *testing.T) {
	runRuleCases(t, budgetMissing(), []ruleCase{
		{
			name: "three groups need no budget",
			yaml: headB + `stakeholders:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
`,
		},
		{name: "no stakeholders", yaml: headB},
		{
			name: "four groups and no budget section",
			yaml: headB + fourStakeholdersB,
			want: []string{`1:1 warning the plan has 4 stakeholder groups but no budget: add budget.items`},
		},
		{
			name: "four groups and a budget item",
			yaml: headB + fourStakeholdersB + `budget:
  currency: AUD
  items:
    - {category: marketing, description: Flyers, amount: 0}
`,
		},
		{
			name: "budget without items points at its key",
			yaml: headB + fourStakeholdersB + "budget:\n  currency: AUD\n",
			want: []string{`8:1 warning the plan has 4 stakeholder groups but no budget`},
		},
		{
			name: "empty items list, at its key",
			yaml: headB + fourStakeholdersB + "budget:\n  items: []\n",
			want: []string{`9:3 warning the plan has 4 stakeholder groups`},
		},
		{
			name: "empty budget key",
			yaml: headB + fourStakeholdersB + "budget:\n",
			want: []string{`1:1 warning the plan has 4 stakeholder groups`},
		},
	})
}

func TestBudgetMissingSettings(t *testing.T) {
	s := DefaultSettings()
	s.BudgetStakeholderThreshold = 1
	runRuleCasesWith(t, budgetMissing(), s, []ruleCase{
		{name: "at the threshold", yaml: headB + "stakeholders:\n  - {id: a, name: A}\n"},
		{
			name: "above a lowered threshold",
			yaml: headB + "stakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
			want: []string{`1:1 warning the plan has 2 stakeholder groups but no budget`},
		},
	})
	s.BudgetStakeholderThreshold = 10
	runRuleCasesWith(t, budgetMissing(), s, []ruleCase{
		{name: "below a raised threshold", yaml: headB + fourStakeholdersB},
	})
}
