package htmlcheck

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/render"
	reportdata "github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/rules"
)

// today is the report's date: inside both examples' timelines, so the Gantt chart
// draws its today marker.
var today = plan.MustDate("2027-03-15")

// fakeGit is the history the footer claims, so that the page does not depend on this
// repository's.
var fakeGit = &reportdata.GitInfo{Commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", Date: plan.MustDate("2027-02-26"), Modified: true}

// renderedPage is the HTML report of one example, written to a temporary file.
type renderedPage struct {
	name string // the example's file name without .plan.yaml
	path string
	// draft is set when the report is a draft (plan check finds errors), which it must
	// then say on every printed page.
	draft bool
}

// renderExamples renders every bundled example as `plan render --format html` would:
// with plan check's findings, so the "Open gaps" section is there too.
func renderExamples(t *testing.T) []renderedPage {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.plan.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	// The examples hold none of the sections real plans add (#15) nor x_ extensions;
	// the render golden that has them all is checked too.
	files = append(files, filepath.Join("..", "render", "testdata", "plans", "real-plan.plan.yaml"))
	// The crowd plans put 1 to 60 groups on the charts, up to 60 in one cell (issue #19).
	for _, c := range crowdPlans() {
		files = append(files, filepath.Join("..", "render", "testdata", "plans", "crowd", c.name+".plan.yaml"))
	}
	// Nor (yet) records: the examples with records written for them make the progress
	// section, on a day with something in every part of it.
	progress := map[string]plan.Date{}
	for _, pp := range []struct{ name, day string }{{"council-consultation", "2027-05-03"}, {"school-software-rollout", "2027-07-01"}} {
		f := filepath.Join("..", "render", "testdata", "plans", "progress", pp.name+".plan.yaml")
		files = append(files, f)
		progress[f] = plan.MustDate(pp.day)
	}
	settings := rules.DefaultSettings()
	dir := t.TempDir()
	var pages []renderedPage
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".plan.yaml")
		p, err := plan.Load(f, f, plan.Options{})
		if err != nil {
			t.Fatalf("loading %s: %v", f, err)
		}
		day := today
		if d, ok := progress[f]; ok {
			day, name = d, "progress-"+name
		}
		records, skipped, err := record.LoadFor(p, f, f, plan.Options{})
		if err != nil || len(skipped) > 0 {
			t.Fatalf("records of %s: %v %v", f, err, skipped)
		}
		var buf bytes.Buffer
		found := lint.New(nil).Check(p)
		data := reportdata.Build(p, reportdata.Options{
			Findings: found.Findings,
			Silenced: found.Silenced,
			Today:    day,
			Records:  records,
			Version:  "v0.0.0-htmlcheck",
			Git:      fakeGit,
			Minimums: settings.Minimums,
			Ideals:   settings.Ideals,
		})
		err = render.HTML(&buf, data, render.HTMLOptions{})
		if errors.Is(err, errors.ErrUnsupported) {
			unavailable(t, "render.HTML is not implemented yet: "+err.Error())
		}
		if err != nil {
			t.Fatalf("render.HTML(%s): %v", f, err)
		}
		path := filepath.Join(dir, name+".html")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, renderedPage{name, path, data.Draft != nil})
	}
	return pages
}
