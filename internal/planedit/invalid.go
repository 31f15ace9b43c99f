package planedit

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// An edit may fix a plan that breaks the schema (influence: huge) but not one that is not
// YAML: the path needs a tree to walk, and the editor keeps every byte it does not change
// only in a file it can read. So a plan whose only problems are the schema's is loaded
// without the schema, and an edit of it is allowed when it fixes at least one of those
// problems and brings none of its own; the rest stay for plan check to report.

// lenientDocument reads a plan as plan.Parse does, but for the schema.
var lenientDocument = plan.Document{
	Noun:     "plan",
	Keys:     "schema_version and title",
	Empty:    "the file is empty: a plan needs at least schema_version: 1 and a title (try `plan init`)",
	Validate: func(any, int) []planschema.Violation { return nil },
}

// schemaProblems returns the findings of a plan that does not load when every one of
// them is the schema's; nil otherwise.
func schemaProblems(err error) []diag.Finding {
	var pe *plan.Error
	if !errors.As(err, &pe) || len(pe.Findings) == 0 {
		return nil
	}
	for _, f := range pe.Findings {
		if f.Rule != plan.RuleSchema {
			return nil
		}
	}
	return pe.Findings
}

// parseBroken loads data as a plan whose only problems are the schema's (had, from
// plan.Parse's error), without the schema; ok is false when even that fails, as it does
// for a value the model cannot hold at all.
func parseBroken(name string, data []byte, opts plan.Options) (*plan.Plan, bool) {
	p := &plan.Plan{File: name, Source: data}
	root, err := plan.DecodeDocument(name, data, opts, lenientDocument, p)
	if err != nil {
		return nil, false
	}
	p.Root = root
	return p, true
}

// Parse loads out, the edited plan, as the edit is judged: a valid plan; or, when the
// plan as read broke the schema, one with fewer schema problems, none of them new, which
// is returned with the problems that remain. An edit that leaves a broken plan as broken
// is refused as the plan itself would be, its problems listed on stderr; one that brings
// a problem of its own, with that problem.
func (in *Input) Parse(out []byte) (*plan.Plan, []diag.Finding, error) {
	name := in.Before.File
	opts := in.opts
	after, err := plan.Parse(name, out, opts)
	if err == nil || in.invalid == nil {
		return after, nil, err
	}
	left := schemaProblems(err)
	if left == nil {
		return nil, nil, err
	}
	if fresh := newFindings(in.invalid, left); len(fresh) > 0 {
		return nil, nil, &plan.Error{Findings: fresh}
	}
	if len(left) >= len(in.invalid) {
		return nil, nil, in.unmended()
	}
	after, ok := parseBroken(name, out, opts)
	if !ok {
		return nil, nil, err
	}
	return after, left, nil
}

// unmended refuses an edit that leaves a plan that breaks the schema as broken: its
// problems on stderr, once, as plan check prints them, then one line saying what an edit
// of it must do.
func (in *Input) unmended() error {
	if !in.listedInvalid {
		in.listedInvalid = true
		for _, f := range in.invalid {
			fmt.Fprintln(in.env.IO.ErrOut, f.String())
		}
	}
	problems, one := "problem", "it"
	if n := len(in.invalid); n > 1 {
		problems, one = wording.Plural(n, "problem"), "at least one"
	}
	return cli.BadInputf("%s is not a valid plan, so it was not edited: fix the %s above first (an edit of it must fix %s and add none)",
		in.Before.File, problems, one)
}

// ByID rewords the first problem of a plan that does not load, err, in the terms of the
// path a user types: a schema message about stakeholders[0].influence is about
// stakeholders.traders.influence, the entry named by its id as plan set and plan remove
// name it. out is the plan's text; where is "file:line:col" of the problem, "" when err
// has no finding.
func ByID(out []byte, err error) (where, msg string) {
	var pe *plan.Error
	if !errors.As(err, &pe) || len(pe.Findings) == 0 {
		return "", err.Error()
	}
	f := pe.Findings[0]
	msg = f.Message
	where = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
	var doc yaml.Node
	if f.Pointer == "" || yaml.Unmarshal(out, &doc) != nil || len(doc.Content) == 0 {
		return where, msg
	}
	n := doc.Content[0]
	var byIndex, byID strings.Builder
	for _, tok := range strings.Split(strings.TrimPrefix(f.Pointer, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch n.Kind {
		case yaml.MappingNode:
			v := yamltree.Value(n, tok)
			if v == nil {
				return where, msg
			}
			if byIndex.Len() > 0 {
				byIndex.WriteByte('.')
				byID.WriteByte('.')
			}
			byIndex.WriteString(tok)
			byID.WriteString(tok)
			n = yamltree.Resolve(v)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return where, msg
			}
			fmt.Fprintf(&byIndex, "[%d]", i)
			n = yamltree.Resolve(n.Content[i])
			if id := yamltree.Value(n, "id"); n.Kind == yaml.MappingNode && id != nil && id.Kind == yaml.ScalarNode && id.Value != "" {
				byID.WriteString("." + id.Value)
			} else {
				fmt.Fprintf(&byID, "[%d]", i)
			}
		default:
			return where, msg
		}
	}
	if rest, ok := strings.CutPrefix(msg, byIndex.String()); ok {
		msg = byID.String() + rest
	}
	return where, msg
}
