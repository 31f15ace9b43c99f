package yamltree

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Lines finds the lines of a file for measuring where a value ends. A node knows only
// where it starts; findings also say where they end, which the decoded value cannot
// tell (it does not say how "\u0041" was spelt, or where a folded line broke). The index
// is built on first use, and only the lines asked for are decoded.
type Lines struct {
	body     []byte
	start    []int // start[i] is the offset of line i+1 in body
	breakLen []int // breakLen[i] is the length of the break that ends line i+1
}

// BOM is the UTF-8 byte-order mark a file may open with. It is no part of line 1: YAML
// skips it, and so do the loader's lines and columns.
const BOM = "\xef\xbb\xbf"

// WithoutBOM returns source without its byte-order mark, if it has one.
func WithoutBOM(source []byte) []byte { return bytes.TrimPrefix(source, []byte(BOM)) }

// NewLines returns the lines of source, a whole file as read (a byte-order mark is not
// part of line 1's columns, as the loader does not count it).
func NewLines(source []byte) *Lines {
	return &Lines{body: WithoutBOM(source)}
}

// BodyLines returns the lines of body, a file whose byte-order mark is already gone: a
// second mark at its start is text, and stays.
func BodyLines(body []byte) *Lines { return &Lines{body: body} }

// Starts returns the offset at which each line starts, the first at 0. A file ending in a
// line break has one more line, empty, after it. The slice is the index's own: read it,
// do not change it.
func (l *Lines) Starts() []int {
	l.index()
	return l.start
}

// Len is the number of lines.
func (l *Lines) Len() int {
	l.index()
	return len(l.start)
}

// Text returns line n (1-based) without its line break, or "" past the end.
func (l *Lines) Text(n int) string {
	l.index()
	if n < 1 || n > len(l.start) {
		return ""
	}
	end := len(l.body)
	if n < len(l.start) {
		end = l.start[n] - l.breakLen[n-1]
	}
	return string(l.body[l.start[n-1]:end])
}

// Runes returns line n (1-based) without its line break, or none past the end.
func (l *Lines) Runes(n int) []rune { return []rune(l.Text(n)) }

// Position returns the line and column (1-based, columns counted in characters, a byte
// that is not UTF-8 counting as one) of byte offset in the file, as the loader's lines
// are counted.
func (l *Lines) Position(offset int) (line, col int) {
	l.index()
	line = sort.Search(len(l.start), func(i int) bool { return l.start[i] > offset })
	return line, utf8.RuneCount(l.body[l.start[line-1]:offset]) + 1
}

// through returns the file from its start to the end of line n, line break included.
func (l *Lines) through(n int) []byte {
	l.index()
	if n >= len(l.start) {
		return l.body
	}
	return l.body[:l.start[n]]
}

// index finds where lines start, breaking them where YAML does: at LF, CRLF and CR, and
// at NEL, LS and PS too, or every line number after one would be off.
func (l *Lines) index() {
	if l.start != nil {
		return
	}
	l.start = append(make([]int, 0, bytes.Count(l.body, []byte("\n"))+1), 0)
	for i := 0; i < len(l.body); {
		n := LineBreak(l.body, i)
		if n == 0 {
			i++
			continue
		}
		l.breakLen = append(l.breakLen, n)
		i += n
		l.start = append(l.start, i)
	}
}

// LineBreak returns the length of the YAML line break at b[i:] (LF, CRLF, CR, NEL, LS or
// PS), or 0.
func LineBreak(b []byte, i int) int {
	switch {
	case b[i] == '\n':
		return 1
	case b[i] == '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return 2
		}
		return 1
	case b[i] == 0xc2 && i+1 < len(b) && b[i+1] == 0x85: // NEL
		return 2
	case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xa8 || b[i+2] == 0xa9): // LS, PS
		return 3
	}
	return 0
}

// End returns where node n ends: just after a single-line scalar as written, quotes and
// escapes included; its start for anything else (a block scalar, a value that runs on to
// another line, a collection).
func (l *Lines) End(n *yaml.Node) (line, col int) {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n.Line, n.Column
	}
	if width := scalarWidth(l.Runes(n.Line), n); width > 0 {
		return n.Line, n.Column + width
	}
	return n.Line, n.Column
}

// scalarWidth is how many characters the scalar n takes on its line as written, or 0
// when it runs on to another line.
func scalarWidth(line []rune, n *yaml.Node) int {
	first := n.Column - 1
	if first < 0 || first >= len(line) {
		return 0
	}
	// The node starts at its anchor or tag, if it has them (&a !!str TODO): the value
	// comes after.
	start := first
	for start < len(line) && (line[start] == '&' || line[start] == '!') {
		for start < len(line) && line[start] != ' ' && line[start] != '\t' {
			start++
		}
		for start < len(line) && (line[start] == ' ' || line[start] == '\t') {
			start++
		}
	}
	if start >= len(line) {
		return 0
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		if end := ClosingQuote(line, start+1, line[start]); end >= 0 {
			return end - first + 1
		}
		return 0
	}
	value := []rune(n.Value)
	if len(value) > 0 && len(line)-start >= len(value) && string(line[start:start+len(value)]) == n.Value {
		return start - first + len(value)
	}
	return 0
}

// ClosingQuote returns the index in line of the quote that closes a string, reading from
// index from, or -1 when the string goes on past the line. Inside double quotes a
// backslash escapes the next character (at the end of a line, the line break); inside
// single quotes a doubled quote stands for one.
func ClosingQuote(line []rune, from int, quote rune) int {
	for i := from; i < len(line); i++ {
		switch {
		case quote == '"' && line[i] == '\\':
			i++
		case line[i] == quote && quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == quote:
			return i
		}
	}
	return -1
}

// FirstInvalidUTF8 finds the first byte of body that is not UTF-8. body has had its
// byte-order mark removed already, so its lines are indexed as they are (a second mark
// is text).
func FirstInvalidUTF8(body []byte) (line, col int, bad bool) {
	if utf8.Valid(body) {
		return 0, 0, false
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size <= 1 {
			line, col = BodyLines(body).Position(i)
			return line, col, true
		}
		i += size
	}
	return 0, 0, false
}

// FirstNUL finds the first NUL byte in body, which has had its byte-order mark removed.
func FirstNUL(body []byte) (line, col int, found bool) {
	i := bytes.IndexByte(body, 0)
	if i < 0 {
		return 0, 0, false
	}
	line, col = BodyLines(body).Position(i)
	return line, col, true
}
