package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/wording"
)

func commitmentOverdue() Rule {
	return Rule{
		ID:       "commitment-overdue",
		Severity: diag.Warning,
		Summary:  "a commitment made in response to an issue is past its due date and not closed",
		Rationale: "What a team promised people in response to what they raised is the part of an " +
			"engagement they remember. Common consultation practice (C) tracks each commitment to " +
			"its owner and date; one that slips past its date unnoticed turns a good response into " +
			"a broken promise.",
		Fix: "Keep the commitment and add `closed: DATE` to it in the record it was made in (with " +
			"`status: dropped` if it will not be kept, and the response saying why), or agree a new " +
			"`due` date. The finding depends on the day: `--today` or PLAN_TODAY sets it.",
		Source:       "C",
		CheckRecords: checkCommitmentOverdue,
	}
}

func checkCommitmentOverdue(_ *plan.Plan, pr Progress, _ Settings) []Result {
	if !pr.dated() {
		return nil
	}
	var out []Result
	for _, c := range pr.Done().Commitments() {
		due := c.Commitment.Due
		if due.IsZero() || !due.Before(pr.Today) || c.Commitment.State(pr.Today) != record.StatusOpen {
			continue
		}
		out = append(out, pr.asOf(c.Record, due.Node, "the commitment %q was due on %s and is not closed%s: keep it and add `closed:`, or agree a new due date",
			wording.OneLine(c.Commitment.Text), due, ownedBy(c.Commitment.Owner)))
	}
	return out
}

func ownedBy(owner string) string {
	if blank(owner) {
		return ""
	}
	return " (owner: " + owner + ")"
}
