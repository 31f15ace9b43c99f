package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/safemd"
)

// WriteMarkdown writes the diff as GitHub-flavoured Markdown, for a pull-request
// comment: a heading, a list per section, and the findings new and fixed. Text from the
// plan is escaped (safemd), so a stakeholder's name cannot add a link, an image or HTML,
// and kept from pinging (quiet), so it cannot notify a person or link an issue.
func WriteMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Plan changes: %s\n\n", safemd.HeadingText(quiet(d.File)))
	b.WriteString(mdText(comparison(d)) + ".\n")
	if note := versionNote(d); note != "" {
		b.WriteString("\n**" + mdText(note) + "**\n")
	}
	if len(d.Plan) > 0 {
		b.WriteString("\n")
		for _, f := range d.Plan {
			change, phrase := planFieldLine(f)
			line := "- "
			if change != Changed {
				line += "**" + changeWord(change) + "** "
			}
			b.WriteString(line + safemd.Item(quiet(phrase)) + "\n")
		}
	}
	for _, s := range d.Sections {
		if len(s.Items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n#### %s\n\n", s.Title)
		for _, it := range s.Items {
			line := "- **" + changeWord(it.Change) + "** " + safemd.CodeSpan(it.ID)
			if name := strings.Join(strings.Fields(it.Name), " "); name != "" && name != it.ID {
				line += " " + mdText(name)
			}
			if more := details(it); more != "" {
				line += ": " + mdText(more)
			}
			b.WriteString(line + "\n")
		}
	}
	if len(d.Findings.New)+len(d.Findings.Fixed) > 0 {
		b.WriteString("\n#### Findings\n\n")
		for _, f := range d.Findings.New {
			b.WriteString("- **New** " + mdFinding(f) + "\n")
		}
		for _, f := range d.Findings.Fixed {
			b.WriteString("- **Fixed** " + mdFinding(f) + "\n")
		}
	}
	b.WriteString("\n" + mdText(summary(d)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mdFinding(f diag.Finding) string {
	return fmt.Sprintf("%s (line %d): %s %s", f.Severity, f.Line, mdText(f.Message), safemd.CodeSpan(f.Rule))
}

// mdText is plain text from the plan, quietened and escaped for Markdown.
func mdText(s string) string { return safemd.Text(quiet(s)) }

// wordJoiner is U+2060: invisible, it keeps the characters on either side together, and
// a mention or an issue number no longer starts where it stands.
const wordJoiner = "\u2060"

// quiet keeps text from the plan from acting on GitHub when a comment is posted: "@name"
// would notify that person or team, and "#12", "org/repo#12" and "GH-12" would link
// (and cross-reference) an issue. A word joiner after "@" or "#" (and in "GH-")
// leaves the text looking the same. An "@" inside a word, as in an email address, is no
// mention and is left alone, so the address still links.
func quiet(s string) string {
	if !strings.ContainsAny(s, "@#") && !strings.Contains(strings.ToUpper(s), "GH-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		b.WriteByte(c)
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case c == '@' && isAlnum(next) && (i == 0 || !isAlnum(s[i-1]) && !strings.ContainsRune("._+-", rune(s[i-1]))):
			b.WriteString(wordJoiner)
		case c == '#' && isDigit(next):
			b.WriteString(wordJoiner)
		case (c == 'H' || c == 'h') && i > 0 && (s[i-1]|0x20) == 'g' && next == '-' && i+2 < len(s) && isDigit(s[i+2]):
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' }
