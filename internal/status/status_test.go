package status

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

// basePlan has two phases in March and April 2027, a group with a part, and one of each
// thing that falls due.
const basePlan = `schema_version: 1
title: Test
stakeholders:
  - {id: residents, name: Residents, participation: consult}
  - {id: older, name: Older residents, participation: involve, part_of: residents}
  - {id: traders, name: Traders, participation: involve}
  - {id: board, name: Board}
objectives:
  - {id: o1, statement: Hear people, time_related: 2027-03-20}
activities:
  - {id: a1, name: Drop-in, audience: [residents], date: 2027-03-05}
  - {id: a2, name: Walk, audience: [older], date: 2027-03-15}
  - {id: a3, name: Traders, audience: [traders], phase: close}
  - {id: a4, name: Series, audience: [traders], date: 2027-03-10, until: 2027-04-10, cadence: weekly}
decisions:
  - {id: d1, question: "Which route?", report_back: 2027-03-18}
timeline:
  start: 2027-03-01
  phases:
    - {id: engagement, kind: engagement, weeks: 3}
    - {id: close, kind: close, weeks: 2}
evaluation:
  measures:
    - {id: m1, metric: Responses, target: 100, objective: o1}
    - {id: m2, metric: Complaints, target: at most 5, objective: o1}
    - {id: m3, metric: Wards, target: Every ward, objective: o1}
grievance:
  summary: Phone.
  resolve_days: 7
`

func parsePlan(t *testing.T, src string) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("t.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func parseRecords(t *testing.T, srcs ...string) *record.Set {
	t.Helper()
	set := &record.Set{}
	for i, src := range srcs {
		r, err := record.Parse(fmt.Sprintf("r%d.record.yaml", i), []byte("schema_version: 1\n"+src), plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		set.Records = append(set.Records, r)
	}
	return set
}

func build(t *testing.T, today string, records ...string) *State {
	t.Helper()
	p := parsePlan(t, basePlan)
	set := parseRecords(t, records...)
	s := Build(p, set, nil, Options{Today: plan.MustDate(today)})
	s.FindOverdue(config.Default(), p, set)
	return s
}

func TestPhases(t *testing.T) {
	for _, tc := range []struct {
		today          string
		current        []string
		day, left      int
		next, previous string
	}{
		{today: "2027-02-27", next: "engagement"},
		{today: "2027-03-01", current: []string{"engagement"}, day: 1, left: 20, next: "close"},
		{today: "2027-03-21", current: []string{"engagement"}, day: 21, left: 0, next: "close"},
		{today: "2027-03-22", current: []string{"close"}, day: 1, left: 13, previous: "engagement"},
		{today: "2027-04-04", current: []string{"close"}, day: 14, left: 0, previous: "engagement"},
		{today: "2027-05-01", previous: "close"},
	} {
		t.Run(tc.today, func(t *testing.T) {
			ps := build(t, tc.today).Phases
			var ids []string
			for _, p := range ps.Current {
				ids = append(ids, p.ID)
			}
			if !slices.Equal(ids, tc.current) {
				t.Fatalf("current %v, want %v", ids, tc.current)
			}
			if len(ids) > 0 && (ps.Current[0].Day != tc.day || ps.Current[0].DaysLeft != tc.left) {
				t.Errorf("day %d, %d left; want %d, %d left", ps.Current[0].Day, ps.Current[0].DaysLeft, tc.day, tc.left)
			}
			if got := idOf(ps.Next); got != tc.next {
				t.Errorf("next %q, want %q", got, tc.next)
			}
			if got := idOf(ps.Previous); got != tc.previous {
				t.Errorf("previous %q, want %q", got, tc.previous)
			}
		})
	}
}

func idOf(p *Phase) string {
	if p == nil {
		return ""
	}
	return p.ID
}

func TestOpenEndedAndUndatedPhases(t *testing.T) {
	p := parsePlan(t, `schema_version: 1
title: T
timeline:
  start: 2027-03-01
  phases:
    - {id: ongoing, kind: ongoing}
    - {id: after, kind: close, weeks: 1}
`)
	ps := Build(p, nil, nil, Options{Today: plan.MustDate("2027-06-01")}).Phases
	if len(ps.Current) != 1 || !ps.Current[0].OpenEnded || ps.Current[0].Day != 93 || ps.Undated != 1 {
		t.Errorf("got %+v", ps)
	}
}

func TestDue(t *testing.T) {
	for _, tc := range []struct {
		name    string
		today   string
		records []string
		want    []string
	}{
		// Everything from today to 14 days on, in date order: the activities dated in it, a
		// series on the day it begins, the report-back, the objective.
		{"window", "2027-03-05", nil, []string{"2027-03-05 activity a1", "2027-03-10 activity a4", "2027-03-15 activity a2", "2027-03-18 report_back d1", "2027-03-19 objective o1"}},
		// Today and the last day of the window are in it.
		{"edges", "2027-03-06", nil, []string{"2027-03-10 activity a4", "2027-03-15 activity a2", "2027-03-18 report_back d1", "2027-03-20 objective o1"}},
		// An activity held and a report-back given are no longer due; an open commitment is.
		{"done", "2027-03-06", []string{
			"date: 2027-03-05\nactivity: a2\nreport_backs: [{decision: d1}]\nissues: [{text: x, commitment: {text: Fix it, owner: eng, due: 2027-03-12}}]",
		}, []string{"2027-03-10 activity a4", "2027-03-12 commitment ", "2027-03-20 objective o1"}},
		// A commitment closed by today is not due; one closed later still is.
		{"closed later", "2027-03-06", []string{
			"date: 2027-03-05\nissues: [{text: x, commitment: {text: A, due: 2027-03-12, closed: 2027-03-06}}, {text: y, commitment: {text: B, due: 2027-03-13, closed: 2027-03-30}}]",
		}, []string{"2027-03-10 activity a4", "2027-03-13 commitment ", "2027-03-15 activity a2", "2027-03-18 report_back d1", "2027-03-20 objective o1"}},
		// An activity dated only by its phase falls due as the phase begins.
		{"by phase", "2027-03-10", nil, []string{"2027-03-10 activity a4", "2027-03-15 activity a2", "2027-03-18 report_back d1", "2027-03-20 objective o1", "2027-03-22 activity a3"}},
		// A record dated after today has not happened yet.
		{"later record", "2027-03-06", []string{"date: 2027-03-16\nactivity: a2"}, []string{"2027-03-10 activity a4", "2027-03-15 activity a2", "2027-03-18 report_back d1", "2027-03-20 objective o1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := build(t, tc.today, tc.records...)
			if tc.name == "window" {
				// The objective's 2027-03-20 is 15 days after 2027-03-05.
				tc.want = tc.want[:4]
			}
			var got []string
			for _, d := range s.Due {
				got = append(got, d.Date+" "+d.Kind+" "+d.ID)
				if (d.ID == "a3") != (d.Phase == "close") || d.Series != (d.ID == "a4") {
					t.Errorf("%s: phase %q, series %v", d.ID, d.Phase, d.Series)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("due\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestDueByTheEndOfAQuarter: a report-back promised "in 2027-Q2" is due by 2027-06-30,
// not today for the whole quarter, and counts its days to then.
func TestDueByTheEndOfAQuarter(t *testing.T) {
	src := strings.Replace(basePlan, "report_back: 2027-03-18", "report_back: 2027-Q2", 1)
	src = strings.Replace(src, "time_related: 2027-03-20", "time_related: 2027-06", 1)
	p := parsePlan(t, src)
	for _, tc := range []struct {
		today string
		want  []string
	}{
		{"2027-04-02", nil},
		{"2027-06-20", []string{"2027-06-30 by report_back d1 in 10", "2027-06-30 by objective o1 in 10"}},
		{"2027-06-30", []string{"2027-06-30 by report_back d1 in 0", "2027-06-30 by objective o1 in 0"}},
	} {
		s := Build(p, &record.Set{}, nil, Options{Today: plan.MustDate(tc.today)})
		var got []string
		for _, d := range s.Due {
			if d.Kind == DueReportBack || d.Kind == DueObjective {
				if !d.By {
					t.Errorf("%s: %s %s not marked by", tc.today, d.Kind, d.ID)
				}
				got = append(got, fmt.Sprintf("%s by %s %s in %d", d.Date, d.Kind, d.ID, d.In))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("as of %s: due\n got %q\nwant %q", tc.today, got, tc.want)
		}
		if tc.want != nil {
			var b strings.Builder
			if err := WriteText(&b, s, TextOptions{Width: 100}); err != nil || !strings.Contains(b.String(), "by 2027-06-30") {
				t.Errorf("as of %s: the text does not say \"by 2027-06-30\" (%v):\n%s", tc.today, err, b.String())
			}
			var md strings.Builder
			if err := WriteMarkdown(&md, s); err != nil || !strings.Contains(md.String(), "by 2027-06-30") {
				t.Errorf("as of %s: the Markdown does not say \"by 2027-06-30\" (%v):\n%s", tc.today, err, md.String())
			}
		}
	}
}

// TestPlainText: without colour the text still says which grievances are late, and no
// line ends in spaces (a row whose last cells are empty writes no padding).
func TestPlainText(t *testing.T) {
	s := build(t, "2027-03-20", "date: 2027-03-02\ngrievances:\n  - {id: g1, received: 2027-03-02, resolved: 2027-03-04, category: noise}\n  - {id: g3, received: 2027-03-05, category: access}\n  - {id: g4, received: 2027-03-18}\n")
	var b strings.Builder
	if err := WriteText(&b, s, TextOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	if !strings.Contains(text, "g3  open 15 days, overdue") || strings.Contains(text, "open 2 days, overdue") {
		t.Errorf("the late grievance is not marked overdue in words, or the other is:\n%s", text)
	}
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces: %q", i+1, line)
		}
	}
}

// TestNotBegun: before the first phase the plan has not begun; it is not "between phases".
func TestNotBegun(t *testing.T) {
	for today, want := range map[string]string{"2027-02-20": "\n  not begun\n", "2027-05-20": "\n  every dated phase is over\n"} {
		var b strings.Builder
		if err := WriteText(&b, build(t, today), TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || strings.Contains(b.String(), "between phases") {
			t.Errorf("as of %s, want %q:\n%s", today, want, b.String())
		}
	}
}

func TestCoverage(t *testing.T) {
	s := build(t, "2027-03-25",
		"date: 2027-03-05\nactivity: a1\nengaged: [{stakeholder: older, people: 12}]",
		"date: 2027-03-24\nengaged: [{stakeholder: traders, people: 3}]",
		"date: 2027-03-26\nengaged: [{stakeholder: traders}]",
		"date: 2027-03-30\nengaged: [{stakeholder: board, people: 5}]",
	)
	c := s.Coverage
	// Engaging older residents is engaging residents; the board's record is later.
	if c.Engaged != 3 || c.Stakeholders != 4 {
		t.Errorf("engaged %d of %d, want 3 of 4", c.Engaged, c.Stakeholders)
	}
	want := []Level{{"consult", 1, 1}, {"involve", 2, 2}, {"", 1, 0}}
	if !slices.Equal(c.Levels, want) {
		t.Errorf("levels %+v, want %+v", c.Levels, want)
	}
	if len(c.NotReached) != 1 || c.NotReached[0].ID != "board" || c.NotReached[0].Next != nil {
		t.Errorf("not reached %+v", c.NotReached)
	}
	cells := map[string][]string{}
	for _, g := range c.Groups {
		cells[g.ID] = g.Phases
	}
	// residents: engaged in engagement through older; traders: a4 (dated in engagement) was
	// meant for them, engaged only on 03-24 in close, where a3 is still to come.
	for id, want := range map[string][]string{
		"residents": {CellEngaged, CellNone},
		"older":     {CellEngaged, CellNone},
		"traders":   {CellMissed, CellEngaged},
		"board":     {CellNone, CellNone},
	} {
		if !slices.Equal(cells[id], want) {
			t.Errorf("%s: %v, want %v", id, cells[id], want)
		}
	}
	if g := c.Groups[2]; g.Records != 1 || g.People != 3 {
		t.Errorf("traders counted in %d records, %d people; want 1 record (the other is later), 3 people", g.Records, g.People)
	}
	if !slices.Equal(c.Phases, []string{"engagement", "close"}) {
		t.Errorf("phases %v", c.Phases)
	}
}

// TestNobodyCame: a group listed with people: 0 was invited and nobody came; it is not
// engaged, in the count, the levels or the phase it was meant for.
func TestNobodyCame(t *testing.T) {
	s := build(t, "2027-03-25", "date: 2027-03-05\nactivity: a1\nengaged: [{stakeholder: residents, people: 0}, {stakeholder: traders, people: 0}]")
	c := s.Coverage
	if c.Engaged != 0 {
		t.Errorf("engaged %d, want 0: nobody came", c.Engaged)
	}
	if g := c.Groups[0]; g.Engaged || g.Records != 0 || g.Phases[0] != CellMissed {
		t.Errorf("residents: %+v, want not engaged, in no record, missed in the engagement phase", g)
	}
}

func TestNextActivity(t *testing.T) {
	s := build(t, "2027-03-16", "date: 2027-03-01")
	next := map[string]string{}
	for _, n := range s.Coverage.NotReached {
		if n.Next != nil {
			next[n.ID] = n.Next.Date + " " + n.Next.ID
		}
	}
	// traders: the weekly series a4 is running today; older: its walk was yesterday and
	// nothing else is meant for it; residents likewise.
	if next["traders"] != "2027-03-16 a4" || next["older"] != "" || next["residents"] != "" {
		t.Errorf("next %v", next)
	}
	s = build(t, "2027-04-04", "date: 2027-03-01")
	for _, n := range s.Coverage.NotReached {
		if n.ID == "traders" && (n.Next == nil || n.Next.ID != "a3" || n.Next.Phase != "close" || n.Next.Date != "2027-04-04") {
			t.Errorf("traders' next on the last day of close: %+v", n.Next)
		}
	}
}

func TestCommitmentsAndGrievances(t *testing.T) {
	s := build(t, "2027-03-20", `date: 2027-03-02
issues:
  - {text: a, commitment: {text: Late, owner: eng, due: 2027-03-10}}
  - {text: b, commitment: {text: Kept, due: 2027-03-10, closed: 2027-03-09}}
  - {text: c, commitment: {text: Dropped, closed: 2027-03-09, status: dropped}}
  - {text: d, commitment: {text: Undated}}
  - {text: e, commitment: {text: Soon, due: 2027-03-25}}
grievances:
  - {id: g1, received: 2027-03-02, resolved: 2027-03-04, category: noise}
  - {id: g2, received: 2027-03-03, resolved: 2027-03-15, category: noise}
  - {id: g3, received: 2027-03-05, category: access}
  - {id: g4, received: 2027-03-18, category: noise}
  - {id: g5, received: 2027-03-19, resolved: 2027-03-25, category: noise}
`)
	c := s.Commitments
	if c.Made != 5 || c.Open != 3 || c.Overdue != 1 || c.Done != 1 || c.Dropped != 1 {
		t.Errorf("commitments %+v", c)
	}
	var order []string
	for _, o := range c.OpenItems {
		order = append(order, o.Text)
	}
	if !slices.Equal(order, []string{"Late", "Soon", "Undated"}) || c.OpenItems[0].DaysOverdue != 10 {
		t.Errorf("open items %q, first %d days overdue", order, c.OpenItems[0].DaysOverdue)
	}
	g := s.Grievances
	if g.Received != 5 || g.Open != 3 || g.Resolved != 2 || g.Overdue != 1 || g.ResolvedWithin != 1 {
		t.Errorf("grievances %+v", g)
	}
	// 2 and 12 days: the median is their mean, not the lower of the two.
	if g.MedianDaysToResolve == nil || *g.MedianDaysToResolve != 7 || g.ResolveDays == nil || *g.ResolveDays != 7 {
		t.Errorf("median %v, allowed %v", g.MedianDaysToResolve, g.ResolveDays)
	}
	if g.OpenItems[0].ID != "g3" || !g.OpenItems[0].Overdue || g.OpenItems[0].DaysOpen != 15 {
		t.Errorf("longest open first: %+v", g.OpenItems[0])
	}
	if len(g.Categories) != 2 || g.Categories[1] != (Category{"access", 1, 1, nil}) {
		t.Fatalf("categories %+v", g.Categories)
	}
	if noise := g.Categories[0]; noise.Category != "noise" || noise.Received != 4 || noise.Open != 2 || noise.MedianDaysToResolve == nil || *noise.MedianDaysToResolve != 7 {
		t.Errorf("noise: %+v, want 4 received, 2 open, resolved in a median 7 days", noise)
	}
	for _, tc := range []struct {
		days []int
		want string
	}{{[]int{4}, "4 days"}, {[]int{1}, "1 day"}, {[]int{9, 2}, "5.5 days"}, {[]int{3, 1, 8}, "3 days"}, {[]int{1, 2, 3, 10}, "2.5 days"}} {
		if got := Days(*median(tc.days)); got != tc.want {
			t.Errorf("median of %v: %s, want %s", tc.days, got, tc.want)
		}
	}
	// The overdue list is plan check's: the late commitment and the grievance, not the
	// commitment due on the 25th.
	var rules []string
	for _, o := range s.Overdue {
		rules = append(rules, o.Rule)
		if strings.HasPrefix(o.Message, "as of") {
			t.Errorf("the day is given once, at the top: %q", o.Message)
		}
	}
	if !slices.Contains(rules, "commitment-overdue") || !slices.Contains(rules, "grievance-overdue") || slices.Contains(rules, "record-unknown-reference") {
		t.Errorf("overdue rules %v", rules)
	}
}

func TestMeasures(t *testing.T) {
	for _, tc := range []struct {
		name, today string
		records     []string
		want        []string
	}{
		{"no records: nothing is missed", "2027-04-01", nil, []string{MeasurePending, MeasurePending, MeasureUnjudged}},
		{"before the date", "2027-03-10", []string{"date: 2027-03-09\nmeasures: [{measure: m1, value: 40}, {measure: m2, value: 2}, {measure: m3, value: 3}]"},
			[]string{MeasureShort, MeasureMet, MeasureUnjudged}},
		{"after the date", "2027-03-25", []string{"date: 2027-03-09\nmeasures: [{measure: m1, value: 40}]"},
			[]string{MeasureMissed, MeasureMissed, MeasureUnjudged}},
		{"the last value counts", "2027-03-25", []string{"date: 2027-03-09\nmeasures: [{measure: m1, value: 40}, {measure: m2, value: 9}]", "date: 2027-03-19\nmeasures: [{measure: m1, value: 140}, {measure: m2, value: 5}]"},
			[]string{MeasureMet, MeasureMet, MeasureUnjudged}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := build(t, tc.today, tc.records...)
			var got []string
			for _, m := range s.Measures {
				got = append(got, m.State)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("states %v, want %v", got, tc.want)
			}
		})
	}
	s := build(t, "2027-03-10", "date: 2027-03-09\nmeasures: [{measure: m1, value: 40}, {measure: m2, value: 2}]")
	if m := s.Measures[0]; m.Percent == nil || *m.Percent != 40 || MeasureValue(m) != "40 (40%)" {
		t.Errorf("m1 %+v", m)
	}
	if m := s.Measures[1]; m.Percent != nil || !m.Ceiling || MeasureValue(m) != "2" {
		t.Errorf("a ceiling has no percentage: %+v", m)
	}
}

func TestNoRecordsText(t *testing.T) {
	var b strings.Builder
	s := build(t, "2027-03-05")
	if err := WriteText(&b, s, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No records yet") || strings.Contains(b.String(), "Overdue") || strings.Contains(b.String(), "\x1b[") {
		t.Errorf("text without records:\n%s", b.String())
	}
}

func TestShortenAndWrap(t *testing.T) {
	if got := shorten("Walk on Country along the creek", 15); got != "Walk on Countr…" {
		t.Errorf("shorten: %q", got)
	}
	if got := shorten("short", 15); got != "short" {
		t.Errorf("shorten: %q", got)
	}
	got := wrap("one two three four five six seven eight nine ten eleven twelve", 20)
	for _, l := range got {
		if len(l) > 20 {
			t.Errorf("line %q longer than 20", l)
		}
	}
	if strings.Join(got, " ") != "one two three four five six seven eight nine ten eleven twelve" {
		t.Errorf("wrap lost words: %q", got)
	}
}

func TestColourOnlyWhenAsked(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	s := build(t, "2027-03-25", "date: 2027-03-05\nactivity: a1\nengaged: [{stakeholder: older, people: 12}]")
	var coloured, plain strings.Builder
	if err := WriteText(&coloured, s, TextOptions{Renderer: r}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&plain, s, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(coloured.String(), "\x1b[") || strings.Contains(plain.String(), "\x1b[") {
		t.Error("colour with an ANSI renderer, none without")
	}
	if ansi.ReplaceAllString(coloured.String(), "") != plain.String() {
		t.Errorf("colour changed the words:\n%s\n---\n%s", coloured.String(), plain.String())
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestResolveWithinTiers(t *testing.T) {
	p := parsePlan(t, strings.Replace(basePlan, "  resolve_days: 7\n", "  tiers:\n    - {name: Site, resolve_days: 5}\n    - {name: Board, resolve_days: 30}\n    - {name: Ombudsman}\n", 1))
	g := Build(p, parseRecords(t, "date: 2027-03-01\ngrievances: [{received: 2027-03-01}]"), nil, Options{Today: plan.MustDate("2027-03-20")}).Grievances
	if g.ResolveDays == nil || *g.ResolveDays != 30 || g.Overdue != 0 {
		t.Errorf("a grievance may go through every tier: allowed %v, overdue %d", g.ResolveDays, g.Overdue)
	}
}

func TestPartnersAreNotCounted(t *testing.T) {
	p := parsePlan(t, strings.Replace(basePlan, "  - {id: board, name: Board}\n", "  - {id: board, name: Board, partner: true}\n", 1))
	c := Build(p, parseRecords(t, "date: 2027-03-05\nengaged: [{stakeholder: traders}]"), nil, Options{Today: plan.MustDate("2027-03-10")}).Coverage
	if c.Stakeholders != 3 || c.Engaged != 1 || len(c.Groups) != 4 || !c.Groups[3].Partner {
		t.Errorf("coverage %+v", c)
	}
	for _, n := range c.NotReached {
		if n.ID == "board" {
			t.Error("a partner is never not reached")
		}
	}
}
