package rules

import (
	"fmt"

	"github.com/planascode/plan/internal/plan"
)

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
