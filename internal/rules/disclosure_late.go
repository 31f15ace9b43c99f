package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func disclosureLate() Rule {
	return Rule{
		ID:       "disclosure-late",
		Severity: diag.Warning,
		Summary:  "a document is disclosed after the phase it should inform has started",
		Rationale: "People can only comment on what they have read. ESS10 (paras 19-20) asks for " +
			"information to be disclosed as early as possible and in time for meaningful " +
			"consultation; a draft published the day consultation opens, or later, leaves too " +
			"little time to read it.",
		Fix: "Publish the document before the phase it informs starts (move its `date` earlier), or " +
			"start the phase later. A document open for comment (`comment_days`) may be published on " +
			"the first day of the phase that consults on it.",
		Source: "C",
		Check:  checkDisclosureLate,
	}
}

func checkDisclosureLate(p *plan.Plan, _ Settings) []Result {
	phases := phasesByID(p.ResolvePhases())
	var out []Result
	for i := range p.Disclosure {
		d := &p.Disclosure[i]
		r, ok := phases[d.Informs.ID]
		start := r.Start
		if d.Date.IsZero() || !ok || r.Undated || start.IsZero() || d.Date.Before(start) {
			continue
		}
		if d.CommentDays != nil && *d.CommentDays > 0 && !d.Date.After(start) {
			// A document open for comment may open the phase that consults on it.
			continue
		}
		out = append(out, at(d.Date.Node, "%q is disclosed on %s, but the phase %q it should inform starts on %s: publish it before then",
			d.Document, d.Date.Date, d.Informs.ID, start))
	}
	return out
}
