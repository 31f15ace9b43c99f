package rules

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/wording"
)

// IDPlaceholder is the placeholder rule's id: a report whose plan still holds one is a
// draft.
const IDPlaceholder = "placeholder"

func placeholderRule() Rule {
	return Rule{
		ID:       IDPlaceholder,
		Severity: diag.Error,
		Summary:  "text still holds a template placeholder such as [Insert …], [Name], TODO, TBD, TBC or ???",
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
var placeholderRE = lazyregexp.New(`(\[Insert[^\]\n]{0,80}\]?|<[Ii]nsert[^>\n]{0,80}>?|\[(?:Names?|Group (?:[0-9]+|N)|stakeholders|issue)\]|\?\?\?+)|(?:^|[^\p{L}\p{N}_])(TODO|TBD|TBC|TBA|XXX)(?:[^\p{L}\p{N}_]|$)`)

// findPlaceholders returns every placeholder in s, in order, each once. Every placeholder
// holds "[", "<", "?", "TODO", "TB" or "XXX", so nearly every string is dismissed without
// running the regexp. (Testing for the letters T and X alone sent every sentence with
// "The" in it through the regexp, most of the strings of a real plan.)
func findPlaceholders(s string) []string {
	if !strings.ContainsAny(s, "[<?") && !strings.Contains(s, "TODO") && !strings.Contains(s, "TB") && !strings.Contains(s, "XXX") {
		return nil
	}
	var out []string
	for _, m := range placeholderRE.Regexp().FindAllStringSubmatch(s, -1) {
		p := m[1]
		if p == "" {
			p = m[2]
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// isPlaceholder reports whether s holds a template placeholder anywhere.
func isPlaceholder(s string) bool { return len(findPlaceholders(s)) > 0 }

func checkPlaceholder(p *plan.Plan, _ Settings) []Result {
	// role-unassigned reports a placeholder that stands for a role's person, with what
	// to do about the role; one finding there is enough.
	roleNames := map[*yaml.Node]bool{}
	for _, key := range p.Roles.Keys() {
		role, _ := p.Roles.Get(key)
		for _, n := range role.Name {
			roleNames[n.Node] = true
		}
	}
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
			if roleNames[n] {
				return
			}
			switch all := findPlaceholders(n.Value); len(all) {
			case 0:
			case 1:
				out = append(out, at(n, "%s still holds the template placeholder %q: replace it with the real text", describePath(path), all[0]))
			default:
				quoted := make([]string, len(all))
				for i, m := range all {
					quoted[i] = strconv.Quote(m)
				}
				out = append(out, at(n, "%s still holds the template placeholders %s: replace them with the real text", describePath(path), wording.List(quoted)))
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
