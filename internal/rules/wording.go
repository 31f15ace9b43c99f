package rules

import (
	"fmt"
	"strconv"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// kindPhrase names a phase kind with its article ("an engagement phase"), since messages
// read better as sentences than as field dumps.
func kindPhrase(kind string) string { return wording.Article(kind) + " " + kind + " phase" }

// phaseLabel names a phase the way messages do: by id, which is what the reader searches
// the file for.
func phaseLabel(ph *plan.Phase) string { return fmt.Sprintf("phase %q", ph.ID) }

// inWords counts a thing with the small counts a message reads better in words: "one
// channel", "two ways", "12 ways".
func inWords(n int, thing string) string {
	count := strconv.Itoa(n)
	if words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}; n >= 0 && n < len(words) {
		count = words[n]
	}
	if n == 1 {
		return count + " " + thing
	}
	return count + " " + thing + "s"
}
