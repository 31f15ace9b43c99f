package lint

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/rules"
)

// ignoreRE matches "# plan:ignore a,b -- reason" and "# plan:ignore-file a -- reason". It
// is compiled on first use, once per run, rather than at every command's start.
var ignoreRE = lazyregexp.New(`#\s*plan:(ignore|ignore-file)\s+([A-Za-z0-9_,\- ]*?)\s*(?:--.*)?$`)

// ignore is one plan:ignore comment and the lines it covers.
type ignore struct {
	line, col int
	file      bool
	rules     []string
	used      map[string]bool
	// from..to is the span of the node it applies to (the whole file for ignore-file).
	from, to int
}

// applyIgnores drops the findings that inline comments silence and reports comments that
// silence nothing as unused-ignore. root is the file's parsed tree when the loader
// produced one; nil makes it parse the source itself.
func applyIgnores(name string, source []byte, root *yaml.Node, fs []diag.Finding, cfg *config.Config, known func(string) bool) []diag.Finding {
	if !bytes.Contains(source, []byte("plan:ignore")) {
		return fs
	}
	ignores := parseIgnores(source)
	if len(ignores) == 0 {
		return fs
	}
	spans := nodeSpans(source, root)
	for i := range ignores {
		ig := &ignores[i]
		if ig.file {
			ig.from, ig.to = 1, int(^uint(0)>>1)
			continue
		}
		target := ig.line
		if !spans.hasContentBefore(ig.line, ig.col) {
			target = ig.line + 1
		}
		ig.from, ig.to = target, max(target, spans.end[target])
	}

	kept := fs[:0]
	for _, f := range fs {
		silenced := false
		for i := range ignores {
			ig := &ignores[i]
			if f.Line < ig.from || f.Line > ig.to {
				continue
			}
			for _, r := range ig.rules {
				if r == f.Rule {
					ig.used[r] = true
					silenced = true
				}
			}
		}
		if !silenced {
			kept = append(kept, f)
		}
	}
	sev, on := cfg.SeverityFor(rules.IDUnusedIgnore, diag.Info)
	if !on {
		return kept
	}
	for _, ig := range ignores {
		for _, r := range ig.rules {
			if ig.used[r] {
				continue
			}
			msg := fmt.Sprintf("plan:ignore %s silences nothing here: remove it", r)
			if !known(r) {
				msg = fmt.Sprintf("plan:ignore names %q, which is not a rule (see `plan rules`): fix or remove it", r)
			}
			kept = append(kept, diag.Finding{File: name, Line: ig.line, Col: ig.col, Rule: rules.IDUnusedIgnore, Severity: sev, Message: msg})
		}
	}
	return kept
}

func parseIgnores(source []byte) []ignore {
	var out []ignore
	for i, line := range bytes.Split(source, []byte("\n")) {
		if !bytes.Contains(line, []byte("plan:ignore")) {
			continue
		}
		text := strings.TrimRight(string(line), "\r")
		loc := ignoreRE.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		ig := ignore{line: i + 1, col: len([]rune(text[:loc[0]])) + 1, file: text[loc[2]:loc[3]] == "ignore-file", used: map[string]bool{}}
		for _, r := range strings.FieldsFunc(text[loc[4]:loc[5]], func(r rune) bool { return r == ',' || r == ' ' }) {
			ig.rules = append(ig.rules, r)
		}
		if len(ig.rules) > 0 {
			out = append(out, ig)
		}
	}
	return out
}

// spans records, for each line, the last line of the outermost node that starts there,
// and which lines hold content before a given column.
type spans struct {
	end   map[int]int
	start map[int]int // line -> smallest column where a node starts
}

func (s spans) hasContentBefore(line, col int) bool {
	c, ok := s.start[line]
	return ok && c < col
}

// nodeSpans reads the spans from root, the document's top node, when the caller has it:
// parsing the file a second time used to cost as much as loading it. Without root it
// parses source.
func nodeSpans(source []byte, root *yaml.Node) spans {
	s := spans{end: map[int]int{}, start: map[int]int{}}
	doc := yaml.Node{Kind: yaml.DocumentNode}
	if root != nil {
		doc.Content = []*yaml.Node{root}
	} else if err := yaml.Unmarshal(source, &doc); err != nil {
		return s
	}
	// A node's span is marked on its first line, but only for what a person annotates:
	// a key (covering its value) and a list item. A list, the root mapping and a mapping
	// under a key start on a line that belongs to something smaller, so marking them
	// would let an ignore on one item silence its siblings too.
	var walk func(n *yaml.Node, depth int, inList bool) int
	walk = func(n *yaml.Node, depth int, inList bool) int {
		if n == nil || depth > 10000 {
			return 0
		}
		last := n.Line
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			last += strings.Count(strings.TrimRight(n.Value, "\n"), "\n") + 1
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				end := max(k.Line, walk(n.Content[i+1], depth+1, false))
				s.mark(k.Line, k.Column, end)
				last = max(last, end)
			}
		case yaml.SequenceNode, yaml.DocumentNode:
			for _, c := range n.Content {
				last = max(last, walk(c, depth+1, n.Kind == yaml.SequenceNode))
			}
		}
		if inList {
			s.mark(n.Line, n.Column, last)
		}
		return last
	}
	walk(&doc, 0, false)
	return s
}

func (s spans) mark(line, col, last int) {
	if s.end[line] < last {
		s.end[line] = last
	}
	if c, ok := s.start[line]; !ok || col < c {
		s.start[line] = col
	}
}
