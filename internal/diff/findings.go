package diff

import "github.com/planascode/plan/internal/diag"

// compareFindings finds the findings one version has and the other does not. A finding
// is known by its rule, severity and message, not its line: an edit above it moves it
// without fixing it. The same finding twice counts twice, so fixing one of two is seen.
func compareFindings(before, after []diag.Finding) Findings {
	type key struct {
		rule, message string
		severity      diag.Severity
	}
	keyOf := func(f diag.Finding) key { return key{f.Rule, f.Message, f.Severity} }
	// only returns the findings of a that b does not match one for one, in a's order.
	only := func(a, b []diag.Finding) []diag.Finding {
		left := map[key]int{}
		for _, f := range b {
			left[keyOf(f)]++
		}
		var out []diag.Finding
		for _, f := range a {
			if k := keyOf(f); left[k] > 0 {
				left[k]--
				continue
			}
			out = append(out, f)
		}
		return out
	}
	return Findings{New: only(after, before), Fixed: only(before, after)}
}
