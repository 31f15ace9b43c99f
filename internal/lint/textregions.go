package lint

import (
	"strings"

	"github.com/planascode/plan/internal/yamltree"
	"gopkg.in/yaml.v3"
)

// textRegions says where a document's strings run over more than one line, which the
// node tree does not tell (a node knows only where it starts). A "# plan:ignore" there is
// text, not a comment; and an ignore after the closing quote of a string that began lines
// earlier belongs to that string's key.
type textRegions struct {
	// blockEnd is the last content line of the literal or folded scalar whose header
	// (`|`, `>`) is on the key line.
	blockEnd map[int]int
	// blockLine marks every content line of a literal or folded scalar.
	blockLine map[int]bool
	// quoted are the quoted scalars.
	quoted []quotedSpan
}

// quotedSpan is a quoted scalar from its opening quote at start to its closing quote,
// which ends before column endCol of endLine (columns count runes from 1).
type quotedSpan struct {
	startLine, startCol int
	endLine, endCol     int
}

// findTextRegions walks the tree under doc over lines, the document's lines without
// their line breaks.
func findTextRegions(lines []string, doc *yaml.Node) textRegions {
	r := textRegions{blockEnd: map[int]int{}, blockLine: map[int]bool{}}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > yamltree.MaxDepth || n.Kind == yaml.AliasNode {
			return
		}
		if n.Kind == yaml.ScalarNode {
			switch {
			case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
				r.addBlock(lines, n.Line, n.Column)
			case n.Style&yaml.DoubleQuotedStyle != 0:
				r.addQuoted(lines, n.Line, n.Column, '"')
			case n.Style&yaml.SingleQuotedStyle != 0:
				r.addQuoted(lines, n.Line, n.Column, '\'')
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return r
}

// addBlock records the content of the block scalar whose header (|, >) is at line:col:
// the lines after it that are blank or indented at least as far as its content, which
// is the header's indentation indicator (|2) past the header line's, or else that of its
// first content line, which must be indented further than the header line.
func (r *textRegions) addBlock(lines []string, header, col int) {
	if header < 1 || header > len(lines) {
		return
	}
	parent := indentOf(lines[header-1])
	content, last := -1, header
	if h := []rune(lines[header-1]); col >= 1 && col <= len(h) {
		for _, c := range h[col:min(col+2, len(h))] {
			if c >= '1' && c <= '9' {
				content = parent + int(c-'0')
			}
		}
	}
	for i := header; i < len(lines); i++ {
		text := lines[i]
		if strings.TrimLeft(text, " ") == "" {
			continue
		}
		ind := indentOf(text)
		if content < 0 {
			if ind <= parent {
				break
			}
			content = ind
		}
		if ind < content {
			break
		}
		r.blockLine[i+1] = true
		last = i + 1
	}
	r.blockEnd[header] = last
}

// addQuoted records the quoted scalar that opens at line:col.
func (r *textRegions) addQuoted(lines []string, line, col int, quote rune) {
	if line < 1 || line > len(lines) {
		return
	}
	from := col // the first line is read after its opening quote
	for l := line; l <= len(lines); l++ {
		if end := yamltree.ClosingQuote([]rune(lines[l-1]), from, quote); end >= 0 {
			r.quoted = append(r.quoted, quotedSpan{startLine: line, startCol: col, endLine: l, endCol: end + 2})
			return
		}
		from = 0
	}
}

// inText reports whether column col of line falls inside a string.
func (r textRegions) inText(line, col int) bool {
	if r.blockLine[line] {
		return true
	}
	for _, q := range r.quoted {
		switch {
		case line < q.startLine || line > q.endLine:
		case line == q.startLine && line == q.endLine:
			if col > q.startCol && col < q.endCol {
				return true
			}
		case line == q.startLine:
			if col > q.startCol {
				return true
			}
		case line == q.endLine:
			if col < q.endCol {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// quotedEndingBefore returns the line where the string that closes on line, before
// column col, began.
func (r textRegions) quotedEndingBefore(line, col int) (int, bool) {
	for _, q := range r.quoted {
		if q.endLine == line && q.startLine < line && q.endCol <= col {
			return q.startLine, true
		}
	}
	return 0, false
}

// lastLine is the last line of the scalar n: its header line for a block scalar's
// content, its closing quote's line for a quoted one, else its own line.
func (r textRegions) lastLine(n *yaml.Node) int {
	if end, ok := r.blockEnd[n.Line]; ok && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return end
	}
	for _, q := range r.quoted {
		if q.startLine == n.Line && q.startCol == n.Column {
			return q.endLine
		}
	}
	return n.Line
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
