package yamltree

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"testing"
)

// TestYAMLErrorPosition pins where each kind of syntax error is reported: yaml.v3's own
// line is one early for its parser's problems, and names where a broken scalar starts
// rather than the tab that breaks it.
func TestYAMLErrorPosition(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"flow list left open names the [ line", "schema_version: 1\ntitle: t\nrisks: [a, b\nsummary: x\n", 3, 1, "did not find expected ',' or ']'"},
		{"flow list open on line 1 is reported on the last line", "rules: [a\n", 1, 1, "did not find expected ',' or ']'"},
		{"flow mapping left open", "a: 1\nb: {x: 1\nc: 2\n", 2, 1, "did not find expected ',' or '}'"},
		{"key indented less than its siblings", "rules:\n  a: b\n c: d\n", 3, 2, "did not find expected key"},
		{"list item after a mapping", "a: 1\n- b\n", 2, 1, "did not find expected key"},
		{"mapping inside a list", "a: 1\nb:\n  - x\n  y: 2\n", 4, 3, "did not find expected '-' indicator"},
		{"tab after a plain value", "schema_version: 1\ntitle: t\nsummary: x\n\tbad: 1\n", 4, 1, TabIndentMessage},
		{"tab on line 2", "summary: x\n\tbad: 1\n", 2, 1, TabIndentMessage},
		{"tab after spaces", "a:\n  b: x\n  \tc: 1\n", 3, 3, TabIndentMessage},
		{"tab in a block scalar", "a: 1\nb: |\n  x\n\ty\n", 4, 1, TabIndentMessage},
		{"tab indenting a key", "schema_version: 1\nmandate:\n\tstatement: x\n", 3, 1, TabIndentMessage},
		{"reserved @", "a: 1\nb: @x\n", 2, 4, "found character that cannot start any token"},
		{"reserved backquote in a list", "a: [x, `y]\n", 1, 8, "found character that cannot start any token"},
		{"quote left open names its start", "a: 1\nb: \"x\n", 2, 1, "found unexpected end of stream"},
		{"scanner lines are already right", "schema_version: 1\ntitle: a\nmandate:\n  statement: x\n   bad: y\n", 5, 4, "mapping values are not allowed in this context"},
		{"a stray line deep in a list", "schema_version: 1\ntitle: t\nstakeholders:\n  - id: a\n    name: A\n  - id: b\n    name: B\n   influence: high\n  - id: c\n", 8, 4, "did not find expected '-' indicator"},
		{"a quoted text over two lines before the problem", "a: \"x\n  y\"\nb: [1\nc: 2\n", 3, 1, "did not find expected ',' or ']'"},
		{"an alias to no anchor is found by its line", "a: 1\nb:\n  - *x\n", 3, 3, "unknown anchor 'x' referenced"},
		{"a problem in a second document", "a: 1\n---\nb: [1\nc: 2\n", 3, 1, "did not find expected ',' or ']'"},
		{"a control character", "schema_version: 1\ntitle: abc\x01\n", 2, 11, "control characters are not allowed"},
		{"a C1 control after text", "a: 1\nb: é\u0086\n", 2, 5, "control characters are not allowed"},
		{"an alias to no anchor before a quoted text over several lines", "schema_version: 1\ntitle: T\nstakeholders:\n  - id: g\n    name: G\n    channels:\n    - email\n    - *web\n      \"Residents of the\n      estate, many of whom\n      work shifts\"\n", 8, 5, "unknown anchor 'web' referenced"},
		{"a scanner problem at the start of a text over several lines stays there", "title: *t\n'long\n\n\n\n\n text'\n", 2, 1, "could not find expected ':'"},
		{"CR line breaks count", "a: 1\rb: [x\rc: 2\r", 2, 1, "did not find expected ',' or ']'"},
		{"a byte-order mark is not a column", "\ufeffa: @x\n", 1, 4, "found character that cannot start any token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := parseAll([]byte(tc.src))
			if err == nil {
				t.Fatalf("yaml.v3 accepted %q", tc.src)
			}
			line, col, msg := YAMLErrorPosition([]byte(tc.src), err)
			if got, want := fmt.Sprintf("%d:%d %s", line, col, msg), fmt.Sprintf("%d:%d %s", tc.line, tc.col, tc.msg); got != want {
				t.Errorf("YAMLErrorPosition(%q) = %s, want %s (yaml.v3 said %v)", tc.src, got, want, err)
			}
		})
	}
}

// TestYAMLErrorPositionWithoutLine: an error that names no line is placed at line 1.
func TestYAMLErrorPositionWithoutLine(t *testing.T) {
	line, col, msg := YAMLErrorPosition([]byte("a: *x\n"), errors.New("yaml: unknown anchor 'x' referenced"))
	if line != 1 || col != 1 || msg != "unknown anchor 'x' referenced" {
		t.Errorf("got %d:%d %q", line, col, msg)
	}
}

// TestYAMLErrorPositionBudget: in a file too large to search, the problem is reported
// where yaml.v3 puts it rather than searched for at the cost of the square of the size.
func TestYAMLErrorPositionBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("stakeholders:\n")
	for i := range 40000 {
		fmt.Fprintf(&b, "  - id: s%d\n", i)
	}
	b.WriteString("   name: stray\n")
	src := []byte(b.String())
	err := parseAll(src)
	if err == nil {
		t.Fatal("yaml.v3 accepted the stray line")
	}
	if line, _, _ := YAMLErrorPosition(src, err); line != 2 {
		t.Errorf("line %d, want 2 (where the list starts, as yaml.v3 says)", line)
	}
}

// TestYAMLErrorPositionFarFromTheBlock: a problem hundreds of lines into a long list is
// found at its own line, not where the list starts, and so is an alias to no anchor.
func TestYAMLErrorPositionFarFromTheBlock(t *testing.T) {
	build := func(bad func(i int) string) (src []byte, badLine int) {
		var b strings.Builder
		b.WriteString("schema_version: 1\ntitle: Long\nstakeholders:\n")
		line := 4
		for i := range 200 {
			if s := bad(i); s != "" {
				b.WriteString(s)
				badLine = line
			} else {
				fmt.Fprintf(&b, "  - id: s%d\n    name: Group %d\n    influence: medium\n", i, i)
			}
			line += 3
		}
		return []byte(b.String()), badLine
	}
	for _, tc := range []struct {
		name string
		bad  func(i int) string
		col  int
		msg  string
	}{
		{"a key indented one space less", func(i int) string {
			if i == 180 {
				return "  - id: s180\n    name: Group 180\n   influence: medium\n"
			}
			return ""
		}, 4, "did not find expected '-' indicator"},
		{"an alias to no anchor", func(i int) string {
			if i == 190 {
				return "  - id: s190\n    name: Group 190\n    influence: *nowhere\n"
			}
			return ""
		}, 5, "unknown anchor 'nowhere' referenced"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, line := build(tc.bad)
			line += 2 // the third line of the item
			err := parseAll(src)
			if err == nil {
				t.Fatal("yaml.v3 accepted the file")
			}
			gotLine, gotCol, msg := YAMLErrorPosition(src, err)
			if gotLine != line || gotCol != tc.col || msg != tc.msg {
				t.Errorf("got %d:%d %s, want %d:%d %s", gotLine, gotCol, msg, line, tc.col, tc.msg)
			}
		})
	}
}

// TestYAMLErrorPositionControlCharacter: a forbidden character is found where it is in a
// file of any size the loader accepts, past the search budget, and when the parser would
// have met another problem before it (yaml.v3's reader checks characters ahead of the
// parser, so the character is what it reports).
func TestYAMLErrorPositionControlCharacter(t *testing.T) {
	register := func(entries int) string {
		var b strings.Builder
		b.WriteString("schema_version: 1\ntitle: T\nstakeholders:\n")
		for i := range entries {
			fmt.Fprintf(&b, "  - id: s%d\n    name: Group %d\n", i, i)
		}
		return b.String()
	}
	large := register(searchBudget / 36)
	if n := len(large); n <= searchBudget || n > 10<<20 {
		t.Fatalf("the large file is %d bytes: it should be past the budget and within the loader's 10 MiB", n)
	}
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
	}{
		{"past the search budget", large + "  - id: x\n    name: Bad\x0bname\n", strings.Count(large, "\n") + 2, 14},
		{"after a key indented wrongly", "schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n   name: A\n  - id: b\n    name: B\x0c\n", 7, 12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// What yaml.v3 says of it, as the small case shows: parsing 9 MB to hear it
			// again would only slow the test.
			err := errors.New("yaml: " + controlProblem)
			if len(tc.src) < 1000 {
				if err = parseAll([]byte(tc.src)); err == nil || !strings.Contains(err.Error(), controlProblem) {
					t.Fatalf("yaml.v3 said %v", err)
				}
			}
			line, col, msg := YAMLErrorPosition([]byte(tc.src), err)
			if line != tc.line || col != tc.col || msg != controlProblem {
				t.Errorf("got %d:%d %s, want %d:%d %s", line, col, msg, tc.line, tc.col, controlProblem)
			}
		})
	}
}

// TestFirstFailingLineWork: when halving lands past a text over several lines, the line
// is found going back from there, in a few parses, not by parsing the file up to every
// line of the register before it, which grew with the square of the file.
func TestFirstFailingLineWork(t *testing.T) {
	for _, entries := range []int{100, 1000} {
		var b strings.Builder
		b.WriteString("schema_version: 1\ntitle: T\nstakeholders:\n")
		for i := range entries {
			fmt.Fprintf(&b, "  - id: s%d\n    name: Group %d\n", i, i)
		}
		b.WriteString("  - id: g\n    channels:\n    - *web\n      \"Residents of the\n      estate, many of whom\n      work shifts\"\n")
		src := []byte(b.String())
		lines := NewLines(src)
		want := 3 + 2*entries + 3
		parses := 0
		counted := func(prefix []byte) error {
			parses++
			return parseAll(prefix)
		}
		if got := firstFailingLine(lines, 1, "unknown anchor 'web' referenced", counted); got != want {
			t.Errorf("%d entries: line %d, want %d", entries, got, want)
		}
		// A parse for each halving of the lines, and one for each line of the text.
		if limit := bits.Len(uint(lines.Len())) + 6; parses > limit {
			t.Errorf("%d entries (%d lines): %d parses of the file, want at most %d", entries, lines.Len(), parses, limit)
		}
	}
}
