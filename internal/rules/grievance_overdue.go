package rules

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/wording"
)

func grievanceOverdue() Rule {
	return Rule{
		ID:       "grievance-overdue",
		Severity: diag.Warning,
		Summary:  "a grievance has been open longer than the plan's grievance mechanism allows",
		Rationale: "A grievance mechanism is only trusted if it answers within the time it " +
			"promises: the World Bank's ESS10 asks that grievances be addressed promptly, and a " +
			"plan's `grievance.resolve_days` is that promise. A complaint left open past it is one " +
			"the complainant is entitled to escalate.",
		Fix: "Resolve the grievance and add `resolved: DATE` and `outcome:` to it in the record it " +
			"was received in, or escalate it as the mechanism's tiers say. The finding depends on " +
			"the day: `--today` or PLAN_TODAY sets it.",
		Source:       "C",
		CheckRecords: checkGrievanceOverdue,
	}
}

func checkGrievanceOverdue(p *plan.Plan, pr Progress, _ Settings) []Result {
	days, ok := p.Grievance.ResolveWithin()
	if !pr.dated() || !ok {
		return nil
	}
	var out []Result
	for _, gi := range pr.Done().Grievances() {
		g := gi.Grievance
		due := g.Received.AddDays(days)
		if !g.OpenOn(pr.Today) || !due.Before(pr.Today) {
			continue
		}
		out = append(out, pr.asOf(gi.Record, g.Node, "%s received on %s has been open %s, longer than the %s the grievance mechanism allows: resolve it and add `resolved:` and `outcome:`",
			grievanceName(g), g.Received, wording.Plural(g.Received.DaysUntil(pr.Today), "day"), wording.Plural(days, "day")))
	}
	return out
}

// grievanceName names a grievance so that two findings about two grievances can be told
// apart: by its register's id, else by what it is about and whom it came from.
func grievanceName(g *record.Grievance) string {
	if g.ID != "" {
		return fmt.Sprintf("grievance %q", g.ID)
	}
	name := "a grievance"
	if c := strings.TrimSpace(g.Category); c != "" {
		name = fmt.Sprintf("a grievance about %q", c)
	}
	if g.Stakeholder.ID != "" {
		name += " from " + g.Stakeholder.ID
	}
	return name
}
