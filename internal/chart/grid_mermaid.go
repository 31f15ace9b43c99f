package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// GridMermaid writes the power/interest grid as a Mermaid quadrantChart, which GitHub
// draws from a ```mermaid fence. Mermaid has no cells, only points in [0, 1]², so each
// rating is the middle of its third of an axis and stakeholders sharing a cell are spread
// over a small grid inside it, so that their points do not sit on top of one another.
// cells are as for Grid.
func GridMermaid(cells [9][]string) string {
	var b strings.Builder
	b.WriteString("quadrantChart\n")
	b.WriteString("    title Power/interest grid\n")
	b.WriteString("    x-axis Low impact --> High impact\n")
	b.WriteString("    y-axis Low influence --> High influence\n")
	b.WriteString("    quadrant-1 Manage closely\n")
	b.WriteString("    quadrant-2 Keep satisfied\n")
	b.WriteString("    quadrant-3 Monitor\n")
	b.WriteString("    quadrant-4 Keep informed\n")
	for k, names := range cells {
		row, col := k/3, k%3 // row 0 is high influence
		n := len(names)
		if n == 0 {
			continue
		}
		cols := int(math.Ceil(math.Sqrt(float64(n))))
		rows := (n + cols - 1) / cols
		for i, name := range names {
			r, cc := i/cols, i%cols
			// Points are spread over the middle 80% of the cell's third of each axis.
			x := (float64(col) + 0.1 + 0.8*(float64(cc)+0.5)/float64(cols)) / 3
			y := (float64(2-row) + 0.1 + 0.8*(float64(rows-1-r)+0.5)/float64(rows)) / 3
			fmt.Fprintf(&b, "    \"%s\": [%s, %s]\n", mermaidPointName(name), coord(x), coord(y))
		}
	}
	return b.String()
}

// coord writes a position the way Mermaid's quadrant lexer accepts one: 0.dd, never 1.
func coord(v float64) string {
	v = math.Min(math.Max(v, 0.01), 0.99)
	return fmt.Sprintf("%.3f", v)
}

// mermaidPointName makes a name safe inside a quadrant point's double quotes: Mermaid's
// lexer ends the string at the next quote, its renderer reads "#name;" as an entity and
// "%%" as a comment, and angle brackets go to its HTML sanitiser; none of them belongs
// in a label.
func mermaidPointName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r == '#' || r == '<' || r == '>':
			return -1
		case r < ' ' || r == 0x7f:
			return ' '
		}
		return r
	}, s)
	for strings.Contains(s, "%%") {
		s = strings.ReplaceAll(s, "%%", "%")
	}
	if s = wording.OneLine(s); s == "" {
		return "?"
	}
	return s
}
