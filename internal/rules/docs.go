package rules

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// sourceNames expands the one-letter source codes of docs/lint-rules.md.
var sourceNames = map[string]string{
	"T": "online engagement plan template",
	"D": "school software deployment guidance",
	"P": "PMBOK note on engagement vs communications",
	"C": "common public-consultation practice",
}

// SourceName returns the long name of a source code, or "" for structural rules.
func SourceName(code string) string {
	var names []string
	for _, c := range strings.Split(code, ",") {
		if n, ok := sourceNames[strings.TrimSpace(c)]; ok {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// Text is the rule's full documentation as `plan rules ID` prints it.
func (r Rule) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n\n%s\n\n", r.ID, r.Severity, wording.Capitalise(r.Summary)+".")
	fmt.Fprintf(&b, "Why: %s\n\n", r.Rationale)
	fmt.Fprintf(&b, "How to fix: %s\n", r.Fix)
	if s := SourceName(r.Source); s != "" {
		fmt.Fprintf(&b, "\nSource: %s\n", s)
	}
	return b.String()
}
