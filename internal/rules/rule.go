package rules

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
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
	// CheckRecords, for a rule about the plan's records instead, finds its results in
	// the records that loaded, read against the plan. It runs only when the plan has
	// records: a plan not yet carried out is not judged on what it has not done.
	CheckRecords func(p *plan.Plan, pr Progress, s Settings) []Result
}

// Progress is what a rule about practice reads besides the plan: every record of the
// plan, and the day they are judged on.
type Progress struct {
	// All is every record that loaded, whatever its date.
	All *record.Set
	// Today is the day the dated checks judge; zero when there is none (a library
	// caller that gave no day), and then no dated check runs.
	Today plan.Date
}

// Done is the records that had begun by Today: what had happened by then. A dated check
// reads these, so a record written ahead of the day counts only from its date.
func (pr Progress) Done() *record.Set { return pr.All.AsOf(pr.Today) }

// dated reports whether the dated checks run: only with a day to judge on, and only once
// the plan had started to be carried out by that day (a record on or before it); before
// that, nothing has fallen behind.
func (pr Progress) dated() bool { return !pr.Today.IsZero() && pr.Done().Len() > 0 }

// asOf words a finding that depends on the day, about node n of record r (nil for the
// plan): "as of 2027-04-02, ...".
func (pr Progress) asOf(r *record.Record, n *yaml.Node, format string, args ...any) Result {
	return Result{Node: n, Record: r, Message: "as of " + pr.Today.String() + ", " + fmt.Sprintf(format, args...)}
}

// Result is one finding before the engine turns it into a diag.Finding: the node it is
// about (nil means the top of the file, line 1 column 1), an optional severity that
// differs from the rule's default, and the message.
type Result struct {
	Node     *yaml.Node
	Severity diag.Severity
	Message  string
	// Record is the record file Node is in; nil for the plan.
	Record *record.Record
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

// whenEmpty is the Check of a rule that finds one part of the plan left empty: empty
// says where the finding points (nil, the top of the file, for a part not written at
// all) and whether the part is empty, and message is the finding.
func whenEmpty(message string, empty func(p *plan.Plan) (where *yaml.Node, isEmpty bool)) func(*plan.Plan, Settings) []Result {
	return func(p *plan.Plan, _ Settings) []Result {
		if where, isEmpty := empty(p); isEmpty {
			return []Result{{Node: where, Message: message}}
		}
		return nil
	}
}
