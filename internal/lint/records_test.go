package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/rules"
)

// TestExamplesAreCleanOnEveryDay: the examples' records tell the whole engagement, each
// step recorded on or before the day it was due, so plan check passes them whatever the
// day it runs on: before they start (no record yet), every day they run, and long after.
// CI must not go red because the calendar moved.
func TestExamplesAreCleanOnEveryDay(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.plan.yaml")
	days := []plan.Date{plan.MustDate("2026-12-07"), plan.MustDate("2040-01-01")}
	for d := plan.MustDate("2027-01-01"); d.Before(plan.MustDate("2027-09-01")); d = d.AddDays(1) {
		days = append(days, d)
	}
	l := New(nil)
	for _, path := range paths {
		// Loaded once and judged on every day: the rules are what depends on the day.
		p, err := plan.Load(path, path, plan.Options{})
		if err != nil {
			t.Fatal(err)
		}
		dir, _ := record.Dir(p, path)
		set, broken, err := record.Load(dir, "", plan.Options{})
		if err != nil || len(broken) > 0 || set.Len() == 0 {
			t.Fatalf("%s: the records in %s: %v %v (%d loaded)", path, dir, err, broken, set.Len())
		}
		for _, day := range days {
			l.Today = day
			for _, f := range l.CheckPlanRecords(p, set, nil).Findings {
				t.Errorf("as of %s, an example has a finding: %s", day, f)
			}
		}
	}
}

// TestRecordsAreCheckedWithTheirPlan: a plan's records are read from the folder beside
// it; a broken record, an unknown id and a dated finding name the record's file at the
// line, an ignore comment in a record covers its findings there, and a plan read as
// bytes (standard input) has no records.
func TestRecordsAreCheckedWithTheirPlan(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const p = "schema_version: 1\ntitle: T\nactivities:\n  - {id: launch, name: Launch, date: 2027-03-01}\n"
	write("p.plan.yaml", p)
	write("p.records/2027-02-01-a.record.yaml", "schema_version: 1\ndate: 2027-02-01\nactivity: lanch\n")
	write("p.records/2027-02-02-b.record.yaml", "schema_version: 1\ndate: 2027-02-02\ndate: 2027-02-03\n")
	write("p.records/2027-02-03-c.record.yaml", "schema_version: 1\ndate: 2027-02-03\nactivity: nope # plan:ignore record-unknown-reference -- a test\n")

	cfg := config.Default()
	only := func(ids ...string) *Linter {
		l := New(cfg)
		l.Rules = slices.DeleteFunc(l.Rules, func(r rules.Rule) bool { return !slices.Contains(ids, r.ID) })
		return l
	}
	l := only("record-unknown-reference", "activity-not-recorded", "yaml-syntax", "unused-ignore")
	l.Today = plan.MustDate("2027-03-02")
	path := filepath.Join(dir, "p.plan.yaml")
	res := l.Run([]Input{{Name: "p.plan.yaml", Path: path}})
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.String())
	}
	want := []string{
		`p.plan.yaml:4:5: warning: as of 2027-03-02, activity "launch" planned for 2027-03-01 has no record: record it, or change the plan if it moved or was dropped [activity-not-recorded]`,
		`p.records/2027-02-01-a.record.yaml:3:11: error: activity "lanch" is not in the plan's activities: did you mean "launch"? [record-unknown-reference]`,
		`p.records/2027-02-02-b.record.yaml:3:1: error: duplicate key "date" (first at line 2): keep one [yaml-syntax]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Output that shows snippets has the records' lines too.
	l.KeepSources = true
	res = l.Run([]Input{{Name: "p.plan.yaml", Path: path}})
	if got := string(res.Sources["p.records/2027-02-01-a.record.yaml"]); !strings.Contains(got, "activity: lanch") {
		t.Errorf("kept sources: %q for the record, want its bytes", got)
	}

	if fs := l.CheckBytes("p.plan.yaml", []byte(p)); len(fs) != 0 {
		t.Errorf("a plan read as bytes has no records, so no findings about them: %v", fs)
	}
}
