package report

import (
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// SecApprovals is the id of the Approvals section.
const SecApprovals = "approvals"

// Approvals is the plan's sign-off record as the report shows it.
type Approvals struct {
	// List holds every approval, earliest first.
	List []Approval
	// Status says how the version the report shows stands against the last approval, in
	// a sentence: a sponsor must not take a revised plan for the one they signed.
	Status string
	// Current is set when the last approval is of the version number the plan gives. It
	// does not say the text is the one approved: edits made since, under the same number,
	// are git's to show (plan diff --approved), not the report's.
	Current bool
	// AnyRole and AnyCommit say whether any approval gives a role or a commit: a column
	// no approval fills is left out.
	AnyRole, AnyCommit bool
}

// Approval is one sign-off. Date is formatted as the report writes dates; Commit is the
// git revision approved, or "".
type Approval struct {
	By, Role, Version, Date, Commit string
}

// Who is the approver with their role: "Jane Smith (Project sponsor)".
func (a Approval) Who() string {
	if a.Role == "" {
		return a.By
	}
	return a.By + " (" + a.Role + ")"
}

func (d *Data) buildApprovals(p *plan.Plan) {
	if len(p.Approvals) == 0 {
		return
	}
	out := &Approvals{}
	// Earliest first, as the change log.
	for _, a := range earliestFirst(p.Approvals, func(a plan.Approval) plan.Date { return a.Date.Date }) {
		x := Approval{
			By:      wording.OneLine(a.By),
			Role:    wording.OneLine(a.Role),
			Version: wording.OneLine(a.Version),
			Date:    FormatDate(a.Date.Date),
			Commit:  wording.OneLine(a.Commit),
		}
		out.AnyRole = out.AnyRole || x.Role != ""
		out.AnyCommit = out.AnyCommit || x.Commit != ""
		out.List = append(out.List, x)
	}
	last := p.LastApproval()
	approved, current := wording.OneLine(last.Version), wording.OneLine(p.Version)
	who := Approval{By: wording.OneLine(last.By), Role: wording.OneLine(last.Role)}.Who()
	when := ""
	if !last.Date.IsZero() {
		when = " on " + FormatDate(last.Date.Date)
	}
	switch {
	case current == "":
		out.Status = "The plan gives no version of its own, so it cannot tell whether this is the version " + who + " approved" + when + " (version " + approved + ")."
	case approved == current:
		out.Current = true
		// The report reads one file and cannot know whether it was edited after the
		// sign-off without a new version number, so it says what it knows: which
		// version was approved, and which this plan says it is.
		out.Status = "Version " + approved + " was approved by " + who + when + "; this plan is marked version " + current + "."
	default:
		out.Status = "This is version " + current + ", which has not been approved: the last approval was of version " + approved + ", by " + who + when + "."
	}
	d.Approvals = out
}
