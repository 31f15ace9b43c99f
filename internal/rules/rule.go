package rules

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/yamltree"
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

// sectionKey returns the key node of a top-level section, or nil when it is absent, so
// that "missing" findings point at the key when there is one and at line 1 otherwise.
//
// A key whose value is empty (`budget:`) counts as absent, as the format says, so it
// gives nil too: the finding then points where it would if the key were not written.
func sectionKey(p *plan.Plan, name string) *yaml.Node {
	return keyOf(p.Root, name)
}

// innermostKey is where a finding about section.key goes when the key is absent or its
// list is empty: the key itself when it is written with something after it (`risks: []`
// is present but empty), else the section's key, else nothing (line 1).
func innermostKey(p *plan.Plan, section, key string) *yaml.Node {
	if k := keyOf(valueOf(p.Root, section), key); k != nil {
		return k
	}
	return sectionKey(p, section)
}

// keyOf returns the key node under mapping m, or nil when the key is absent or its value
// is empty.
func keyOf(m *yaml.Node, name string) *yaml.Node {
	k, v := yamltree.Lookup(m, name)
	if yamltree.IsNull(v) {
		return nil
	}
	return k
}

// valueOf returns the non-null value node under mapping m, or nil.
func valueOf(m *yaml.Node, name string) *yaml.Node {
	return yamltree.Value(m, name)
}
