package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func roleUnassigned() Rule {
	return Rule{
		ID:       "role-unassigned",
		Severity: diag.Error,
		Summary:  "a well-known role names no one to fill it",
		Rationale: "The online engagement plan template (T) asks every plan to name who governs and " +
			"does the work: the senior responsible officer, the project manager and the engagement " +
			"lead above all, then the subject matter expert, content editor and technical support. " +
			"A role that is missing, unnamed or still reads \"[Name]\" means nobody is accountable " +
			"when a question goes unanswered or a decision stalls, so the three governing roles are " +
			"errors and the supporting roles warnings. Custom roles are the author's own and are " +
			"not checked.",
		Fix: "Add the role under `roles` with `name:` set to the person, team or organisation that fills it (or a list " +
			"when it is shared), replacing any template placeholder. Config can change which " +
			"roles are required and which optional.",
		Source: "T",
		Check:  checkRoleUnassigned,
	}
}

func roleLabel(key string) string {
	if title, ok := plan.RoleTitle(key); ok {
		return fmt.Sprintf("role %q (%s)", key, title)
	}
	return fmt.Sprintf("role %q", key)
}

func checkRoleUnassigned(p *plan.Plan, s Settings) []Result {
	var out []Result
	// A role listed as both required and optional in config is checked once, as required.
	seen := map[string]bool{}
	check := func(keys []string, sev diag.Severity) {
		for _, key := range keys {
			if seen[key] {
				continue
			}
			seen[key] = true
			if r, unassigned := roleFinding(p, key); unassigned {
				out = append(out, r.withSeverity(sev))
			}
		}
	}
	check(s.RequiredRoles, diag.Error)
	check(s.OptionalRoles, diag.Warning)
	return out
}

// roleFinding says whether the role under key names nobody, and where to say so.
func roleFinding(p *plan.Plan, key string) (Result, bool) {
	label := roleLabel(key)
	role, ok := p.Roles.Get(key)
	if !ok {
		// `sro:` with nothing after it is absent, as the format counts every empty value.
		return at(p.KeyOf(&p.Roles), "%s is missing: add roles.%s with the name of the person, team or organisation that fills it", label, key), true
	}
	if !blank(role.Organisation) && !isPlaceholder(role.Organisation) {
		// A unit, team or organisation holding the role fills it.
		return Result{}, false
	}
	var placeholder *plan.Text
	for i := range role.Name {
		n := &role.Name[i]
		switch {
		case blank(n.Value):
		case isPlaceholder(n.Value):
			if placeholder == nil {
				placeholder = n
			}
		default:
			// One real person is enough: a shared role may keep a placeholder for a
			// colleague still to be found, and the placeholder rule reports that text.
			return Result{}, false
		}
	}
	if placeholder != nil {
		// isPlaceholder chose it, so it holds at least one placeholder.
		if m := findPlaceholders(placeholder.Value)[0]; m != placeholder.Value {
			return at(placeholder.Node, "%s is named %q, which holds the template placeholder %q: replace it with the name of the person, team or organisation that fills it", label, placeholder.Value, m), true
		}
		return at(placeholder.Node, "%s is named %q, a template placeholder: replace it with the name of the person, team or organisation that fills it", label, placeholder.Value), true
	}
	return at(role.Key, "%s has no name: set name to the person, team or organisation that fills it", label), true
}
