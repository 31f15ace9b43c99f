package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

func disclosureCommentShort() Rule {
	return Rule{
		ID:       "disclosure-comment-short",
		Severity: diag.Warning,
		Summary:  "a document's comment period is shorter than the profile's minimum",
		Rationale: "Where a law or standard sets a comment period (60 days for a United States " +
			"federal rule, 30 for a Canadian one, 12 weeks for a European Commission " +
			"consultation), a shorter one can invalidate the consultation. The rule runs only " +
			"where the profile sets a minimum (comment_days).",
		Fix:    "Lengthen the document's `comment_days` to at least the minimum, or say in the plan why it may be shorter.",
		Source: "C",
		Check:  checkDisclosureCommentShort,
	}
}

func checkDisclosureCommentShort(p *plan.Plan, s Settings) []Result {
	if s.CommentDays == 0 {
		return nil
	}
	var out []Result
	for i := range p.Disclosure {
		d := &p.Disclosure[i]
		if d.CommentDays == nil || *d.CommentDays == 0 || *d.CommentDays >= s.CommentDays {
			continue
		}
		out = append(out, at(d.KeyOf(&d.CommentDays), "%q is open for comment for %s, short of the minimum of %s: lengthen comment_days",
			d.Document, wording.Plural(*d.CommentDays, "day"), wording.DaysInWords(s.CommentDays)))
	}
	return out
}
