package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/plan"
)

// weeksAndDays writes a length of time the way plans are written, in weeks and days
// ("3w", "2w 3d", "5d"), so that a message can be compared with the plan at a glance.
func weeksAndDays(days int) string {
	sign := ""
	if days < 0 {
		sign, days = "-", -days
	}
	w, d := days/7, days%7
	switch {
	case w == 0:
		return fmt.Sprintf("%s%dd", sign, d)
	case d == 0:
		return fmt.Sprintf("%s%dw", sign, w)
	}
	return fmt.Sprintf("%s%dw %dd", sign, w, d)
}

// dayCount writes "1 day" or "n days".
func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// kindPhrase names a phase kind with its article ("an engagement phase"), since messages
// read better as sentences than as field dumps.
func kindPhrase(kind string) string {
	switch kind {
	case plan.KindEngagement, plan.KindOngoing:
		return "an " + kind + " phase"
	}
	return "a " + kind + " phase"
}

// phaseLabel names a phase the way messages do: by id, which is what the reader searches
// the file for.
func phaseLabel(ph *plan.Phase) string { return fmt.Sprintf("phase %q", ph.ID) }
