package timeline

import (
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
			c := newChart(s, TextOptions{Width: width})
			at := c.todayCol()
			if lo, hi := c.bar(on[0]); at < lo || at > hi {
				t.Fatalf("width %d, today %s in %s: today line at column %d, bar at %d-%d", width, today, on[0].ID, at, lo, hi)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no day was checked")
	}
}
