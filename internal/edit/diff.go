package edit

import (
	"bytes"
	"fmt"
	"strings"
)

// UnifiedDiff returns a unified diff that turns old into new, under the headers
// "--- a/name" and "+++ b/name" written as git writes them (fileHeader), or "" when they
// are equal. It reads as `diff -u` output does: a hunk for each group of changed lines,
// with context lines around it, and two groups whose context lines would touch or
// overlap share one hunk. The changed lines are as few as can be (lineChanges), so a
// removal with its references shows each place it changed, not one hunk over all of
// them.
func UnifiedDiff(name string, old, new []byte, context int) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := editScript(a, b)

	var out strings.Builder
	out.WriteString(fileHeader("--- ", "a/"+name))
	out.WriteString(fileHeader("+++ ", "b/"+name))
	for _, h := range hunks(ops, context) {
		// A hunk's lines of each file run up to those of the op after it.
		first, next := ops[h.from], op{a: len(a), b: len(b)}
		if h.to < len(ops) {
			next = ops[h.to]
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(first.a, next.a-first.a), hunkRange(first.b, next.b-first.b))
		for _, o := range ops[h.from:h.to] {
			writeLine(&out, o.mark, o.line)
		}
	}
	return out.String()
}

// op is one line of the edit script: kept (' '), deleted ('-') or inserted ('+'); a and b
// count the lines of the old and the new file before it.
type op struct {
	mark byte
	line string
	a, b int
}

// editScript lists the lines of a and b in the order a diff shows them: the fewest changes
// (lineChanges), and in each group of changes the deleted lines before the inserted.
func editScript(a, b []string) []op {
	delA, insB := lineChanges(a, b)
	var ops []op
	for i, j := 0, 0; i < len(a) || j < len(b); {
		switch {
		case i < len(a) && delA[i]:
			ops = append(ops, op{'-', a[i], i, j})
			i++
		case j < len(b) && insB[j]:
			ops = append(ops, op{'+', b[j], i, j})
			j++
		default:
			// lineChanges leaves as many lines of a unmarked as of b, in matching order,
			// so neither side can run out here: a[i] is kept as b[j].
			ops = append(ops, op{' ', a[i], i, j})
			i, j = i+1, j+1
		}
	}
	return ops
}

// hunk is the ops[from:to] that one hunk shows.
type hunk struct{ from, to int }

// hunks groups the changed lines into hunks with context lines of context around each
// group, merging groups no more than 2*context unchanged lines apart, as diff does.
func hunks(ops []op, context int) []hunk {
	var out []hunk
	for k, o := range ops {
		if o.mark == ' ' {
			continue
		}
		to := min(k+1+context, len(ops))
		if n := len(out); n > 0 && k <= out[n-1].to+context {
			// The unchanged lines since the last change are shown as the context after it
			// and before this one.
			out[n-1].to = to
		} else {
			out = append(out, hunk{from: max(k-context, 0), to: to})
		}
	}
	return out
}

// lineChanges marks the lines of a that are deleted and those of b that are inserted,
// as few as can be (a shortest edit script, by Myers's algorithm), each group of
// changes moved down as far as it goes when equal lines make its place ambiguous, as
// GNU diff places it. A pair of files that would take more than maxEdits edits beyond
// their common head and tail is diffed as one change of everything between them:
// still correct, and it bounds the time and memory a pathological pair costs.
func lineChanges(a, b []string) (delA, insB []bool) {
	delA, insB = make([]bool, len(a)), make([]bool, len(b))
	head, tail := commonEnds(a, b)
	if !myers(a[head:len(a)-tail], b[head:len(b)-tail], delA[head:len(a)-tail], insB[head:len(b)-tail]) {
		for i := head; i < len(a)-tail; i++ {
			delA[i] = true
		}
		for j := head; j < len(b)-tail; j++ {
			insB[j] = true
		}
	}
	shiftBoundaries(a, delA, insB)
	shiftBoundaries(b, insB, delA)
	return delA, insB
}

// commonEnds counts the lines a and b share at their start and, after those, at their end.
func commonEnds(a, b []string) (head, tail int) {
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	return head, tail
}

// maxEdits bounds the length of the edit script myers looks for. An edit of a plan
// changes a few lines, and a removal or a rename with its references a few per
// reference; its search keeps O(maxEdits²) positions.
const maxEdits = 2000

// myers marks in del and ins a shortest edit script turning a into b, or reports false
// when that takes more than maxEdits edits.
func myers(a, b []string, del, ins []bool) bool {
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	// v[off+k] is the furthest x reached on diagonal k = x-y; trace keeps v's used part
	// before each round d, to walk back.
	off := limit + 1
	v := make([]int, 2*off+1)
	var trace [][]int
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				backtrack(trace, n, m, del, ins)
				return true
			}
		}
	}
	return false
}

// backtrack walks the rounds of myers back from (n, m), marking each edit.
func backtrack(trace [][]int, x, y int, del, ins []bool) {
	for d := len(trace) - 1; d > 0; d-- {
		// trace[d] holds v after round d-1, for k from -d to d.
		v := func(k int) int { return trace[d][k+d] }
		k := x - y
		var prevK int
		if k == -d || k != d && v(k-1) < v(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v(prevK)
		prevY := prevX - prevK
		if prevK == k+1 {
			ins[prevY] = true
		} else {
			del[prevX] = true
		}
		x, y = prevX, prevY
	}
}

// shiftBoundaries moves each run of changed lines of one file (changed, of the lines
// equiv) as GNU diff's shift_boundaries does: back while the line before
// it equals its last, merging with runs before it; then forward while its first line
// equals the line after it, merging with runs after; and back again to the last place
// where it lines up with a run of changes in the other file (other), if there is one.
// Which lines change stays as few; where a group of equal lines is added or removed
// becomes the same as diff's choice.
func shiftBoundaries(equiv []string, changed, other []bool) {
	n := len(changed)
	ch := func(i int) bool { return i >= 0 && i < n && changed[i] }
	oc := func(j int) bool { return j >= 0 && j < len(other) && other[j] }
	i, j := 0, 0
	for {
		for i < n && !changed[i] {
			for oc(j) {
				j++
			}
			j++
			i++
		}
		if i == n {
			return
		}
		start := i
		for i++; ch(i); i++ {
		}
		for oc(j) {
			j++
		}
		var corresponding int
		for {
			runLength := i - start
			for start > 0 && equiv[start-1] == equiv[i-1] {
				start--
				changed[start] = true
				i--
				changed[i] = false
				for ch(start - 1) {
					start--
				}
				for j--; oc(j); j-- {
				}
			}
			corresponding = n
			if oc(j - 1) {
				corresponding = i
			}
			for i != n && equiv[start] == equiv[i] {
				changed[start] = false
				start++
				changed[i] = true
				i++
				for ch(i) {
					i++
				}
				for j++; oc(j); j++ {
					corresponding = i
				}
			}
			if runLength == i-start {
				break
			}
		}
		for corresponding < i {
			start--
			changed[start] = true
			i--
			changed[i] = false
			for j--; oc(j); j-- {
			}
		}
	}
}

// fileHeader writes a ---/+++ line as git does, which patch and git apply both read: a
// name holding a double quote, a backslash, a control character or a byte outside ASCII
// is C-quoted ("a/tab\there"), since a tab or a line break would otherwise end it; and a
// line whose name holds a space ends in a tab, which tells where the name ends (patch
// reads anything after a tab as a date). Unlike git, a name ending in a space is quoted
// too: patch drops white space before the tab, and then finds no such file.
func fileHeader(mark, name string) string {
	label := name
	// cQuote escapes every character that needs it, so a quoted name that differs from
	// the name in quotes is one that had to be quoted.
	if quoted := cQuote(name); quoted != `"`+name+`"` || strings.HasSuffix(name, " ") {
		label = quoted
	}
	if strings.Contains(label, " ") {
		label += "\t"
	}
	return mark + label + "\n"
}

// cEscapes are the C escapes that git's quote_c_style writes by letter.
var cEscapes = map[byte]string{'"': `\"`, '\\': `\\`, '\a': `\a`, '\b': `\b`, '\t': `\t`, '\n': `\n`, '\v': `\v`, '\f': `\f`, '\r': `\r`}

// cQuote quotes s as git's quote_c_style does: the C escapes it knows by letter, and
// every other control character and byte outside ASCII in octal.
func cQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch escape, ok := cEscapes[c]; {
		case ok:
			b.WriteString(escape)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hunkRange formats a hunk's start and length; an empty range names the line before it,
// as diff does; a range of one line is its number alone, also as diff writes it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
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
	for line := range bytes.Lines(b) {
		out = append(out, string(line))
	}
	return out
}
