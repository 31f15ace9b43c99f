package rules

import (
	"slices"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func stakeholderCategory() Rule {
	return Rule{
		ID:       "stakeholder-category",
		Severity: diag.Warning,
		Summary:  "a stakeholder has no category, or one its profile does not define",
		Rationale: "Some kinds of plan sort their stakeholders: ESS10 (paras 5 and 10-11) into " +
			"project-affected parties, other interested parties and disadvantaged or vulnerable " +
			"groups, because each is engaged differently. A group left unsorted has not been " +
			"thought about in that way, and a category the profile does not know is usually a " +
			"typo. The rule runs only where the profile defines categories.",
		Fix:   "Set the stakeholder's `category` to one of the values in the message.",
		Check: checkStakeholderCategory,
	}
}

func checkStakeholderCategory(p *plan.Plan, s Settings) []Result {
	if len(s.Categories) == 0 {
		return nil
	}
	values := strings.Join(s.Categories, ", ")
	var out []Result
	for i := range p.Stakeholders {
		st := &p.Stakeholders[i]
		switch {
		case st.Partner && st.Category == "":
			// A partner or governing body is engaged through governance; the categories
			// sort the people the project affects or interests.
		case st.Category == "":
			out = append(out, at(st.Node, "stakeholder %q has no category: set category to one of %s", st.ID, values))
		case !slices.Contains(s.Categories, st.Category):
			out = append(out, at(st.KeyOf(&st.Category), "stakeholder %q has category %q, which this profile does not define: use one of %s", st.ID, st.Category, values))
		}
	}
	return out
}
