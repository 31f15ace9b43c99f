package plan

import "testing"

func TestResolvePhases(t *testing.T) {
	src := `schema_version: 1
title: t
timeline:
  start: 2027-03-01
  phases:
    - {id: a, kind: planning, weeks: 3}
    - {id: b, kind: launch, days: 2}
    - {id: c, kind: engagement, end: 2027-04-30}
    - {id: d, kind: ongoing}
    - {id: e, kind: close, weeks: 2}
    - {id: f, kind: close, start: 2027-06-01, days: 10}
    - {id: g, kind: close, start: 2027-07-01}
    - {id: h, kind: close, days: 3}
`
	p, err := Parse("t.plan.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		start, end string
		days       int
		undated    bool
	}{
		{"2027-03-01", "2027-03-21", 21, false},
		{"2027-03-22", "2027-03-23", 2, false},
		{"2027-03-24", "2027-04-30", 38, false},
		{"2027-05-01", "", 0, false},
		{"", "", 0, true},
		{"2027-06-01", "2027-06-10", 10, false},
		{"2027-07-01", "", 0, true},
		{"", "", 0, true},
	}
	resolved := p.ResolvePhases()
	if len(resolved) != len(want) {
		t.Fatalf("resolved %d phases, want %d", len(resolved), len(want))
	}
	for i, r := range resolved {
		w := want[i]
		if r.Start.String() != w.start || r.End.String() != w.end || r.Days() != w.days || r.Undated != w.undated {
			t.Errorf("phase %s: %s..%s %dd undated=%v (%s), want %+v", r.Phase.ID, r.Start, r.End, r.Days(), r.Undated, r.Reason, w)
		}
	}
}
