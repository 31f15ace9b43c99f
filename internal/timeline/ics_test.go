package timeline

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/planascode/plan/internal/plan"
)

func icsOf(t *testing.T, s *Schedule) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteICS(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// unfold joins folded lines back into content lines (RFC 5545 §3.1).
func unfold(ics string) []string {
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n"), "\r\n")
}

func property(lines []string, name string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, name+":") || strings.HasPrefix(l, name+";") {
			out = append(out, l)
		}
	}
	return out
}

func TestICSFoldingAndLineEndings(t *testing.T) {
	// The names are long and mix one-, two-, three- and four-byte characters, so that
	// some fold falls inside a multi-byte sequence if the writer counts carelessly.
	long := strings.Repeat("é—市🙂a", 40)
	s := &Schedule{
		Title: "Folding: " + long,
		Today: plan.MustDate("2027-03-15"),
		Phases: []Phase{{
			Key: "phase-p", ID: "p", Kind: "engagement", Name: long,
			Start: plan.MustDate("2027-03-01"), End: plan.MustDate("2027-03-28"), Days: 28, Status: StatusOK,
		}},
	}
	ics := icsOf(t, s)
	if !strings.HasSuffix(ics, "\r\n") {
		t.Error("the calendar must end with CRLF")
	}
	if n := strings.Count(ics, "\n"); n != strings.Count(ics, "\r\n") {
		t.Errorf("%d line feeds are not preceded by a carriage return", n-strings.Count(ics, "\r\n"))
	}
	folded := 0
	for i, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets, over 75: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, line)
		}
		if strings.HasPrefix(line, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Fatal("nothing was folded: the test names are not long enough")
	}
	// Removing each CRLF and the one space after it must give back the exact text: a fold
	// that added or lost a character would show here.
	if got := property(unfold(ics), "SUMMARY"); len(got) != 1 || got[0] != "SUMMARY:"+long {
		t.Errorf("unfolded SUMMARY = %q, want the whole name back", got)
	}
}

func TestICSFoldBoundary(t *testing.T) {
	for _, tc := range []struct {
		n     int
		folds int
	}{{75, 0}, {76, 1}, {75 + 74, 1}, {75 + 74 + 1, 2}} {
		var c icsWriter
		c.line(strings.Repeat("x", tc.n))
		if got := strings.Count(c.b.String(), "\r\n "); got != tc.folds {
			t.Errorf("a %d-octet line folds %d times, want %d", tc.n, got, tc.folds)
		}
	}
}

func TestICSText(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:              `plain`,
		`a\b`:                `a\\b`,
		`a;b,c`:              `a\;b\,c`,
		"line one\nline two": `line one\nline two`,
		"crlf\r\nbreak":      `crlf\nbreak`,
		"bell\a and tab\t":   "bell and tab\t",
		`"quotes" stay: yes`: `"quotes" stay: yes`,
	} {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestICSEvents(t *testing.T) {
	s := build(t, goldenPlan{"ongoing", "testdata/plans/ongoing.plan.yaml", "2027-05-20"})
	lines := unfold(icsOf(t, s))
	for _, want := range []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + prodID, "CALSCALE:GREGORIAN",
		"DTSTAMP:20270520T000000Z",
		// planning runs 2027-04-05 to 2027-05-02 inclusive: DTEND is the day after.
		"DTSTART;VALUE=DATE:20270405", "DTEND;VALUE=DATE:20270503",
		// The open-ended panel is one day, its first.
		"SUMMARY:Standing community panel begins (open-ended)", "DTSTART;VALUE=DATE:20270503", "DTEND;VALUE=DATE:20270504",
		"UID:phase-planning@neighbourhood-plan-with-a-standing-panel.plan",
		"UID:activity-panel-first@neighbourhood-plan-with-a-standing-panel.plan",
	} {
		if len(property(lines, strings.SplitN(strings.SplitN(want, ":", 2)[0], ";", 2)[0])) == 0 || !contains(lines, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if got, want := len(property(lines, "BEGIN")), 1+len(s.Phases)+len(s.Milestones); got != want {
		t.Errorf("%d components, want the calendar, one event per phase and one per milestone (%d)", got, want)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

var uidLine = regexp.MustCompile(`(?m)^UID:(.*)$`)

// TestICSUIDsStable checks that the UIDs depend on the plan and the ids only: moving the
// dates or the day of export must update the same events, not add new ones.
func TestICSUIDsStable(t *testing.T) {
	gp := goldenPlan{"council", "../../examples/council-consultation.plan.yaml", "2027-03-15"}
	before := build(t, gp)
	moved := build(t, gp)
	moved.Today = plan.MustDate("2027-04-01")
	for i := range moved.Phases {
		moved.Phases[i].Start = moved.Phases[i].Start.AddDays(7)
		if !moved.Phases[i].End.IsZero() {
			moved.Phases[i].End = moved.Phases[i].End.AddDays(7)
		}
	}
	for i := range moved.Milestones {
		moved.Milestones[i].Date = moved.Milestones[i].Date.AddDays(3)
	}
	a := uidLine.FindAllStringSubmatch(strings.Join(unfold(icsOf(t, before)), "\n"), -1)
	b := uidLine.FindAllStringSubmatch(strings.Join(unfold(icsOf(t, moved)), "\n"), -1)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d and %d UIDs", len(a), len(b))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i][1] != b[i][1] {
			t.Errorf("UID %d changed with the dates: %s → %s", i, a[i][1], b[i][1])
		}
		if seen[a[i][1]] {
			t.Errorf("UID %s is used twice", a[i][1])
		}
		seen[a[i][1]] = true
	}
	// The example has an objective and a decision both called route-priorities.
	for _, want := range []string{
		"objective-route-priorities@draft-walking-and-cycling-strategy-2027-2037.plan",
		"decision-route-priorities@draft-walking-and-cycling-strategy-2027-2037.plan",
	} {
		if !seen[want] {
			t.Errorf("no UID %s", want)
		}
	}
}

// TestICSUIDsDifferBetweenPlans: plans whose titles the slug cannot spell (no ASCII
// letters, or only a year) still get UIDs of their own, so a calendar that imports both
// keeps both; a title the slug spells keeps its plain UIDs.
func TestICSUIDsDifferBetweenPlans(t *testing.T) {
	for _, pair := range [][2]string{
		{"社区规划咨询", "交通规划咨询"},
		{"Консультация", "Обсуждение"},
		{"社区规划 2027", "交通规划 2027"},
		{"Ελληνικά", "Κυπριακά"},
	} {
		var uids [2]string
		for i, title := range pair {
			p := &plan.Plan{
				File:  "plan.plan.yaml",
				Title: title,
				Timeline: &plan.Timeline{Start: plan.MustDate("2027-03-01"), Phases: []plan.Phase{
					{ID: "planning", Kind: "planning", Weeks: 4},
				}},
			}
			s, err := Build(p, Options{Today: plan.MustDate("2027-03-01")})
			if err != nil {
				t.Fatal(err)
			}
			m := uidLine.FindStringSubmatch(strings.Join(unfold(icsOf(t, s)), "\n"))
			if m == nil {
				t.Fatalf("%q: no UID", title)
			}
			uids[i] = m[1]
		}
		if uids[0] == uids[1] {
			t.Errorf("%q and %q share the UID %s", pair[0], pair[1], uids[0])
		}
	}
	for title, want := range map[string]string{
		"Draft walking and cycling strategy, 2027-2037": "draft-walking-and-cycling-strategy-2027-2037",
		"Consultation été 2027":                         "consultation-ete-2027",
	} {
		if got := uidDomain(&Schedule{Title: title}); got != want {
			t.Errorf("the UIDs of %q changed: %s", title, got)
		}
	}
}

func TestKeysUniqueWhenIDsRepeat(t *testing.T) {
	p := &plan.Plan{
		Title: "Repeats",
		Timeline: &plan.Timeline{Start: plan.MustDate("2027-03-01"), Phases: []plan.Phase{
			{ID: "a", Kind: "planning", Weeks: 3}, {ID: "a", Kind: "engagement", Weeks: 4},
		}},
	}
	s, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Phases[0].Key == s.Phases[1].Key {
		t.Errorf("two phases share the key %q", s.Phases[0].Key)
	}
}

// TestLastDate: RFC 5545 dates have four digits of year, and so do Mermaid's here, so
// nothing may be written past 9999-12-31: an event ending then gives its duration, and
// the tail of an open-ended phase stops there.
func TestLastDate(t *testing.T) {
	p, err := plan.Parse("edge.plan.yaml", []byte(`schema_version: 1
title: Edge of time
timeline:
  phases:
    - {id: planning, kind: planning, start: 9999-11-01, end: 9999-12-19}
    - {id: engagement, kind: engagement, end: 9999-12-31}
    - {id: panel, kind: ongoing, start: 9999-12-20}
`), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(p, Options{Today: plan.MustDate("9999-12-25")})
	if err != nil {
		t.Fatal(err)
	}
	ics := icsOf(t, s)
	lines := unfold(ics)
	for _, want := range []string{"DTSTART;VALUE=DATE:99991220", "DURATION:P12D", "DTEND;VALUE=DATE:99991220"} {
		if !contains(lines, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	var mermaid bytes.Buffer
	if err := WriteMermaid(&mermaid, s); err != nil {
		t.Fatal(err)
	}
	for what, out := range map[string]string{"calendar": ics, "mermaid": mermaid.String()} {
		if strings.Contains(out, "10000") {
			t.Errorf("the %s names a year past 9999:\n%s", what, out)
		}
	}
}
