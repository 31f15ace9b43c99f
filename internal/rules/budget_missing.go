package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
	"gopkg.in/yaml.v3"
)

func budgetMissing() Rule {
	return Rule{
		ID:       "budget-missing",
		Severity: diag.Warning,
		Summary:  "a plan with more than a few stakeholder groups has no budget",
		Rationale: "The online engagement plan template (T) includes a budget because engagement " +
			"costs money: staff time, tools and platforms, marketing, translation, venues and legal " +
			"review. A small engagement can run on goodwill, but once a plan reaches more than a few " +
			"stakeholder groups (more than 3 by default) an unbudgeted plan tends to shrink to " +
			"whatever is free, and the groups that are hardest to reach are the first to be dropped.",
		Fix: "Add `budget.items`, one line per cost with its `category`, `description` and `amount` " +
			"(and `budget.currency`). `budget_stakeholders` in `.planrc.yaml` changes how many " +
			"stakeholder groups a plan may have without one (default 3).",
		Source: "T",
		Check:  checkBudgetMissing,
	}
}

func checkBudgetMissing(p *plan.Plan, s Settings) []Result {
	n := len(p.Stakeholders)
	if n <= s.BudgetStakeholderThreshold {
		return nil
	}
	if p.Budget != nil && len(p.Budget.Items) > 0 {
		return nil
	}
	return []Result{at(keyWithin(p, &p.Budget, func(b *plan.Budget) *yaml.Node { return b.KeyOf(&b.Items) }),
		"the plan has %s but no budget: add budget.items with what engaging them will cost", wording.Plural(n, "stakeholder group"))}
}
