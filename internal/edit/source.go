package edit

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/yamltree"
)

// source turns a node's Line and Column into byte offsets, on the one line index the
// loader and the outputs use (yamltree.Lines: LF, CRLF, CR, NEL, LS and PS break lines,
// as in libyaml).
type source struct {
	b     []byte
	start []int // start[i] is the offset of line i+1
}

func newSource(b []byte) *source {
	start := yamltree.BodyLines(b).Starts()
	if len(start) > 1 && start[len(start)-1] == len(b) {
		// A final line break ends the last line rather than opening an empty one.
		start = start[:len(start)-1]
	}
	return &source{b: b, start: start}
}

func (s *source) lines() int { return len(s.start) }

// lineStart is the offset of line n (1-based).
func (s *source) lineStart(n int) int { return s.start[n-1] }

// contentEnd is the offset of line n's line break, or the end of the file.
func (s *source) contentEnd(n int) int {
	end := len(s.b)
	if n < len(s.start) {
		end = s.start[n]
	}
	for i := s.start[n-1]; i < end; i++ {
		if yamltree.LineBreak(s.b, i) > 0 {
			return i
		}
	}
	return end
}

// nextLine is the offset just after line n's line break (the end of the file for a last
// line without one).
func (s *source) nextLine(n int) int {
	if n < len(s.start) {
		return s.start[n]
	}
	return len(s.b)
}

// hasBreak reports whether line n ends with a line break.
func (s *source) hasBreak(n int) bool { return s.contentEnd(n) < s.nextLine(n) }

func (s *source) text(n int) []byte { return s.b[s.start[n-1]:s.contentEnd(n)] }

// offset turns a yaml.v3 position (1-based line, 1-based column counted in characters)
// into a byte offset.
func (s *source) offset(line, col int) int {
	if line < 1 || line > len(s.start) {
		return len(s.b)
	}
	i, end := s.start[line-1], s.contentEnd(line)
	for c := 1; c < col && i < end; c++ {
		_, size := utf8.DecodeRune(s.b[i:end])
		i += size
	}
	return i
}

// textStart is the offset where the node n's own text starts: after an anchor or a tag,
// which yaml.v3 counts as the start of the node they decorate.
func (s *source) textStart(n *yaml.Node) int {
	return skipProperties(s.b, s.offset(n.Line, n.Column))
}

// lineOf returns the 1-based line holding offset off.
func (s *source) lineOf(off int) int {
	// The lines that start at or before off end with the one holding it.
	return max(sort.SearchInts(s.start, off+1), 1)
}

// indent counts line n's leading spaces: YAML indents with spaces only.
func (s *source) indent(n int) int {
	t := s.text(n)
	return len(t) - len(bytes.TrimLeft(t, " "))
}

func (s *source) blank(n int) bool {
	return len(bytes.TrimLeft(s.text(n), " \t")) == 0
}

// comment reports whether line n holds nothing but a comment. Inside a block or quoted
// scalar such a line is content, which callers decide from the node tree.
func (s *source) comment(n int) bool {
	t := bytes.TrimLeft(s.text(n), " \t")
	return len(t) > 0 && t[0] == '#'
}

// eol picks the line ending most lines of the file use, so that a CRLF file stays CRLF
// and a file from a classic Mac (CR alone) stays CR. A tie goes to LF.
func (s *source) eol() string {
	crlf := bytes.Count(s.b, []byte("\r\n"))
	lf := bytes.Count(s.b, []byte("\n")) - crlf
	cr := bytes.Count(s.b, []byte("\r")) - crlf
	switch {
	case crlf > lf && crlf >= cr:
		return "\r\n"
	case cr > lf && cr > crlf:
		return "\r"
	}
	return "\n"
}

// commentsAbove returns the first of the comment lines directly above line at column
// depth, which belong to what starts on line (a key, a list entry), or line itself.
func (s *source) commentsAbove(line, depth int) int {
	for line > 1 && s.comment(line-1) && s.indent(line-1) == depth {
		line--
	}
	return line
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// skipProperties moves past an anchor (&a) or tag (!t) and the spaces after them, which
// yaml.v3 counts as the start of the node they decorate.
func skipProperties(b []byte, i int) int {
	for i < len(b) && (b[i] == '&' || b[i] == '!') {
		if bytes.HasPrefix(b[i:], []byte("!<")) {
			// A verbatim tag may hold any character up to its closing '>'.
			if j := bytes.IndexByte(b[i:], '>'); j > 0 {
				i += j
			}
		}
		for i < len(b) && !isSpace(b[i]) && yamltree.LineBreak(b, i) == 0 && !bytes.ContainsRune([]byte(",[]{}"), rune(b[i])) {
			i++
		}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
	}
	return i
}
