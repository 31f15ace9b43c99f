package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func roleTypo() Rule {
	return Rule{
		ID:       "role-typo",
		Severity: diag.Warning,
		Summary:  "an assignable, owner or decision_maker is one typo away from a role key",
		Rationale: "Objectives, activities, risks and decisions name who is accountable either by a " +
			"role key (engagement_lead) or by a person's or body's name. A value that is almost a " +
			"role key (engagment_lead) is read as a name: the report shows the typo, and the role's " +
			"holder is never tied to the work.",
		Fix: "Correct the value to the role key the message suggests, or write the person's or " +
			"organisation's name in full.",
		Check: checkRoleTypo,
	}
}

// roleKeyLike is text written as a role key would be: lower case, digits and underscores.
var roleKeyLike = lazyregexp.New(`^[a-z][a-z0-9_]*$`)

func checkRoleTypo(p *plan.Plan, _ Settings) []Result {
	keys := p.Roles.Keys()
	for _, r := range WellKnownRoles() {
		if _, ok := p.Roles.Get(r); !ok {
			keys = append(keys, r)
		}
	}
	var out []Result
	check := func(owner string, pos *plan.Position, field *string, name string) {
		v := *field
		if v == "" || !roleKeyLike.Regexp().MatchString(v) {
			return
		}
		if _, ok := p.Roles.Get(v); ok {
			return
		}
		if near := wording.Closest(v, keys); near != "" && near != v {
			out = append(out, at(pos.KeyOf(field), "%s %s is %q, which is not a role: did you mean %q?", owner, name, v, near))
		}
	}
	for i := range p.Objectives {
		o := &p.Objectives[i]
		check(fmt.Sprintf("objective %q", o.ID), &o.Position, &o.Assignable, "assignable")
	}
	for i := range p.Activities {
		a := &p.Activities[i]
		check(fmt.Sprintf("activity %q", a.ID), &a.Position, &a.Owner, "owner")
	}
	for i := range p.Risks {
		r := &p.Risks[i]
		check(fmt.Sprintf("risk %q", r.ID), &r.Position, &r.Owner, "owner")
	}
	for i := range p.Decisions {
		d := &p.Decisions[i]
		check(fmt.Sprintf("decision %q", d.ID), &d.Position, &d.DecisionMaker, "decision_maker")
	}
	sortByPosition(out)
	return out
}
