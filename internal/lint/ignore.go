package lint

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/yamltree"
)

// ignoreRE matches "# plan:ignore a,b -- reason" and "# plan:ignore-file a -- reason". It
// is compiled on first use, once per run, rather than at every command's start.
// A comment starts a line or follows white space: in `a#b` the # is text.
// The text after "--" is the reason, which a report shows beside what was silenced.
var ignoreRE = lazyregexp.New(`(?:^|[ \t])(#\s*plan:(ignore|ignore-file)\s+([A-Za-z0-9_,\- ]*?)\s*(?:--(.*))?)$`)

// ignore is one plan:ignore comment and the lines it covers.
type ignore struct {
	line, col int
	file      bool
	rules     []string
	reason    string
	used      map[string]bool
	// from..to is the span of the node it applies to (the whole file for ignore-file).
	from, to int
}

// applyIgnores drops the findings that inline comments silence, returning them apart
// with the comments' reasons, and, when the file loaded, reports comments that silence
// nothing as unused-ignore: a file that failed to load gets its yaml-syntax or schema
// findings and nothing else. root is the file's parsed tree when it loaded; nil (it did
// not) makes it parse the source.
func applyIgnores(name string, source []byte, root *yaml.Node, fs []diag.Finding, checked *profile.Resolved, known func(string) bool) (kept []diag.Finding, silenced []diag.Silenced) {
	if !bytes.Contains(source, []byte("plan:ignore")) {
		return fs, nil
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode}
	if root != nil {
		doc.Content = []*yaml.Node{root}
	} else if err := yaml.Unmarshal(yamltree.YAML11Directive(yamltree.WithoutBOM(source)), doc); err != nil {
		doc = nil
	}
	// Lines as YAML counts them (CR, NEL, LS and PS break lines too), without the
	// byte-order mark, which is no column of line 1.
	src := yamltree.NewLines(source)
	lines := make([]string, src.Len())
	for i := range lines {
		lines[i] = src.Text(i + 1)
	}
	texts := findTextRegions(lines, doc)
	ignores := parseIgnores(lines, texts)
	if len(ignores) == 0 {
		return fs, nil
	}
	spans := nodeSpans(doc, texts)
	for i := range ignores {
		ig := &ignores[i]
		if ig.file {
			ig.from, ig.to = 1, int(^uint(0)>>1)
			continue
		}
		target := ig.line
		if start, ok := texts.quotedEndingBefore(ig.line, ig.col); ok && !spans.hasContentBefore(ig.line, ig.col) {
			// After the closing quote of a string that began lines above: the comment
			// ends that string's line, so it covers the key or item the string began on.
			target = start
		} else if !spans.hasContentBefore(ig.line, ig.col) {
			target = ig.line + 1
		}
		ig.from, ig.to = target, max(target, spans.end[target])
	}

	kept = fs[:0]
	for _, f := range fs {
		var by *ignore
		for i := range ignores {
			ig := &ignores[i]
			if f.Line < ig.from || f.Line > ig.to {
				continue
			}
			if f.Pointer == "" && f.Line == 1 && f.Col == 1 && !ig.file {
				// A finding about the whole plan (a section it lacks) sits at 1:1 but
				// belongs to no key there: only plan:ignore-file covers it.
				continue
			}
			for _, r := range ig.rules {
				if r == f.Rule {
					ig.used[r] = true
					// Of several comments that cover a finding, the first that gives a
					// reason speaks for it.
					if by == nil || by.reason == "" {
						by = ig
					}
				}
			}
		}
		if by == nil {
			kept = append(kept, f)
			continue
		}
		silenced = append(silenced, diag.Silenced{Finding: f, Reason: by.reason, Line: by.line, WholeFile: by.file})
	}
	sev, on := checked.SeverityFor(rules.IDUnusedIgnore, diag.Info)
	if !on || root == nil {
		return kept, silenced
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
	return kept, silenced
}

// parseIgnores finds the plan:ignore comments among lines, passing over what only looks
// like one inside a string.
func parseIgnores(lines []string, texts textRegions) []ignore {
	var out []ignore
	for i, text := range lines {
		if !strings.Contains(text, "plan:ignore") {
			continue
		}
		loc := ignoreRE.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		col := len([]rune(text[:loc[2]])) + 1
		if texts.inText(i+1, col) {
			continue
		}
		ig := ignore{line: i + 1, col: col, file: text[loc[4]:loc[5]] == "ignore-file", used: map[string]bool{}}
		if loc[8] >= 0 {
			ig.reason = strings.TrimSpace(text[loc[8]:loc[9]])
		}
		ig.rules = strings.FieldsFunc(text[loc[6]:loc[7]], func(r rune) bool { return r == ',' || r == ' ' })
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

// nodeSpans reads the spans from doc, the document node (nil for a file that does not
// parse): the tree the loader built when there is one, since parsing the file a second
// time used to cost as much as loading it.
func nodeSpans(doc *yaml.Node, texts textRegions) spans {
	s := spans{end: map[int]int{}, start: map[int]int{}}
	if doc == nil {
		return s
	}
	// A node's span is marked on its first line, but only for what a person annotates:
	// a key (covering its value) and a list item. A list, the root mapping and a mapping
	// under a key start on a line that belongs to something smaller, so marking them
	// would let an ignore on one item silence its siblings too.
	var walk func(n *yaml.Node, depth int, inList bool) int
	walk = func(n *yaml.Node, depth int, inList bool) int {
		if n == nil || depth > yamltree.MaxDepth {
			return 0
		}
		last := n.Line
		if n.Kind == yaml.ScalarNode {
			last = texts.lastLine(n)
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
	walk(doc, 0, false)
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
