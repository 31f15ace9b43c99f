package diff

import (
	"math"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/plan"
)

// The extractors below say, for each section, which values of an item are compared and
// what they are called: the format's keys, so that a reader can find them in the file.
// Dates are written as in the file (2027-03-01, 2027-Q2), lists joined with ", ".

func stakeholders(p *plan.Plan) []entry {
	out := make([]entry, 0, len(p.Stakeholders))
	for _, s := range p.Stakeholders {
		var current, desired string
		if s.Engagement != nil {
			current, desired = s.Engagement.Current, s.Engagement.Desired
		}
		out = append(out, entry{id: s.ID, name: s.Name, fields: []Field{
			{Name: "name", Old: s.Name},
			{Name: "category", Old: s.Category},
			{Name: "influence", Old: s.Influence},
			{Name: "impact", Old: s.Impact},
			{Name: "participation", Old: s.Participation},
			{Name: "engagement.current", Old: current},
			{Name: "engagement.desired", Old: desired},
			{Name: "vulnerable", Old: yes(s.Vulnerable)},
			{Name: "partner", Old: yes(s.Partner)},
			{Name: "part_of", Old: s.PartOf.ID},
			{Name: "interest", Old: s.Interest, Prose: true},
		}})
	}
	return out
}

func objectives(p *plan.Plan) []entry {
	out := make([]entry, 0, len(p.Objectives))
	for _, o := range p.Objectives {
		out = append(out, entry{id: o.ID, fields: []Field{
			{Name: "statement", Old: o.Statement, Prose: true},
			{Name: "time_related", Old: date(o.TimeRelated.Date)},
			{Name: "decision", Old: o.Decision.ID},
			{Name: "measurable", Old: o.Measurable, Prose: true},
		}})
	}
	return out
}

func decisions(p *plan.Plan) []entry {
	out := make([]entry, 0, len(p.Decisions))
	for _, d := range p.Decisions {
		out = append(out, entry{id: d.ID, fields: []Field{
			{Name: "question", Old: d.Question, Prose: true},
			{Name: "phase", Old: d.Phase.ID},
			{Name: "decision_maker", Old: d.DecisionMaker},
			{Name: "report_back", Old: date(d.ReportBack.Date)},
			{Name: "open", Old: strings.Join(d.Open, ", "), Prose: true},
			{Name: "non_negotiable", Old: strings.Join(d.NonNegotiable, ", "), Prose: true},
			{Name: "outcome", Old: d.Outcome, Prose: true},
		}})
	}
	return out
}

func activities(p *plan.Plan) []entry {
	out := make([]entry, 0, len(p.Activities))
	for _, a := range p.Activities {
		out = append(out, entry{id: a.ID, name: a.Name, fields: []Field{
			{Name: "name", Old: a.Name},
			{Name: "kind", Old: a.Kind},
			{Name: "audience", Old: strings.Join(a.Audience.IDs(), ", ")},
			{Name: "phase", Old: a.Phase.ID},
			{Name: "date", Old: date(a.Date)},
			{Name: "until", Old: date(a.Until.Date)},
			{Name: "sessions", Old: count(a.Sessions)},
			{Name: "cadence", Old: a.Cadence},
			{Name: "channel", Old: a.Channel},
			{Name: "owner", Old: a.Owner},
			{Name: "feedback", Old: yes(a.Feedback)},
		}})
	}
	return out
}

func measures(p *plan.Plan) []entry {
	if p.Evaluation == nil {
		return nil
	}
	out := make([]entry, 0, len(p.Evaluation.Measures))
	for _, m := range p.Evaluation.Measures {
		out = append(out, entry{id: m.ID, fields: []Field{
			{Name: "metric", Old: m.Metric},
			{Name: "target", Old: string(m.Target)},
			{Name: "method", Old: m.Method, Prose: true},
			{Name: "objective", Old: m.Objective.ID},
		}})
	}
	return out
}

func roles(p *plan.Plan) []entry {
	out := make([]entry, 0, p.Roles.Len())
	for _, key := range p.Roles.Keys() {
		r, _ := p.Roles.Get(key)
		name, _ := plan.RoleTitle(key)
		out = append(out, entry{id: key, name: name, fields: []Field{
			{Name: "name", Old: strings.Join(r.Name.Strings(), ", ")},
			{Name: "organisation", Old: r.Organisation},
			{Name: "contact", Old: r.Contact},
			{Name: "responsibilities", Old: r.Responsibilities, Prose: true},
		}})
	}
	return out
}

// budgets is the budget's total, one entry for its currency: the format gives a budget
// one currency, and a change of currency is a removal and an addition, since the totals
// cannot be compared.
func budgets(p *plan.Plan) []entry {
	if p.Budget == nil || len(p.Budget.Items) == 0 {
		return nil
	}
	var total float64
	for _, it := range p.Budget.Items {
		total += it.Amount
	}
	currency := p.Budget.Currency
	if currency == "" {
		currency = "(no currency)"
	}
	return []entry{{id: currency, fields: []Field{{Name: "total", Old: amount(total)}}}}
}

// amount writes a sum of money to the cent, without trailing zeros: 12000, 1120.5.
func amount(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func date(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
