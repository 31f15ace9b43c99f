package diff

import (
	"cmp"
	"math"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// The extractors below say, for each section, which values of an item are compared and
// what they are called: the format's keys, so that a reader can find them in the file.
// Dates are written as in the file (2027-03-01, 2027-Q2), lists joined with ", ".

// entriesOf is the entry of each item, in order.
func entriesOf[T any](items []T, entryOf func(*T) entry) []entry {
	out := make([]entry, len(items))
	for i := range items {
		out[i] = entryOf(&items[i])
	}
	return out
}

func stakeholders(p *plan.Plan) []entry {
	return entriesOf(p.Stakeholders, func(s *plan.Stakeholder) entry {
		var current, desired string
		if s.Engagement != nil {
			current, desired = s.Engagement.Current, s.Engagement.Desired
		}
		return entry{id: s.ID, name: s.Name, values: []value{
			plain("name", s.Name),
			plain("category", s.Category),
			plain("influence", s.Influence),
			plain("impact", s.Impact),
			plain("participation", s.Participation),
			plain("engagement.current", current),
			plain("engagement.desired", desired),
			plain("vulnerable", yes(s.Vulnerable)),
			plain("partner", yes(s.Partner)),
			plain("part_of", s.PartOf.ID),
			prose("interest", s.Interest),
		}}
	})
}

func objectives(p *plan.Plan) []entry {
	return entriesOf(p.Objectives, func(o *plan.Objective) entry {
		return entry{id: o.ID, values: []value{
			prose("statement", o.Statement),
			plain("time_related", o.TimeRelated.String()),
			plain("decision", o.Decision.ID),
			prose("measurable", o.Measurable),
		}}
	})
}

func decisions(p *plan.Plan) []entry {
	return entriesOf(p.Decisions, func(d *plan.Decision) entry {
		return entry{id: d.ID, values: []value{
			prose("question", d.Question),
			plain("phase", d.Phase.ID),
			plain("decision_maker", d.DecisionMaker),
			plain("report_back", d.ReportBack.String()),
			prose("open", strings.Join(d.Open, ", ")),
			prose("non_negotiable", strings.Join(d.NonNegotiable, ", ")),
			prose("outcome", d.Outcome),
		}}
	})
}

func activities(p *plan.Plan) []entry {
	return entriesOf(p.Activities, func(a *plan.Activity) entry {
		return entry{id: a.ID, name: a.Name, values: []value{
			plain("name", a.Name),
			plain("kind", a.Kind),
			plain("audience", strings.Join(a.Audience.IDs(), ", ")),
			plain("phase", a.Phase.ID),
			plain("date", a.Date.String()),
			plain("until", a.Until.String()),
			plain("sessions", count(a.Sessions)),
			plain("cadence", a.Cadence),
			plain("channel", a.Channel),
			plain("owner", a.Owner),
			plain("feedback", yes(a.Feedback)),
		}}
	})
}

func measures(p *plan.Plan) []entry {
	if p.Evaluation == nil {
		return nil
	}
	return entriesOf(p.Evaluation.Measures, func(m *plan.Measure) entry {
		return entry{id: m.ID, values: []value{
			plain("metric", m.Metric),
			plain("target", string(m.Target)),
			prose("method", m.Method),
			plain("objective", m.Objective.ID),
		}}
	})
}

func roles(p *plan.Plan) []entry {
	out := make([]entry, 0, p.Roles.Len())
	for _, key := range p.Roles.Keys() {
		r, _ := p.Roles.Get(key)
		// Capitalised as the report names roles.
		name, _ := plan.RoleTitle(key)
		name = wording.Capitalise(name)
		out = append(out, entry{id: key, name: name, values: []value{
			plain("name", strings.Join(r.Name.Strings(), ", ")),
			plain("organisation", r.Organisation),
			plain("contact", r.Contact),
			prose("responsibilities", r.Responsibilities),
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
	return []entry{{id: cmp.Or(p.Budget.Currency, "(no currency)"), values: []value{{name: "total", text: amount(total)}}}}
}

// amount writes a sum of money to the cent, without trailing zeros: 12000, 1120.5.
func amount(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
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
