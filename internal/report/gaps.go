package report

import (
	"cmp"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
	"gopkg.in/yaml.v3"
)

// buildGaps fills the open and accepted gaps, unless opts leave them out. A sponsor
// reads the table from the top, so what matters most comes first: errors, then warnings,
// then infos, each in the order of the file.
//
// The sponsor's view names the field a finding is about as a person reads it, not by its
// path in the YAML file (see sponsorMessage); --with-findings keeps plan check's words,
// which the authors search the file for.
func (d *Data) buildGaps(p *plan.Plan, opts Options) {
	if opts.NoFindings {
		return
	}
	d.FindingDetail = opts.WithFindings
	finding := func(f diag.Finding) Finding {
		out := Finding{Severity: f.Severity.String(), Line: f.Line, Message: f.Message, Rule: f.Rule}
		switch {
		case f.File != "" && f.File != p.File:
			// A finding in one of the plan's records: its line and path are that file's,
			// so the report names the record.
			out.Message = "In the record " + filepath.Base(f.File) + ": " + f.Message
		case !opts.WithFindings:
			out.Message = sponsorMessage(p.Root, f)
		}
		return out
	}
	open := slices.Clone(opts.Findings)
	slices.SortStableFunc(open, gapOrder)
	for _, f := range open {
		if f.Rule == rules.IDUnusedIgnore && !opts.WithFindings {
			// About the plan's comments, not the plan: for its authors, not a sponsor.
			continue
		}
		d.Findings = append(d.Findings, finding(f))
	}
	accepted := slices.Clone(opts.Silenced)
	slices.SortStableFunc(accepted, func(a, b diag.Silenced) int { return gapOrder(a.Finding, b.Finding) })
	for _, s := range accepted {
		d.Accepted = append(d.Accepted, Accepted{Finding: finding(s.Finding), Reason: wording.OneLine(s.Reason)})
	}
}

// sponsorMessage is f's message for a sponsor. A message that opens with the path of the
// field it is about, through an item of a list, as plan check writes it
// ("objectives[0].statement still holds the template placeholder …"), opens with the
// place the report's appendix of extensions would name instead ("objective "hear-users" ›
// statement still holds …"): the item by its id, or by its number from 1 when it has
// none. Any other message is plan check's own.
func sponsorMessage(root *yaml.Node, f diag.Finding) string {
	tokens, ok := pointerTokens(f.Pointer)
	if !ok || len(tokens) == 0 {
		return f.Message
	}
	// A path without an index ("policy.information") reads well enough, and the advice
	// after it names the fields to add the same way.
	if !slices.ContainsFunc(tokens, isIndex) {
		return f.Message
	}
	path := planschema.PathString(tokens)
	rest, found := strings.CutPrefix(f.Message, path+" ")
	if !found {
		return f.Message
	}
	at := extensionPlace{where: "The plan", top: true}
	value := yamltree.Resolve(root)
	for i, tok := range tokens {
		switch {
		case value == nil:
			return f.Message
		case value.Kind == yaml.MappingNode:
			k, v := yamltree.Lookup(value, tok)
			if k == nil {
				return f.Message
			}
			// A list is named by its items: the next token is one.
			if v == nil || v.Kind != yaml.SequenceNode || i == len(tokens)-1 {
				at = childPlace(at, tok)
			}
			value = v
		case value.Kind == yaml.SequenceNode:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(value.Content) || i == 0 {
				return f.Message
			}
			item := yamltree.Resolve(value.Content[n])
			at = itemPlace(at, tokens[i-1], n, item)
			value = item
		default:
			return f.Message
		}
	}
	return lowerFirst(at.where) + " " + rest
}

// pointerTokens splits an RFC 6901 JSON pointer into its tokens.
func pointerTokens(pointer string) ([]string, bool) {
	if pointer == "" || pointer[0] != '/' {
		return nil, false
	}
	tokens := strings.Split(pointer[1:], "/")
	for i, t := range tokens {
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return tokens, true
}

// gapOrder orders findings by severity, the most severe first, then as plan check lists
// them.
func gapOrder(a, b diag.Finding) int {
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	switch {
	case diag.Less(a, b):
		return -1
	case diag.Less(b, a):
		return 1
	}
	return 0
}

// isIndex says whether a pointer token is a list index.
func isIndex(token string) bool {
	return token != "" && strings.Trim(token, "0123456789") == ""
}
