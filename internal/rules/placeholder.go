package rules

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
)

func placeholderRule() Rule {
	return Rule{
		ID:       "placeholder",
		Severity: diag.Error,
		Summary:  "text still holds a template placeholder such as [Insert …], [Name], TODO or TBD",
		Rationale: "The online engagement plan template is full of bracketed prompts ([Insert …], " +
			"[Name], [Group 1], [stakeholders], [issue]) meant to be replaced, and drafts collect " +
			"TODO, TBD and XXX markers. A plan published or approved with them left in tells " +
			"stakeholders and decision makers that the thinking was never done, and a rendered plan " +
			"shows them verbatim. Matching is case sensitive and whole-word for TODO, TBD and XXX, so " +
			"ordinary words (todo, XXXL) pass.",
		Fix: "Replace the placeholder at the position given with the real text, or remove the marker " +
			"once the work it stands for is done.",
		Source: "T",
		Check:  checkPlaceholder,
	}
}

// placeholderRE is compiled once, on first use: the rule runs on every string of thousands
// of files, but commands that check nothing should not pay for it at start-up.
// An [Insert …] prompt is matched up to its closing bracket (bounded) so that the message
// can quote it. [Group N] is matched as written too, as lint-rules.md spells it: no real
// text says it.
//
// RE2's \b knows only ASCII word characters, so the whole-word markers carry their own
// boundaries: "ÀTODO" and "TODOé" are words of their own, not markers.
var placeholderRE = lazyregexp.New(`(\[Insert[^\]\n]{0,80}\]?|\[(?:Names?|Group (?:[0-9]+|N)|stakeholders|issue)\])|(?:^|[^\p{L}\p{N}_])(TODO|TBD|XXX)(?:[^\p{L}\p{N}_]|$)`)

// findPlaceholder returns the first template placeholder in s. Every placeholder holds
// "[", "TODO", "TBD" or "XXX", so nearly every string is dismissed without running the
// regexp. (Testing for the letters T and X alone sent every sentence with "The" in it
// through the regexp, most of the strings of a real plan.)
func findPlaceholder(s string) (string, bool) {
	if strings.IndexByte(s, '[') < 0 && !strings.Contains(s, "TODO") && !strings.Contains(s, "TBD") && !strings.Contains(s, "XXX") {
		return "", false
	}
	m := placeholderRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	if m[1] != "" {
		return m[1], true
	}
	return m[2], true
}

// isPlaceholder reports whether s holds a template placeholder anywhere.
func isPlaceholder(s string) bool {
	_, ok := findPlaceholder(s)
	return ok
}

func checkPlaceholder(p *plan.Plan, _ Settings) []Result {
	var out []Result
	var path []string
	// The loader has replaced every alias with a copy placed at the alias (see
	// plan.expandAliases), so each use of an aliased text is a value of its own here;
	// the loader's limit on expansion bounds the walk.
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			// Non-strings (numbers, booleans, dates, null) cannot hold a placeholder, so
			// the tag needs no check.
			if m, ok := findPlaceholder(n.Value); ok {
				out = append(out, at(n, "%s still holds the template placeholder %q: replace it with the real text", describePath(path), m))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				path = append(path, n.Content[i].Value)
				walk(n.Content[i+1])
				path = path[:len(path)-1]
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				path = append(path, strconv.Itoa(i))
				walk(c)
				path = path[:len(path)-1]
			}
		}
	}
	if p.Root != nil {
		walk(p.Root)
	}
	return out
}

func describePath(path []string) string {
	if len(path) == 0 {
		return "the document"
	}
	return planschema.PathString(path)
}
