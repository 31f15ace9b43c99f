package edit

import (
	"bytes"
	"fmt"
	"strings"
)

// UnifiedDiff returns a unified diff that turns old into new, under the headers
// "--- a/name" and "+++ b/name" written as git writes them (fileHeader), or "" when they
// are equal. An edit here changes one
// region, so the diff is a single hunk: the lines between the common head and the common
// tail, with context lines around them. That is correct for any pair of files (patch and
// git apply accept it), and minimal for one insertion or replacement.
func UnifiedDiff(name string, old, new []byte, context int) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	from := max(head-context, 0)
	toA := min(len(a)-tail+context, len(a))
	toB := min(len(b)-tail+context, len(b))

	var out strings.Builder
	out.WriteString(fileHeader("--- ", "a/"+name))
	out.WriteString(fileHeader("+++ ", "b/"+name))
	fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(from, toA-from), hunkRange(from, toB-from))
	for _, l := range a[from:head] {
		writeLine(&out, ' ', l)
	}
	for _, l := range a[head : len(a)-tail] {
		writeLine(&out, '-', l)
	}
	for _, l := range b[head : len(b)-tail] {
		writeLine(&out, '+', l)
	}
	for _, l := range a[len(a)-tail : toA] {
		writeLine(&out, ' ', l)
	}
	return out.String()
}

// fileHeader writes a ---/+++ line as git does, which patch and git apply both read: a
// name holding a double quote, a backslash, a control character or a byte outside ASCII
// is C-quoted ("a/tab\there"), since a tab or a line break would otherwise end it; and a
// line whose name holds a space ends in a tab, which tells where the name ends (patch
// reads anything after a tab as a date). Unlike git, a name ending in a space is quoted
// too: patch drops white space before the tab, and then finds no such file.
func fileHeader(mark, name string) string {
	label := name
	if needsQuote(name) {
		label = cQuote(name)
	}
	if strings.Contains(label, " ") {
		label += "\t"
	}
	return mark + label + "\n"
}

func needsQuote(name string) bool {
	if strings.HasSuffix(name, " ") {
		return true
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return true
		}
	}
	return false
}

// cQuote quotes s as git's quote_c_style does: the C escapes it knows by letter, and
// every other control character and byte outside ASCII in octal.
func cQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c >= 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hunkRange formats a hunk's start and length; an empty range names the line before it,
// as diff does.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeLine(out *strings.Builder, mark byte, line string) {
	out.WriteByte(mark)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits after each "\n", keeping it (and any "\r" before it) in the line.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}
