package render

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/report"
)

// progressPlans are the examples with records (testdata/plans/progress), on a day when
// there is something in every part of the progress section.
var progressPlans = []goldenPlan{
	{"progress-council-consultation", "testdata/plans/progress/council-consultation.plan.yaml", "2027-05-03"},
	{"progress-school-software-rollout", "testdata/plans/progress/school-software-rollout.plan.yaml", "2027-07-01"},
}

// loadRecords reads the records of the plan at path as plan render does.
func loadRecords(t testing.TB, p *plan.Plan, path string) *record.Set {
	t.Helper()
	dir, _ := record.Dir(p, path)
	set, skipped, err := record.Load(dir, filepath.Base(dir), plan.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("records of %s: %v %v", path, err, skipped)
	}
	return set
}

func TestProgressGolden(t *testing.T) {
	for _, gp := range progressPlans {
		t.Run(gp.name, func(t *testing.T) {
			p := loadPlan(t, gp.path)
			opts := optionsFor(t, p, gp.today)
			opts.Records = loadRecords(t, p, gp.path)
			md, html := both(t, p, opts, HTMLOptions{})
			for _, want := range []string{"## Progress", "### Who we have engaged", "### You said, we did", "### Grievances", "### Measures against targets"} {
				if !strings.Contains(md, want) {
					t.Errorf("the Markdown report has no %q", want)
				}
			}
			for _, want := range []string{`<section id="progress"`, `<svg class="chart chart-coverage"`, `aria-label="Coverage table"`, `<a href="#progress">Progress</a>`} {
				if !strings.Contains(html, want) {
					t.Errorf("the HTML report has no %q", want)
				}
			}
			checkGolden(t, filepath.Join("testdata", "golden", gp.name+".md"), md)
			checkGolden(t, filepath.Join("testdata", "golden", gp.name+".html"), html)
		})
	}
}

// TestNoProgressWithoutRecords: a plan without records, or whose records all come after
// the report's day, has no progress section, and its report is as it was.
func TestNoProgressWithoutRecords(t *testing.T) {
	gp := progressPlans[0]
	p := loadPlan(t, gp.path)
	set := loadRecords(t, p, gp.path)
	for _, tc := range []struct {
		name    string
		records *record.Set
		today   string
	}{
		{"no records", nil, "2027-05-03"},
		{"all later", set, "2027-02-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := optionsFor(t, p, tc.today)
			opts.Records = tc.records
			if d := report.Build(p, opts); d.Progress != nil || d.Has(report.SecProgress) {
				t.Error("a progress section without records by the day")
			}
		})
	}
}
