package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// prodID names the program that made the calendar (RFC 5545 §3.7.3).
const prodID = "-//planascode//plan timeline//EN"

// maxLineOctets is the longest a content line may be before it is folded, CRLF not
// counted (RFC 5545 §3.1).
const maxLineOctets = 75

// WriteICS writes the schedule as an RFC 5545 calendar: one all-day event per dated phase
// and one per milestone. Each event's UID is derived from the plan and the item's id, not
// from its dates, so importing the file again after the plan changes moves the events
// instead of adding copies. An open-ended phase, which has no last day, is one event on
// the day it starts. DTSTAMP is today at midnight UTC, so that the same plan and --today
// give the same bytes.
func WriteICS(w io.Writer, s *Schedule) error {
	var c icsWriter
	domain := uidDomain(s) + ".plan"
	stamp := s.Today.Time().Format("20060102") + "T000000Z"
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:" + prodID)
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	c.line("X-WR-CALNAME:" + icsText(s.Title))
	for _, p := range s.Phases {
		if p.Start.IsZero() {
			continue
		}
		summary, end := p.Name, p.End
		if p.Open() {
			summary, end = p.Name+" begins (open-ended)", p.Start
		}
		c.event(p.Key+"@"+domain, stamp, p.Start, end, summary, phaseDescription(p), "phase")
	}
	for _, m := range s.Milestones {
		c.event(m.Key+"@"+domain, stamp, m.Date, m.Date, m.Name, milestoneDescription(m), "milestone")
	}
	c.line("END:VCALENDAR")
	_, err := io.WriteString(w, c.b.String())
	return err
}

// uidDomain is the part of every UID that names the plan: the slug of its title, and
// when the title has letters the slug cannot spell, a short hash of the whole title as
// well. A title in a script the slug does not transliterate has little or no slug
// (every such plan was "plan", or its file's name, or "2027"), so two plans would share
// UIDs, and a calendar importing both would keep one plan's events and drop the other's.
// Every other title keeps the UIDs it always had, even when an accent is dropped or the
// slug is cut: changing them would make every calendar that imported the plan before
// hold each of its events twice.
func uidDomain(s *Schedule) string {
	slug := s.Slug()
	if spelt(s.Title) {
		return slug
	}
	sum := sha256.Sum256([]byte(s.Title))
	return slug + "-" + hex.EncodeToString(sum[:4])
}

// spelt reports whether the slug spells every letter and digit of s: each is ASCII, or
// one the slug writes in ASCII (é as e).
func spelt(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) && len(wording.ASCIIWords(string(r))) == 0 {
			return false
		}
	}
	return true
}

// phaseDescription says what the calendar cannot show by itself: the phase's kind and
// length against its minimum, and what happens in it.
func phaseDescription(p Phase) string {
	var lines []string
	switch p.Status {
	case StatusOpen:
		lines = append(lines, wording.Capitalise(p.Kind)+" phase, with no end date.")
	case StatusTooShort:
		lines = append(lines, fmt.Sprintf("%s phase, %s: too short, below the recommended minimum of %s.", wording.Capitalise(p.Kind), wording.DaysInWords(p.Days), wording.DaysInWords(p.Minimum)))
	case StatusBelowIdeal:
		line := fmt.Sprintf("%s phase, %s: ", wording.Capitalise(p.Kind), wording.DaysInWords(p.Days))
		if p.Minimum > 0 {
			line += fmt.Sprintf("meets the recommended minimum of %s, ", wording.DaysInWords(p.Minimum))
		}
		lines = append(lines, line+fmt.Sprintf("below the ideal of %s.", wording.DaysInWords(p.Ideal)))
	default:
		line := fmt.Sprintf("%s phase, %s", wording.Capitalise(p.Kind), wording.DaysInWords(p.Days))
		if p.Minimum > 0 {
			line += fmt.Sprintf(" (recommended minimum %s)", wording.DaysInWords(p.Minimum))
		}
		lines = append(lines, line+".")
	}
	if len(p.Activities) > 0 {
		lines = append(lines, "", "Activities:")
		for _, a := range p.Activities {
			lines = append(lines, "- "+wording.OneLine(a))
		}
	}
	return strings.Join(lines, "\n")
}

func milestoneDescription(m Milestone) string {
	switch m.Kind {
	case MilestoneDecision:
		return "Stakeholders are told the decision and how their input was used."
	case MilestoneObjective:
		return "The date by which the objective is to be met."
	}
	return ""
}

type icsWriter struct {
	b strings.Builder
}

// event writes an all-day VEVENT from first to last, both inclusive; DTEND is the day
// after last because RFC 5545 makes it exclusive. An event that ends on the last day a
// date can name has no day after it to write, so it gives its DURATION instead.
func (c *icsWriter) event(uid, stamp string, first, last plan.Date, summary, description, category string) {
	c.line("BEGIN:VEVENT")
	c.line("UID:" + uid)
	c.line("DTSTAMP:" + stamp)
	c.line("DTSTART;VALUE=DATE:" + icsDate(first))
	if last.Before(plan.LastDate) {
		c.line("DTEND;VALUE=DATE:" + icsDate(last.AddDays(1)))
	} else {
		c.line(fmt.Sprintf("DURATION:P%dD", first.DaysUntil(last)+1))
	}
	c.line("SUMMARY:" + icsText(summary))
	if description != "" {
		c.line("DESCRIPTION:" + icsText(description))
	}
	c.line("CATEGORIES:" + icsText(category))
	// An all-day event spanning weeks must not mark the whole time as busy.
	c.line("TRANSP:TRANSPARENT")
	c.line("END:VEVENT")
}

func icsDate(d plan.Date) string { return d.Time().Format("20060102") }

// line writes a content line folded at 75 octets: each continuation starts with one
// space, which counts towards its 75, and a fold never splits a UTF-8 sequence.
func (c *icsWriter) line(s string) {
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.b.WriteString(s[:cut])
		c.b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1
	}
	c.b.WriteString(s)
	c.b.WriteString("\r\n")
}

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line
// breaks; other control characters are not allowed in TEXT and are dropped.
func icsText(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
