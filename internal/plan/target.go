package plan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/lazyregexp"
)

// targetNumber is the first number written in a target: 300, 1,200, 62.5 (with % or
// not); ceilingWords start a target that is a most, not a least.
var (
	targetNumber = lazyregexp.New(`[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?`)
	targetDate   = lazyregexp.New(`[0-9]{4}-(?:[0-9]{2}|Q[1-4])`)
	ceilingWords = []string{"at most", "no more than", "not more than", "fewer than", "less than", "under", "below", "max", "maximum", "<", "≤"}
)

// Number reads the target as a number to compare a measured value with: its first number
// (300 in "300 responses", 80 in "80% satisfied", 36 in "36 of 36"), and whether it is a
// ceiling ("at most 5 complaints", "< 10%", "under 2 days"), which a value must not
// exceed, rather than a floor a value must reach. ok is false for a target that holds no
// number ("All wards represented") or is a date ("Published by 2027-06-25"), which no
// value can be compared with.
func (t Target) Number() (value float64, ceiling bool, ok bool) {
	s := strings.TrimSpace(string(t))
	if targetDate.MatchString(s) {
		return 0, false, false
	}
	match := targetNumber.Regexp().FindStringIndex(s)
	if match == nil {
		return 0, false, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s[match[0]:match[1]], ",", ""), 64)
	if err != nil {
		return 0, false, false
	}
	lead := strings.ToLower(strings.TrimSpace(s[:match[0]]))
	ceiling = slices.ContainsFunc(ceilingWords, func(w string) bool { return strings.HasPrefix(lead, w) })
	return v, ceiling, true
}
