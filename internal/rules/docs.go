package rules

import (
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/plan"
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
	fmt.Fprintf(&b, "%s (%s)\n\n%s\n\n", r.ID, r.Severity, plan.Capitalise(r.Summary)+".")
	fmt.Fprintf(&b, "Why: %s\n\n", r.Rationale)
	fmt.Fprintf(&b, "How to fix: %s\n", r.Fix)
	if s := SourceName(r.Source); s != "" {
		fmt.Fprintf(&b, "\nSource: %s\n", s)
	}
	return b.String()
}

// Markdown renders docs/rules.md from the registry, so the published documentation is
// the same text `plan rules` prints.
func Markdown(all []Rule) string {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from internal/rules by `go test ./internal/rules -update`. Do not edit. -->\n\n")
	b.WriteString("Every finding of `plan check` comes from one of these rules. Change a rule's severity or turn it\n")
	b.WriteString("off in `.planrc.yaml` (`rules: {phase-gap: off}`), or silence it for one node with\n")
	b.WriteString("`# plan:ignore rule-id -- reason`. `plan rules ID` prints the same text in the terminal.\n\n")
	b.WriteString("| id | default severity | finds |\n|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	for _, r := range all {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "Default severity: **%s**", r.Severity)
		if s := SourceName(r.Source); s != "" {
			fmt.Fprintf(&b, ". Source: %s", s)
		}
		b.WriteString(".\n\n")
		fmt.Fprintf(&b, "%s.\n\n", plan.Capitalise(r.Summary))
		fmt.Fprintf(&b, "**Why.** %s\n\n", r.Rationale)
		fmt.Fprintf(&b, "**How to fix.** %s\n", r.Fix)
	}
	return b.String()
}
