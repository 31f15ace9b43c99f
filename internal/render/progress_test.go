package render

import (
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

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
			opts := withRecords(t, p, gp.path, optionsFor(t, p, gp.today))
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

// TestInjectionInRecords: text from the records (what people raised, the response, a
// commitment and its owner, a grievance's category) is published in the progress
// section under the same rule as the plan's text (injection_test.go): nothing runs,
// nothing loads, and everything is shown, escaped.
func TestInjectionInRecords(t *testing.T) {
	gp := progressPlans[0]
	p := loadPlan(t, gp.path)
	for i, payload := range injectionPayloads {
		mark := func(n int) string { return fmt.Sprintf("%s zq%dqz", payload, n) }
		src, err := yaml.Marshal(map[string]any{
			"schema_version": 1,
			"date":           "2027-03-10",
			"engaged":        []any{map[string]any{"stakeholder": "residents", "people": 3}},
			"issues": []any{map[string]any{
				"text":       mark(1),
				"raised_by":  []string{"residents"},
				"response":   mark(2),
				"commitment": map[string]any{"text": mark(3), "owner": mark(4), "due": "2027-03-20"},
			}},
			"grievances": []any{map[string]any{"category": mark(5), "summary": mark(6)}},
		})
		if err != nil {
			t.Fatal(err)
		}
		r, err := record.Parse("hostile.record.yaml", src, plan.Options{})
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
		opts := optionsFor(t, p, "2027-03-25")
		opts.Records = &record.Set{Records: []*record.Record{r}}
		md, page := both(t, p, opts, HTMLOptions{})
		for _, problem := range pageProblems(page) {
			t.Errorf("payload %q: HTML: %s", payload, problem)
		}
		for _, problem := range markdownProblems(md) {
			t.Errorf("payload %q: Markdown: %s", payload, problem)
		}
		// The issue, response, commitment and category are shown (the owner and the
		// grievance's summary are for plan status, not the published report).
		text := html.UnescapeString(page)
		for _, n := range []int{1, 2, 3, 5} {
			marker := fmt.Sprintf("zq%dqz", n)
			if !strings.Contains(text, marker) || !strings.Contains(md, marker) {
				t.Errorf("payload %q: field %d went missing from a report", payload, n)
			}
		}
	}
}
