package rules

import (
	"cmp"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/plan"
)

// blank reports whether a text field says nothing: absent, null, "" or only spaces all
// leave the reader with nothing, so rules treat them alike.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// countNonBlank counts the entries of a list of strings that say something.
func countNonBlank(list []string) int {
	n := 0
	for _, s := range list {
		if !blank(s) {
			n++
		}
	}
	return n
}

// engagedIDs returns the stakeholder ids that some activity's audience or some policy
// technique names, the two ways a plan says it engages someone.
func engagedIDs(p *plan.Plan) (inAudience, inTechnique map[string]bool) {
	inAudience, inTechnique = map[string]bool{}, map[string]bool{}
	for _, a := range p.Activities {
		for _, ref := range a.Audience {
			inAudience[ref.ID] = true
		}
	}
	if p.Policy != nil {
		for _, t := range p.Policy.Techniques {
			for _, ref := range t.Stakeholders {
				inTechnique[ref.ID] = true
			}
		}
	}
	return inAudience, inTechnique
}

// sortByPosition puts results that were gathered list by list into document order, so
// that a reader (and a test) sees them top to bottom. Results without a node come first.
func sortByPosition(rs []Result) {
	pos := func(r Result) (int, int) {
		if r.Node == nil {
			return 0, 0
		}
		return r.Node.Line, r.Node.Column
	}
	slices.SortStableFunc(rs, func(a, b Result) int {
		la, ca := pos(a)
		lb, cb := pos(b)
		return cmp.Or(cmp.Compare(la, lb), cmp.Compare(ca, cb))
	})
}

// phasesByID indexes the resolved phases by id. The first phase with an id wins, as for
// every reference; duplicate-id reports the rest.
func phasesByID(phases []plan.ResolvedPhase) map[string]plan.ResolvedPhase {
	byID := make(map[string]plan.ResolvedPhase, len(phases))
	for _, r := range phases {
		if _, seen := byID[r.Phase.ID]; !seen {
			byID[r.Phase.ID] = r
		}
	}
	return byID
}
