package yamltree

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/lazyregexp"
)

// yamlErrLine is compiled on first use, by a file that does not parse: compiling it in
// the package's init would slow down the start of every command.
// A decoding error (yaml.TypeError) lists its problems as "line N: …" without the prefix.
var yamlErrLine = lazyregexp.New(`^(?:yaml: )?line (\d+): (.*)$`)

// parserProblems are the problems yaml.v3's parser (as against its scanner) reports.
// yaml.v3 (v3.0.1, decode.go's fail) names their line counting from 0, one line early,
// while it names a scanner problem's line counting from 1. Only the text tells them apart.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// tabProblems are the scanner's problems with a tab among a line's leading blanks.
var tabProblems = map[string]bool{
	"found a tab character that violates indentation":              true,
	"found a tab character where an indentation space is expected": true,
}

// searchBudget bounds the bytes YAMLErrorPosition parses looking for a problem's line:
// about twenty parses of a 300 KB plan when halving works, and a few hundred lines when
// the lines must be tried one by one. Past it, the line is where yaml.v3 points.
const searchBudget = 8 << 20

// YAMLErrorPosition turns a yaml.v3 error about source into the line and column of the
// problem (1 where it cannot tell) and what it says, so that callers can report it as
// FILE:LINE:COL: message.
//
// For its parser's problems yaml.v3 names the line where the block or list holding the
// problem starts (one line early at that), not the problem's own: a key indented one
// space too far in the fifth stakeholder is reported where the register begins. For a
// tab it names the line where the text before the tab began, and for an alias to no
// anchor or a forbidden character no line at all. A forbidden character is the file's
// first; in the other cases the file is parsed again up to each line from there on, and
// the problem is on the first line whose parse fails the same way. (Its scanner's other
// problems are named at the line of the token at fault, which may start a text running
// over several lines: that line is kept.)
// The column is that of the tab or reserved character at fault, if there is one, else
// where the line's text starts.
func YAMLErrorPosition(source []byte, err error) (line, col int, msg string) {
	line, msg = ErrorLine(err)
	lines := NewLines(source)
	named := strings.HasPrefix(err.Error(), "yaml: line ")
	if parserProblems[msg] && named {
		line++
	}
	line = max(min(line, lastLine(lines)), 1)
	forbidden := -1
	if msg == controlProblem {
		forbidden = firstForbiddenAt(lines.body)
	}
	switch {
	case forbidden >= 0:
		// yaml.v3's reader checks each character as it reads, ahead of the parser: the
		// problem is the file's first forbidden character, found without parsing, whatever
		// the size of the file and whatever problem the parser would have met before it.
		line, _ = lines.Position(forbidden)
	case parserProblems[msg] || tabProblems[msg] || !named:
		line = firstFailingLine(lines, line, msg, parseAll)
	}
	text := lines.Runes(line)
	switch {
	case tabProblems[msg]:
		col = indentTab(text)
	case msg == "found character that cannot start any token":
		col = unstartable(text)
	case msg == controlProblem:
		col = firstForbidden(text)
	}
	// yaml.v3 words a tab in the indentation in three ways, one of which ("cannot start
	// any token") does not mention a tab at all, and a tab looks like spaces in most
	// editors: the reader needs to be told which character it is and what to type instead.
	if col > 0 && col == indentTab(text) {
		msg = TabIndentMessage
	}
	if col == 0 {
		col = max(firstNonBlank(text), 1)
	}
	return line, col, msg
}

// controlProblem is how yaml.v3 reports a character that YAML does not allow in a file.
const controlProblem = "control characters are not allowed"

// TabIndentMessage is what YAMLErrorPosition says of a tab among a line's leading blanks.
const TabIndentMessage = "a tab in the indentation: YAML indents with spaces only, so replace the tab with spaces"

// firstFailingLine returns the first line from "from" on such that the file up to the
// end of that line fails to parse with msg, or "from" when none does within the budget.
// parse parses a prefix of the file.
//
// The parser stops at its first problem, so once the file up to some line fails, the
// file up to any later line usually fails the same way, and the line is found by
// halving, in a few parses. Not always: a prefix that ends inside a quoted text or flow
// collection running over several lines fails another way. So the line halving finds is
// kept only when the file up to the line before parses cleanly; otherwise the problem
// may lie before it, and the lines are tried one by one back from there to the last
// that the file up to parses cleanly, a distance of a text or two rather than of the
// file. (Trying them forward from "from", the start of the block holding the problem,
// parsed the file about once per line of a long register, the square of its size.)
func firstFailingLine(lines *Lines, from int, msg string, parse func([]byte) error) int {
	spent := 0
	// try reports whether the file up to line n fails with msg, whether it parses
	// cleanly, and whether the budget allowed the parse at all.
	try := func(n int) (same, clean, ok bool) {
		prefix := lines.through(n)
		if spent += len(prefix); spent > searchBudget {
			return false, false, false
		}
		err := parse(prefix)
		if err == nil {
			return false, true, true
		}
		_, m := ErrorLine(err)
		return m == msg, false, true
	}
	last := lines.Len()
	// The whole file fails with msg, unless parsing alone does not find the problem (a
	// key given twice, which only decoding refuses).
	if same, _, ok := try(last); !same || !ok {
		return from
	}
	lo, hi := from, last
	for lo < hi {
		mid := lo + (hi-lo)/2
		same, _, ok := try(mid)
		if !ok {
			return from
		}
		if same {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	first := lo
	for n := lo - 1; n >= from; n-- {
		same, clean, ok := try(n)
		if clean || !ok {
			break
		}
		if same {
			first = n
		}
	}
	return first
}

// parseAll parses every document in body, as the loader and the editor read them, and
// returns the first error.
func parseAll(body []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(YAML11Directive(body)))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// ErrorLine splits a yaml.v3 error into the line it names (1 when it names none) and
// what it says, as yaml.v3 says them; of a decoding error, which lists every value that
// could not be decoded, the first. YAMLErrorPosition mends the line where it can.
func ErrorLine(err error) (line int, msg string) {
	msg = err.Error()
	if te := (*yaml.TypeError)(nil); errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		return line, m[2]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

// lastLine is the last line that holds anything: a file's final line break ends its last
// line rather than starting another.
func lastLine(lines *Lines) int {
	n := lines.Len()
	if n > 1 && lines.Text(n) == "" {
		n--
	}
	return n
}

// indentTab returns the column of the first tab among a line's leading blanks, or 0.
func indentTab(line []rune) int {
	for i, r := range line {
		switch r {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// firstNonBlank returns the column of the first character on line that is not a space
// or tab, or 0 for a blank line.
func firstNonBlank(line []rune) int {
	for i, r := range line {
		if r != ' ' && r != '\t' {
			return i + 1
		}
	}
	return 0
}

// unstartable returns the column of the first character on line that YAML lets start no
// token: a tab where indentation belongs, or a reserved @ or ` where a value begins. It
// returns 0 when it finds none.
func unstartable(line []rune) int {
	if c := indentTab(line); c > 0 {
		return c
	}
	for i, r := range line {
		if r != '@' && r != '`' {
			continue
		}
		if i == 0 || strings.ContainsRune(" \t[{,", line[i-1]) {
			return i + 1
		}
	}
	return 0
}

// firstForbidden returns the column of the first character on line that YAML does not
// allow in a file, or 0.
func firstForbidden(line []rune) int {
	for i, r := range line {
		if isForbidden(r) {
			return i + 1
		}
	}
	return 0
}

// firstForbiddenAt returns the offset in body of the first character that YAML does not
// allow in a file, or -1.
func firstForbiddenAt(body []byte) int {
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if isForbidden(r) {
			return i
		}
		i += size
	}
	return -1
}

// isForbidden reports whether YAML does not allow r in a file (its reader's test: C0 and
// C1 controls but tab, line breaks and NEL, DEL, U+FFFE and U+FFFF).
func isForbidden(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' ||
		r == 0x7f ||
		r >= 0x80 && r < 0xa0 && r != 0x85 ||
		r == 0xfffe || r == 0xffff
}
