package record

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// inconsistencies finds what the schema cannot see, since it compares no two values: dates
// that contradict each other, and a group engaged twice.
func inconsistencies(r *Record) []diag.Finding {
	return append(impossibleDates(r), repeatedGroups(r)...)
}

// repeatedGroups finds a stakeholder group listed twice in one record's engaged: its
// people would be counted twice, or the two counts disagree. Each repeat is a finding at
// its line.
func repeatedGroups(r *Record) []diag.Finding {
	var out []diag.Finding
	first := map[string]int{}
	for i := range r.Engaged {
		e := &r.Engaged[i]
		id := e.Stakeholder.ID
		if id == "" {
			continue
		}
		j, seen := first[id]
		if !seen {
			first[id] = i
			continue
		}
		out = append(out, r.inconsistency(e.Stakeholder.At(), "engaged[%d]: stakeholder %q is already engaged[%d]: list a group once, with all its people", i, id, j))
	}
	return out
}

// inconsistency is a finding at node n of the record, or at its top when n is nil.
func (r *Record) inconsistency(n *yaml.Node, format string, args ...any) diag.Finding {
	if n == nil {
		n = r.Root
	}
	return diag.Finding{
		File: r.File, Line: n.Line, Col: n.Column, Rule: plan.RuleSchema, Severity: diag.Error,
		Message: fmt.Sprintf(format, args...),
	}
}

// impossibleDates finds dates that contradict each other within one record: a record
// that ends before it begins, a grievance resolved before it was received, a commitment
// closed before it was made. The schema cannot compare two values; left in, they would
// count days backwards (a median of -9 days to resolve). Each is a finding at the later
// value, the one that is usually the typo.
func impossibleDates(r *Record) []diag.Finding {
	var out []diag.Finding
	add := func(at plan.DateAt, format string, args ...any) {
		out = append(out, r.inconsistency(at.Node, format, args...))
	}
	if !r.Until.IsZero() && r.Until.Before(r.Date.Date) {
		add(r.Until, "until: %s is before the record's date, %s: a record ends on or after the day it begins", r.Until, r.Date)
	}
	for i := range r.Grievances {
		g := &r.Grievances[i]
		if !g.Resolved.IsZero() && g.Resolved.Before(g.Received.Date) {
			add(g.Resolved, "grievances[%d].resolved: %s is before the day it was received, %s", i, g.Resolved, g.Received)
		}
	}
	for i := range r.Issues {
		c := r.Issues[i].Commitment
		if c != nil && !c.Closed.IsZero() && c.Closed.Before(r.Date.Date) {
			add(c.Closed, "issues[%d].commitment.closed: %s is before the record's date, %s, when the commitment was made", i, c.Closed, r.Date)
		}
	}
	return out
}
