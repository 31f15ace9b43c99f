package rules

import (
	"fmt"
	"strconv"

	"github.com/planascode/plan/internal/plan"
)

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

// ways says "two ways" for 2, "one way" for 1: the small counts a message reads better
// in words.
func ways(n int) string {
	if n == 1 {
		return "one way"
	}
	return countWord(n) + " ways"
}

func channels(n int) string {
	if n == 1 {
		return "one channel"
	}
	return countWord(n) + " channels"
}

func countWord(n int) string {
	if words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}; n >= 0 && n < len(words) {
		return words[n]
	}
	return strconv.Itoa(n)
}
