package timeline

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/planascode/plan/internal/plan"
)

// TestTodayLineInItsPhase: at every width, on every day of the plan, the today line is
// drawn in the bar of the phase the header names, even where one column holds the last
// days of one phase and the first of the next, or a phase is followed by a gap.
func TestTodayLineInItsPhase(t *testing.T) {
	p, err := plan.Parse("today.plan.yaml", []byte(`schema_version: 1
title: Today
timeline:
  start: 2027-01-01
  phases:
    - {id: planning, kind: planning, weeks: 4}
    - {id: launch, kind: launch, days: 3}
    - {id: engagement, kind: engagement, start: 2027-02-10, weeks: 40}
    - {id: close, kind: close, weeks: 2}
`), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, err := Build(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	from, to := first.Extent()
	checked := 0
	for today := from; !today.After(to); today = today.AddDays(1) {
		s, err := Build(p, Options{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		on := s.PhasesOn(today)
		if len(on) == 0 {
			continue
		}
		for width := MinWidth; width <= 160; width++ {
			// Read the chart as drawn: the column of the today marker, and what the row of
			// the phase the header names has in that column.
			marker := -1
			var row []rune
			for _, l := range newChart(s, TextOptions{Width: width}).lines() {
				r := []rune(l)
				if i := strings.IndexRune(l, '▼'); i >= 0 && marker < 0 {
					marker = len([]rune(l[:i]))
				}
				if strings.HasPrefix(l, on[0].Name+" ") && len(r) > 0 && row == nil {
					row = r
				}
			}
			if marker < 0 || row == nil {
				t.Fatalf("width %d, today %s: no marker or no row for %s", width, today, on[0].Name)
			}
			if marker >= len(row) || row[marker] != glyphBar {
				t.Fatalf("width %d, today %s in %s: the marker's column %d is not in its bar:\n%s", width, today, on[0].ID, marker, string(row))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no day was checked")
	}
}

// TestAxisWithoutAMonthStart: a chart in which no month begins still says when it is.
func TestAxisWithoutAMonthStart(t *testing.T) {
	for _, tc := range []struct {
		start string
		days  int
		want  string
	}{
		{"2027-03-05", 3, "Mar 2027"},
		{"9999-12-25", 3, "Dec 9999"},
		// January begins in the last column, too late for its label to fit.
		{"2026-12-10", 23, "Dec 2026"},
	} {
		p, err := plan.Parse("m.plan.yaml", []byte(fmt.Sprintf("schema_version: 1\ntitle: M\ntimeline:\n  phases:\n    - {id: a, kind: launch, start: %s, days: %d}\n", tc.start, tc.days)), plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := Build(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(newChart(s, TextOptions{Width: 60}).axis()); got != tc.want {
			t.Errorf("axis of a chart from %s: %q, want %q", tc.start, got, tc.want)
		}
	}
}

// TestAxisOverYears: a chart of more than about a year labels fewer months, aligned to the
// calendar, and says the year at its first label and at every January; over decades or
// millennia it labels years alone. Leaving out whichever month touched its neighbour made
// "Jan May Aug Dec Mar …" with no year, and stray numbers over 0001–9999.
func TestAxisOverYears(t *testing.T) {
	for _, tc := range []struct {
		start, end string
		width      int
		want       string
	}{
		{"2024-07-14", "2026-04-14", 80, "Sep 2024     2025  Mar    May   Jul    Sep    Nov   2026   Mar"},
		{"2024-01-01", "2028-12-31", 80, "Jan 2024     2025   Jul    2026   Jul    2027   Jul    2028   Jul"},
		{"2024-07-14", "2026-04-14", 160, "Aug 2024      Oct    Nov    Dec    2025    Feb   Mar    Apr    May    Jun    Jul     Aug    Sep    Oct    Nov    Dec    2026    Feb   Mar    Apr"},
		{"2020-01-01", "2040-12-31", 40, "2020  2025   2030   2035"},
		{"1900-06-01", "2100-01-01", 80, "1920   1940   1960   1980   2000   2020   2040   2060   2080"},
		{"0001-01-01", "9999-12-31", 80, "1000   2000   3000   4000   5000   6000   7000   8000   9000"},
		{"0001-01-01", "9999-12-31", 40, "1000  3000  5000  7000"},
	} {
		p, err := plan.Parse("m.plan.yaml", []byte(fmt.Sprintf("schema_version: 1\ntitle: M\ntimeline:\n  phases:\n    - {id: a, kind: launch, start: %s, end: %s}\n", tc.start, tc.end)), plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := Build(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(newChart(s, TextOptions{Width: tc.width}).axis()); got != tc.want {
			t.Errorf("axis of %s → %s at width %d:\n got %q\nwant %q", tc.start, tc.end, tc.width, got, tc.want)
		}
	}
}

// TestTextDropsBidiControls: a right-to-left override in plan text would reverse the rest
// of a row on the terminal, bars and dates with it; the chart never prints one.
func TestTextDropsBidiControls(t *testing.T) {
	src := "schema_version: 1\ntitle: \"Plan \\u202Eevil\\u2066\"\ntimeline:\n  phases:\n" +
		"    - {id: a, kind: launch, name: \"Launch \\u202Eday\", start: 2027-03-01, days: 3}\n" +
		"    - {id: b, kind: engagement, name: \"x\\u2028y\"}\n" +
		"activities:\n  - {id: m, name: \"Meet \\u202Bing\", date: 2027-03-02}\n"
	p, err := plan.Parse("b.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Build(p, Options{Today: plan.MustDate("2027-03-02")})
	var b strings.Builder
	if err := WriteText(&b, s, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	for _, r := range b.String() {
		if unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' {
			t.Fatalf("the chart holds %U:\n%s", r, b.String())
		}
	}
	if !strings.Contains(b.String(), "Launch day") || !strings.Contains(b.String(), "Meet ing") {
		t.Errorf("the names should read without their controls:\n%s", b.String())
	}
}
