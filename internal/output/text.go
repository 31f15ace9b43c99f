package output

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/yamltree"
)

// Text is the format for people: one compiler-style line per finding, which editors and
// grep understand, then a summary line. For a person it also shows the source line under
// each finding with a caret at the column, as actionlint does; snippets are left out of
// piped output so that it stays one line per finding.
type Text struct {
	Options
	styles styles
}

// NewText returns the text format presenting as o says.
func NewText(o Options) Text {
	r := o.Renderer
	if r == nil {
		// A renderer without colour, so every style renders plain text.
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
	}
	return Text{Options: o, styles: newStyles(r)}
}

// Format writes the findings and the summary line.
func (t Text) Format(w io.Writer, r Report) error {
	var b bytes.Buffer
	// Findings come sorted by file, so each file's lines are indexed once.
	var lines *yamltree.Lines
	linesOf := ""
	for i, f := range r.Findings {
		if !t.Color && !t.Snippets {
			// Plain output is exactly Finding.String so that there is one definition of
			// the line that editors jump to.
			b.WriteString(f.String())
			b.WriteByte('\n')
			continue
		}
		fmt.Fprintf(&b, "%s: %s: %s %s\n",
			t.styles.path.Render(fmt.Sprintf("%s:%d:%d", diag.Displayable(f.File), f.Line, f.Col)),
			t.styles.severity(f.Severity).Render(f.Severity.String()),
			diag.Displayable(f.Message),
			t.styles.rule.Render("["+f.Rule+"]"))
		// Findings on one line share one snippet, written after the last of them: the
		// same source line printed three times over buries the messages it illustrates.
		if i+1 < len(r.Findings) && sameLine(r.Findings[i+1], f) {
			continue
		}
		if lines == nil || linesOf != f.File {
			lines, linesOf = nil, f.File
			if src := r.Sources[f.File]; src != nil {
				lines = yamltree.NewLines(src)
			}
		}
		first := i
		for first > 0 && sameLine(r.Findings[first-1], f) {
			first--
		}
		t.writeSnippet(&b, r.Findings[first:i+1], lines)
	}
	sum := summaryLine(r)
	if t.Color {
		sum = t.styles.summary.Render(sum)
	}
	b.WriteString(sum)
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// sameLine reports whether two findings are about the same line of the same file.
func sameLine(a, b diag.Finding) bool {
	return a.File == b.File && a.Line == b.Line
}

// writeSnippet writes the source line of findings, all on one line, and a caret line under
// it with a caret at each finding's column, in the colour of the most severe finding there:
//
//	4 |   owner: ""
//	  |   ^      ^
//
// It writes nothing when the source or the line is not available, because a missing
// snippet is better than a wrong one.
func (t Text) writeSnippet(b *bytes.Buffer, findings []diag.Finding, lines *yamltree.Lines) {
	f := findings[0]
	num := strconv.Itoa(f.Line)
	const indent = "  "
	avail := 0
	if t.Width > 0 {
		avail = t.Width - len(indent) - len(num) - len(" | ")
	}
	cols := make([]int, len(findings))
	for i, g := range findings {
		cols[i] = g.Col
	}
	text, pads, ok := sourceCarets(lines, f.Line, cols, avail)
	if !ok {
		return
	}
	b.WriteString(indent + t.styles.gutter.Render(num+" |"))
	if text != "" {
		b.WriteString(" " + text)
	}
	b.WriteByte('\n')
	b.WriteString(indent + t.styles.gutter.Render(strings.Repeat(" ", len(num))+" |") + " ")
	// Findings come sorted by column within a line, so the pads only grow; a column cut
	// from a long line has a pad of -1 and no caret.
	at := 0
	for i, pad := range pads {
		if pad < at {
			continue
		}
		worst := findings[i].Severity
		for j := i + 1; j < len(pads) && pads[j] == pad; j++ {
			worst = max(worst, findings[j].Severity)
		}
		b.WriteString(strings.Repeat(" ", pad-at) + t.styles.severity(worst).Render("^"))
		at = pad + 1
	}
	b.WriteByte('\n')
}

// tabWidth is the tab stop snippets expand tabs to. Tabs are expanded rather than printed
// because the gutter shifts the line and a raw tab would then land elsewhere than the
// caret line assumes.
const tabWidth = 4

// minSnippetWidth is the narrowest width worth cutting a snippet to; below it the line is
// left whole for the terminal to wrap.
const minSnippetWidth = 20

// cell is one rune of a snippet as it is displayed, with its width in terminal columns.
type cell struct {
	s string
	w int
}

// sourceCarets returns line (1-based) of src as it should be displayed and, for each
// column of cols, how many columns of padding put a caret under it. Columns count runes,
// as yaml.v3's do. Control and bidirectional-override characters are shown as U+FFFD so
// that a plan file cannot move the cursor or reorder what the terminal shows. When
// avail > 0 and the line is wider, it is cut to avail columns around the first column,
// marked with "…", and a column that the cut leaves out has a pad of -1.
func sourceCarets(lines *yamltree.Lines, line int, cols []int, avail int) (text string, pads []int, ok bool) {
	col := cols[0]
	// Lines as yaml.v3 counts them (CR, NEL, LS and PS too), and line 1 without a
	// byte-order mark, which is no column of it.
	if lines == nil || line < 1 || line > lines.Len() {
		return "", nil, false
	}
	s := strings.ToValidUTF8(lines.Text(line), "\uFFFD")

	var cells []cell
	x := 0
	for _, r := range s {
		var c cell
		switch {
		case r == '\t':
			n := tabWidth - x%tabWidth
			c = cell{strings.Repeat(" ", n), n}
		case diag.Undisplayable(r):
			c = cell{"\uFFFD", 1}
		case r < utf8.RuneSelf:
			// Printable ASCII is one column; asking lipgloss, which segments graphemes,
			// made snippets the slowest part of coloured output.
			c = cell{string(r), 1}
		default:
			c = cell{string(r), lipgloss.Width(string(r))}
		}
		cells = append(cells, c)
		x += c.w
	}
	total := x

	k := min(max(col, 1)-1, len(cells)) // the cell under the caret; len(cells) is past the end
	lo, hi := 0, len(cells)
	left, right := false, false
	if avail >= minSnippetWidth && total > avail {
		if width(cells[:k])+1 > avail-1 {
			// The caret would not fit before the right-hand "…": drop cells on the left
			// until it sits about half-way.
			left = true
			for lo < k && 1+width(cells[lo:k]) > avail/2 {
				lo++
			}
			// Near the end of the line that would leave the right half empty: show as
			// much of the line's end as fits instead.
			for lo > 0 && 1+width(cells[lo-1:]) <= avail {
				lo--
			}
		}
		used := 0
		if left {
			used = 1
		}
		if used+width(cells[lo:]) > avail {
			right = true
			hi = lo
			for hi < len(cells) && used+cells[hi].w <= avail-1 {
				used += cells[hi].w
				hi++
			}
		}
	}

	var b strings.Builder
	lead := 0
	if left {
		b.WriteString("…")
		lead = 1
	}
	for _, c := range cells[lo:hi] {
		b.WriteString(c.s)
	}
	if right {
		b.WriteString("…")
	}
	pads = make([]int, len(cols))
	for i, c := range cols {
		k := min(max(c, 1)-1, len(cells))
		// A caret past the end of the line is shown only when the line's end is.
		if k < lo || k > hi || (k == hi && right) {
			pads[i] = -1
			continue
		}
		pads[i] = lead + width(cells[lo:k])
	}
	return b.String(), pads, true
}

func width(cells []cell) int {
	n := 0
	for _, c := range cells {
		n += c.w
	}
	return n
}
