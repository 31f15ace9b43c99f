package edit

import (
	"bytes"
	"fmt"
	"strings"
)

// UnifiedDiff returns a unified diff that turns old into new, under the headers
// "--- a/name" and "+++ b/name", or "" when they are equal. An edit here changes one
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
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
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
