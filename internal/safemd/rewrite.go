package safemd

import (
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/planascode/plan/internal/lazyregexp"
)

// A Markdown field is not copied into the Markdown report as written: it is parsed with
// the same safe goldmark configuration as the HTML report and written back out. That
// way raw HTML becomes escaped text, links keep only the safe schemes, headings fit
// under the report's own, and the result follows one style (the one markdownlint checks)
// whatever style the plan's author used.

// Block rewrites a Markdown field as blocks whose headings start at level base.
func Block(src string, base int) string {
	if blank(src) {
		return ""
	}
	doc, source := parse(src, base)
	w := mdSerializer{source: source}
	return tidy(w.blocks(doc, false))
}

// Inline rewrites a Markdown field for a table cell: one line, blocks joined by <br>.
// Its pipes are left for the table to escape (Cell), once, like every cell's.
func Inline(src string) string {
	if blank(src) {
		return ""
	}
	doc, source := parse(src, 0)
	w := mdSerializer{source: source, cell: true}
	return w.cellBlocks(doc)
}

// tidy removes trailing white space (markdownlint MD009) and hard tabs (MD010).
func tidy(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\t", "    "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

type mdSerializer struct {
	source []byte
	// cell is set while writing a table cell, where nothing may break the line.
	cell bool
	// heading is set inside a heading, where "#" must be escaped.
	heading bool
	// link is set inside a link's text, where an address must not become a second link.
	link bool
}

// blocks writes the children of n, separated by blank lines, or by single line breaks
// for the items of a tight list.
func (w *mdSerializer) blocks(n ast.Node, tight bool) string {
	var prev ast.Node
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s := w.block(c)
		if s == "" {
			continue
		}
		if prev != nil {
			if tight && !isFence(prev) && !isFence(c) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(s)
		prev = c
	}
	return b.String()
}

func isFence(n ast.Node) bool {
	return n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock
}

func (w *mdSerializer) block(n ast.Node) string {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock:
		return w.paragraph(w.inlines(n))
	case ast.KindHeading:
		h := n.(*ast.Heading)
		w.heading = true
		text := strings.TrimSpace(w.inlines(n))
		w.heading = false
		if text == "" {
			return ""
		}
		return strings.Repeat("#", h.Level) + " " + strings.ReplaceAll(text, "\\\n", " ")
	case ast.KindThematicBreak:
		return "---"
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		return w.code(n)
	case ast.KindBlockquote:
		inner := w.blocks(n, false)
		if inner == "" {
			return ""
		}
		lines := strings.Split(inner, "\n")
		for i, l := range lines {
			if l == "" {
				lines[i] = ">"
			} else {
				lines[i] = "> " + l
			}
		}
		return strings.Join(lines, "\n")
	case ast.KindList:
		return w.list(n.(*ast.List))
	case ast.KindHTMLBlock:
		return w.paragraph(w.htmlBlockText(n.(*ast.HTMLBlock), "\\\n"))
	case east.KindTable:
		return w.table(n)
	}
	return w.paragraph(w.inlines(n))
}

// paragraph escapes the beginning of every line of a paragraph (each after a hard break)
// that Markdown would otherwise read as the start of a block.
func (w *mdSerializer) paragraph(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

func (w *mdSerializer) code(n ast.Node) string {
	info := "text"
	if f, ok := n.(*ast.FencedCodeBlock); ok && f.Info != nil {
		if lang := f.Language(w.source); len(lang) > 0 && safeInfo.Match(lang) {
			info = string(lang)
		}
	}
	return fenced(info, strings.TrimRight(sourceText(n, w.source), "\n"))
}

// safeInfo is a code block language worth keeping: a plain word such as "yaml" or "c++".
var safeInfo = lazyregexp.New(`^[A-Za-z0-9_+.#-]{1,30}$`)

func (w *mdSerializer) list(l *ast.List) string {
	var items []string
	num := max(l.Start, 1)
	tight := l.IsTight
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		marker := "- "
		if l.IsOrdered() {
			marker = fmt.Sprintf("%d. ", num)
			num++
		}
		body := w.blocks(c, tight)
		indent := strings.Repeat(" ", len(marker))
		lines := strings.Split(body, "\n")
		for i := range lines {
			switch {
			case i == 0:
				lines[i] = marker + lines[i]
			case lines[i] != "":
				lines[i] = indent + lines[i]
			}
		}
		items = append(items, strings.TrimRight(strings.Join(lines, "\n"), " "))
	}
	sep := "\n"
	if !tight {
		sep = "\n\n"
	}
	return strings.Join(items, sep)
}

// alignDelims are the delimiter cells of aligned columns.
var alignDelims = map[east.Alignment]string{east.AlignLeft: ":---", east.AlignRight: "---:", east.AlignCenter: ":---:"}

func (w *mdSerializer) table(n ast.Node) string {
	var header, delims []string
	var rows [][]string
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var row []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, w.cellInlines(c))
			if tc, ok := c.(*east.TableCell); ok && r.Kind() == east.KindTableHeader {
				delims = append(delims, alignDelims[tc.Alignment])
			}
		}
		if r.Kind() == east.KindTableHeader {
			header = row
		} else {
			rows = append(rows, row)
		}
	}
	return Table(header, delims, rows)
}

// Table writes a GFM table whose cells are already escaped for one (Cell); delims are
// the delimiter row's cells, one per column ("---" where it is "").
func Table(header, delims []string, rows [][]string) string {
	var b strings.Builder
	line := func(cells []string, blank string) {
		b.WriteString("|")
		for i := range delims {
			switch {
			case i < len(cells) && cells[i] != "":
				b.WriteString(" " + cells[i] + " |")
			case blank != "":
				b.WriteString(" " + blank + " |")
			default:
				// One space, as markdownlint's compact table style (MD060) wants.
				b.WriteString(" |")
			}
		}
		b.WriteString("\n")
	}
	line(header, "")
	line(delims, "---")
	for _, r := range rows {
		line(r, "")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// cellInlines writes a table cell's inlines on one line.
func (w *mdSerializer) cellInlines(n ast.Node) string {
	saved := w.cell
	w.cell = true
	s := w.inlines(n)
	w.cell = saved
	return Cell(s)
}

// cellBlocks writes a whole field on one line for a table cell: blocks and list items
// are separated by <br>, headings and quotes lose their markers, code blocks become code
// spans.
func (w *mdSerializer) cellBlocks(n ast.Node) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := w.cellBlock(c); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "<br>")
}

func (w *mdSerializer) cellBlock(n ast.Node) string {
	switch n.Kind() {
	case ast.KindList:
		l := n.(*ast.List)
		var items []string
		num := max(l.Start, 1)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			marker := "• "
			if l.IsOrdered() {
				marker = fmt.Sprintf("%d. ", num)
				num++
			}
			items = append(items, marker+w.cellBlocks(c))
		}
		return strings.Join(items, "<br>")
	case ast.KindCodeBlock, ast.KindFencedCodeBlock:
		var parts []string
		for _, l := range strings.Split(sourceText(n, w.source), "\n") {
			if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) != "" {
				parts = append(parts, CodeSpan(l))
			}
		}
		return strings.Join(parts, "<br>")
	case ast.KindBlockquote, ast.KindListItem:
		return w.cellBlocks(n)
	case ast.KindThematicBreak:
		return ""
	case ast.KindHTMLBlock:
		return w.htmlBlockText(n.(*ast.HTMLBlock), "<br>")
	case east.KindTable:
		var rows []string
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var cells []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, w.inlines(c))
			}
			rows = append(rows, strings.Join(cells, "; "))
		}
		return strings.Join(rows, "<br>")
	}
	return strings.TrimSpace(w.inlines(n))
}

// htmlBlockText is a raw HTML block as escaped text, its lines joined by sep.
func (w *mdSerializer) htmlBlockText(n *ast.HTMLBlock, sep string) string {
	var out []string
	for _, l := range splitLines(sourceText(n, w.source)) {
		out = append(out, Text(l))
	}
	return strings.Join(out, sep)
}

// inlines writes the inline content of n.
func (w *mdSerializer) inlines(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		appendInline(&b, w.inline(c))
	}
	return b.String()
}

func (w *mdSerializer) text(s string) string {
	extra := ""
	if w.heading {
		extra = "#"
	}
	if w.link {
		return escapeChars(flattenSpace.Replace(s), extra)
	}
	return textEscaping(s, extra)
}

func (w *mdSerializer) inline(n ast.Node) string {
	switch n.Kind() {
	case ast.KindText:
		t := n.(*ast.Text)
		raw := string(t.Segment.Value(w.source))
		s := raw
		if !t.IsRaw() {
			s = unescapeMarkdown(raw)
		}
		out := w.text(s)
		switch {
		case t.HardLineBreak() && w.cell:
			out += "<br>"
		case t.HardLineBreak():
			out = strings.TrimRight(out, " ") + "\\\n"
		case t.SoftLineBreak():
			out += " "
		}
		return out
	case ast.KindString:
		return w.text(string(n.(*ast.String).Value))
	case ast.KindCodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(w.source))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		return CodeSpan(b.String())
	case ast.KindEmphasis:
		inner := w.inlines(n)
		if strings.TrimSpace(inner) == "" {
			return inner
		}
		mark := strings.Repeat("*", n.(*ast.Emphasis).Level)
		lead := inner[:len(inner)-len(strings.TrimLeft(inner, " "))]
		trail := inner[len(strings.TrimRight(inner, " ")):]
		return lead + mark + strings.TrimSpace(inner) + mark + trail
	case east.KindStrikethrough:
		inner := w.inlines(n)
		if strings.TrimSpace(inner) == "" {
			return inner
		}
		return "~~" + strings.TrimSpace(inner) + "~~"
	case ast.KindLink:
		l := n.(*ast.Link)
		saved := w.link
		w.link = true
		// The transformer has given every link visible text (links.go).
		text := strings.TrimSpace(strings.ReplaceAll(w.inlines(n), "\\\n", " "))
		w.link = saved
		return "[" + text + "](<" + linkDestination(string(l.Destination)) + ">)"
	case ast.KindAutoLink:
		a := n.(*ast.AutoLink)
		label := string(a.Label(w.source))
		if a.AutoLinkType == ast.AutoLinkURL && a.Protocol != nil {
			return "[" + escapeChars(label, "") + "](<" + linkDestination(string(a.URL(w.source))) + ">)"
		}
		if strings.ContainsAny(label, "<> \t\n") {
			return w.text(label)
		}
		return "<" + label + ">"
	case ast.KindRawHTML:
		return w.text(sourceText(n, w.source))
	case east.KindTaskCheckBox:
		checked := n.(*east.TaskCheckBox).IsChecked
		switch {
		case w.cell && checked:
			return "☑ "
		case w.cell:
			return "☐ "
		case checked:
			return "[x] "
		}
		return "[ ] "
	}
	return w.inlines(n)
}

// CodeSpan writes s as a code span, with a fence longer than any run of backticks in it.
func CodeSpan(s string) string {
	s = flattenSpace.Replace(s)
	if strings.TrimSpace(s) == "" {
		return ""
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

var destinationEscapes = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "%0A", "\r", "%0D", `\`, "%5C", " ", "%20")

// linkDestination makes a URL safe inside <…>: no angle brackets, line breaks or
// backslashes, which would end or change it.
func linkDestination(u string) string {
	return destinationEscapes.Replace(u)
}

// entityRef matches a CommonMark character reference.
var entityRef = lazyregexp.New(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// unescapeMarkdown turns the source of a text node into the text it stands for, as
// goldmark's HTML renderer does: a backslash before punctuation escapes it, and a
// character reference stands for its character.
func unescapeMarkdown(s string) string {
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
		case c == '&':
			if m := entityRef.FindString(s[i:]); m != "" {
				if u := html.UnescapeString(m); u != m {
					b.WriteString(u)
					i += len(m) - 1
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
