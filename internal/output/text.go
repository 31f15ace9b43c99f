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
	// Color turns on coloured severities.
	Color bool
	// Snippets turns on source snippets.
	Snippets bool
	// Width is the terminal width that snippets are cut to fit; 0 leaves them whole.
	Width  int
	styles styles
}

// NewText returns the text format presenting as o says.
func NewText(o Options) Text {
	t := Text{Color: o.Color, Snippets: o.Snippets, Width: o.Width}
	if o.Renderer == nil {
		// A renderer without colour, so every style renders plain text.
		o.Renderer = lipgloss.NewRenderer(io.Discard)
		o.Renderer.SetColorProfile(termenv.Ascii)
	}
	t.styles = newStyles(o.Renderer)
	return t
}

// Format writes the findings and the summary line.
func (t Text) Format(w io.Writer, r Report) error {
	var b bytes.Buffer
	// Findings come sorted by file, so each file's lines are indexed once.
	var lines *yamltree.Lines
	linesOf := ""
	for _, f := range r.Findings {
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
		if lines == nil || linesOf != f.File {
			lines, linesOf = nil, f.File
			if src := r.Sources[f.File]; src != nil {
				lines = yamltree.NewLines(src)
			}
		}
		t.writeSnippet(&b, f, lines)
	}
	sum := summaryLine(diag.Summarize(r.Findings), r.Files)
	if t.Color {
		sum = t.styles.summary.Render(sum)
	}
	b.WriteString(sum)
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// writeSnippet writes the finding's source line and a caret line under it:
//
//	4 |   owner: ""
//	  |          ^
//
// It writes nothing when the source or the line is not available, because a missing
// snippet is better than a wrong one.
func (t Text) writeSnippet(b *bytes.Buffer, f diag.Finding, lines *yamltree.Lines) {
	num := strconv.Itoa(f.Line)
	const indent = "  "
	avail := 0
	if t.Width > 0 {
		avail = t.Width - len(indent) - len(num) - len(" | ")
	}
	text, pad, ok := sourceLine(lines, f.Line, f.Col, avail)
	if !ok {
		return
	}
	b.WriteString(indent + t.styles.gutter.Render(num+" |"))
	if text != "" {
		b.WriteString(" " + text)
	}
	b.WriteByte('\n')
	b.WriteString(indent + t.styles.gutter.Render(strings.Repeat(" ", len(num))+" |"))
	b.WriteString(" " + strings.Repeat(" ", pad) + t.styles.severity(f.Severity).Render("^"))
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

// sourceLine returns line (1-based) of src as it should be displayed and how many columns
// of padding put a caret under column col. Columns count runes, as yaml.v3's do. Control
// and bidirectional-override characters are shown as U+FFFD so that a plan file cannot
// move the cursor or reorder what the terminal shows. When avail > 0 and the line is
// wider, it is cut to avail columns around the caret, marked with "…".
func sourceLine(lines *yamltree.Lines, line, col, avail int) (text string, pad int, ok bool) {
	// Lines as yaml.v3 counts them (CR, NEL, LS and PS too), and line 1 without a
	// byte-order mark, which is no column of it.
	if lines == nil || line < 1 || line > lines.Len() {
		return "", 0, false
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
	if left {
		b.WriteString("…")
		pad = 1
	}
	for _, c := range cells[lo:hi] {
		b.WriteString(c.s)
	}
	if right {
		b.WriteString("…")
	}
	return b.String(), pad + width(cells[lo:k]), true
}

func width(cells []cell) int {
	n := 0
	for _, c := range cells {
		n += c.w
	}
	return n
}
