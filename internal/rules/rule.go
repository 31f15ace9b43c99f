package rules

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// Rule is one check with the documentation `plan rules` prints.
type Rule struct {
	ID string
	// Severity is the default; a result may carry its own (e.g. role-unassigned is an
	// error for the SRO and a warning for a content editor), and config may override both.
	Severity diag.Severity
	// Summary is one line: what the rule finds.
	Summary string
	// Rationale is a paragraph on why it matters, citing its source.
	Rationale string
	// Fix says how to make the finding go away.
	Fix string
	// Source is T (online engagement plan template), D (school software deployment
	// guidance), P (PMBOK engagement vs communications), C (common consultation practice),
	// or "" for structural rules.
	Source string
	// Check finds the rule's results in a plan that loaded and passed the schema.
	Check func(p *plan.Plan, s Settings) []Result
}

// Result is one finding before the engine turns it into a diag.Finding: the node it is
// about (nil means the top of the file, line 1 column 1), an optional severity that
// differs from the rule's default, and the message.
type Result struct {
	Node     *yaml.Node
	Severity diag.Severity
	Message  string
}

// at builds a result about node n.
func at(n *yaml.Node, format string, args ...any) Result {
	return Result{Node: n, Message: fmt.Sprintf(format, args...)}
}

// withSeverity returns r with its own severity.
func (r Result) withSeverity(s diag.Severity) Result {
	r.Severity = s
	return r
}

// keyWithin is where a finding about a part of a section goes when that part is absent
// or empty: the part's key when it is written (`risks: []` is written, though empty),
// else the section's key, else nothing (line 1). part picks the part's key out of the
// section, as in keyWithin(p, &p.Budget, func(b *plan.Budget) *yaml.Node { return
// b.KeyOf(&b.Items) }).
func keyWithin[S any](p *plan.Plan, section **S, part func(*S) *yaml.Node) *yaml.Node {
	if *section != nil {
		if k := part(*section); k != nil {
			return k
		}
	}
	return p.KeyOf(section)
}
