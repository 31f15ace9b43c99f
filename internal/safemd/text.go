package safemd

import (
	"html/template"
	"strings"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/wording"
)

// Plain text from a plan goes into the Markdown report escaped, so that it reads exactly
// as written whatever it holds: no emphasis, no links, no HTML, no headings or lists made
// by accident, no GitHub math. Web and email addresses become autolinks, which is what
// GitHub would make of them anyway and what markdownlint (MD034) asks for.

// mdSpecial are the characters escaped wherever they appear. "|" is not among them: a
// table cell escapes pipes itself (Cell), and text over several lines (Lines), which
// pipes could turn into a table, escapes them itself.
const mdSpecial = "\\`*_[]<>~$"

// addressRE finds what GitHub's autolink extension would link: http(s) and www addresses
// and email addresses. An address ends at "|", which in a table cell ends the cell before
// any link is read.
var addressRE = lazyregexp.New(`(?i)\b(?:https?://|www\.)[^\s<>|]+|[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`)

// flattenSpace turns line breaks and tabs into spaces, for text that must stay on one line.
var flattenSpace = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// Text escapes plain text for a Markdown paragraph or table cell. Line breaks become
// spaces; callers that keep them split the text first.
func Text(s string) string { return textEscaping(s, "") }

// textEscaping is Text escaping the characters in extra as well, outside addresses.
func textEscaping(s, extra string) string {
	s = flattenSpace.Replace(s)
	if !mayHoldAddress(s) {
		return escapeChars(s, extra)
	}
	var b strings.Builder
	splitAddresses(s,
		func(text string) { b.WriteString(escapeChars(text, extra)) },
		func(addr string) { appendInline(&b, autolink(addr)) })
	return b.String()
}

// splitAddresses splits s at what GitHub's autolink extension would link: plain gets
// each stretch of text before, between and after the addresses, address each address.
func splitAddresses(s string, plain, address func(string)) {
	last := 0
	for _, m := range addressRE.FindAllStringIndex(s, -1) {
		start, end := m[0], trimAddress(s[m[0]:m[1]])+m[0]
		if end <= start || !addressStart(s, start) {
			continue
		}
		plain(s[last:start])
		address(s[start:end])
		last = end
	}
	plain(s[last:])
}

// mayHoldAddress is a quick test that spares most text the address search.
func mayHoldAddress(s string) bool {
	if strings.Contains(s, "@") || strings.Contains(s, "://") {
		return true
	}
	// "www." in any case, without the copy of every sentence strings.ToLower would make.
	for i := 3; i < len(s); i++ {
		if s[i] == '.' && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
	}
	return false
}

// appendInline appends a piece of inline Markdown. A literal "!" right before a link's
// "[" would turn the link into an image, so it is escaped first.
func appendInline(b *strings.Builder, piece string) {
	if strings.HasPrefix(piece, "[") {
		out := b.String()
		if strings.HasSuffix(out, "!") {
			slashes := len(out) - 1 - len(strings.TrimRight(out[:len(out)-1], `\`))
			if slashes%2 == 0 {
				b.Reset()
				b.WriteString(out[:len(out)-1] + `\!`)
			}
		}
	}
	b.WriteString(piece)
}

// addressStart reports whether an address may start at i: GitHub links an address only
// after a space or punctuation, not in the middle of a word.
func addressStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	c := s[i-1]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80)
}

// trimAddress returns the length of addr without the trailing punctuation that ends a
// sentence rather than the address, as GitHub's autolinker decides it.
func trimAddress(addr string) int {
	for len(addr) > 0 {
		c := addr[len(addr)-1]
		switch {
		case strings.IndexByte("?!.,:*_~'\";", c) >= 0:
			addr = addr[:len(addr)-1]
		case c == ')' && strings.Count(addr, "(") < strings.Count(addr, ")"):
			addr = addr[:len(addr)-1]
		default:
			return len(addr)
		}
	}
	return 0
}

// Addresses as they must look to be written as links: a CommonMark autolink takes an
// absolute URL or an email address, and GitHub links "www." only before a domain.
var (
	urlAutolinkRE   = lazyregexp.New(`(?i)^https?://[A-Za-z0-9_-][^\s<>]*$`)
	wwwAutolinkRE   = lazyregexp.New(`(?i)^www\.[A-Za-z0-9_-][^\s<>]*$`)
	emailAutolinkRE = lazyregexp.New(`^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)
)

// autolink writes an address as a Markdown link that shows the address itself; anything
// that is not a well-formed address stays escaped text, so that "<…>" can never be read
// as an HTML tag.
func autolink(addr string) string {
	switch {
	case urlAutolinkRE.MatchString(addr), emailAutolinkRE.MatchString(addr):
		return "<" + addr + ">"
	case wwwAutolinkRE.MatchString(addr):
		return "[" + escapeChars(addr, "") + "](<" + linkDestination("http://"+addr) + ">)"
	}
	return escapeChars(addr, "")
}

// escapeChars backslash-escapes the characters Markdown would act on, and those in extra.
// An ampersand is escaped when a letter or # follows it, since it might otherwise start a
// character reference such as &lt; or &#60;.
func escapeChars(s, extra string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(mdSpecial, c) >= 0 || strings.IndexByte(extra, c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '&' && i+1 < len(s) && (s[i+1] == '#' || isASCIILetter(s[i+1])):
			b.WriteString(`\&`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lineStartRE matches the beginnings of a line that Markdown reads as a block: a heading,
// a list item, a setext underline or thematic break, a block quote.
var lineStartRE = lazyregexp.New(`^(?:[#+=-]|\d{1,9}[.)])`)

// escapeLineStart escapes what would make a line of text a heading, list item, thematic
// break or block quote, and drops the indentation that would make it code.
func escapeLineStart(line string) string {
	line = strings.TrimLeft(line, " \t")
	m := lineStartRE.FindString(line)
	switch {
	case m == "":
		return line
	case len(m) == 1:
		return `\` + line
	}
	// An ordered-list number: escape the dot or parenthesis after it.
	return m[:len(m)-1] + `\` + line[len(m)-1:]
}

// Lines escapes plain text that may hold line breaks, as a paragraph whose lines end
// in hard breaks.
func Lines(s string) string {
	lines := splitLines(s)
	for i, l := range lines {
		// Pipes too: two lines of text, "a | b" then "|--|--|", would make a table.
		lines[i] = escapeLineStart(textEscaping(l, "|"))
	}
	return strings.Join(lines, "\\\n")
}

// splitLines splits text into its non-blank lines, trimmed.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// CellText escapes plain text for a table cell: its lines joined by <br>.
func CellText(s string) string {
	lines := splitLines(s)
	for i, l := range lines {
		lines[i] = Text(l)
	}
	return strings.Join(lines, "<br>")
}

// Cell makes finished cell content safe inside a GFM table row: every pipe is escaped,
// including those in code spans and autolinks, since the table splits its row before any
// inline is read; nothing may break the line.
func Cell(s string) string {
	s = flattenSpace.Replace(s)
	return strings.TrimSpace(strings.ReplaceAll(s, "|", `\|`))
}

// HeadingText escapes text for an ATX heading, where a "#" could also close it.
func HeadingText(s string) string {
	return textEscaping(wording.OneLine(s), "#")
}

// Item escapes plain text for a list item, whose text starts a line of its own: "# x"
// or "1. x" there would make a heading or a list inside the item.
func Item(s string) string { return escapeLineStart(Text(wording.OneLine(s))) }

// TextHTML escapes plain text for HTML; http, https and email addresses become links
// (the same ones the Markdown report links), and line breaks are kept.
func TextHTML(s string) template.HTML {
	lines := splitLines(s)
	for i, l := range lines {
		lines[i] = linkify(l)
	}
	return template.HTML(strings.Join(lines, "<br>"))
}

func linkify(s string) string {
	var b strings.Builder
	splitAddresses(s, func(text string) { b.WriteString(template.HTMLEscapeString(text)) }, func(addr string) {
		href := addr
		switch lower := strings.ToLower(addr); {
		case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		case strings.HasPrefix(lower, "www."):
			href = "http://" + addr
		default:
			href = "mailto:" + addr
		}
		b.WriteString(`<a href="` + template.HTMLEscapeString(href) + `">` + template.HTMLEscapeString(addr) + `</a>`)
	})
	return b.String()
}

// blank reports whether s holds nothing but white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }
