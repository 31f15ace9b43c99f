package timeline

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/wording"
)

// maxMermaidLabel keeps milestone labels (often a whole question) from running off the
// right of the rendered chart, where Mermaid draws them beside the diamond.
const maxMermaidLabel = 60

// WriteMermaid writes the schedule as a Mermaid gantt diagram: the text that goes inside a
// ```mermaid fence, which GitHub renders. Phases below their minimum are tagged crit (and
// say so in their label); milestones are milestone tasks. End dates are inclusive, as in
// the plan. An open-ended phase is drawn to the end of the chart.
func WriteMermaid(w io.Writer, s *Schedule) error {
	var b strings.Builder
	b.WriteString("gantt\n")
	if title := mermaidTitle(s.Title); title != "" {
		fmt.Fprintf(&b, "    title %s\n", title)
	}
	b.WriteString("    dateFormat YYYY-MM-DD\n")
	b.WriteString("    axisFormat %d %b\n")
	b.WriteString("    inclusiveEndDates\n")
	_, chartEnd := s.Extent()
	b.WriteString("    section Phases\n")
	for _, p := range s.Phases {
		if p.Start.IsZero() {
			continue
		}
		label, tags, end := p.Name, "", p.End
		switch p.Status {
		case StatusTooShort:
			label += fmt.Sprintf(" (too short, %s of a %s minimum)", wording.WeeksAndDays(p.Days), wording.WeeksAndDays(p.Minimum))
			tags = "crit, "
		case StatusOpen:
			label += " (open-ended)"
			end = chartEnd
		}
		fmt.Fprintf(&b, "    %s :%s%s, %s, %s\n", cmp.Or(mermaidText(label), p.Key), tags, p.Key, p.Start, end)
	}
	if len(s.Milestones) > 0 {
		b.WriteString("    section Milestones\n")
		for _, m := range s.Milestones {
			label := mermaidText(shorten(m.Name, maxMermaidLabel))
			fmt.Fprintf(&b, "    %s :milestone, %s, %s, 0d\n", cmp.Or(label, m.Key), m.Key, m.Date)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// unsafeStart matches the beginnings of a task's text that Mermaid's gantt lexer reads
// as something else: its keywords, alone or followed by more (it tries them before task
// text, case-insensitively),
// a date, a quote, and a comment ("%", or any character then "%").
var unsafeStart = lazyregexp.New(`(?i)^(?:(?:call|click|href|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|section)(?:\s|$)|(?:gantt|inclusiveenddates|topaxis)\b|accdescr|"|\d{4}-\d\d-\d\d\b|%|.%)`)

// mermaidText makes plan text safe as a gantt task's text, title or label. A colon ends
// the text and starts the task's data, so ": " becomes " – " and any other colon the
// look-alike "∶"; "#" goes, because Mermaid's renderer reads "#name;" as an entity; a
// beginning the lexer would mistake for a keyword is put in typographic quotes, and a
// leading "%" becomes the full-width "％".
func mermaidText(s string) string {
	s = wording.OneLine(strings.Map(func(r rune) rune {
		switch {
		case r == '#':
			return -1
		case r == '\uFEFF' || r < ' ' || r == 0x7f:
			// JavaScript's \s matches U+FEFF, which Go's strings.Fields keeps.
			return ' '
		}
		return r
	}, s))
	s = strings.ReplaceAll(s, ": ", " – ")
	s = strings.ReplaceAll(s, ":", "∶")
	for strings.Contains(s, "%%") {
		s = strings.ReplaceAll(s, "%%", "%")
	}
	s = wording.OneLine(s)
	if strings.HasPrefix(s, "%") {
		// Quotes would not help: "“%" is a character then "%", a comment too. The
		// full-width sign reads the same and is no comment.
		s = "％" + s[1:]
	}
	if unsafeStart.MatchString(s) {
		s = "“" + s + "”"
	}
	return s
}

// mermaidTitle makes plan text safe as the diagram's title, which runs to the end of its
// line, colons and all; "#" (an entity to the renderer) and line breaks must go, and so
// must "%%": Mermaid looks for "%%{init: …}%%" directives anywhere in the text, not only
// at the start of a line, and one would reconfigure the diagram.
func mermaidTitle(s string) string {
	s = wording.OneLine(strings.ReplaceAll(clean(s), "#", ""))
	for strings.Contains(s, "%%") {
		s = strings.ReplaceAll(s, "%%", "%")
	}
	return s
}

// shorten cuts s to at most n characters, ending it with "…" when it had to cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + ellipsis
}
