package timeline

import (
	"fmt"
	"strings"
	"testing"

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
