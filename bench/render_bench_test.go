// Package bench_test sets rendering beside checking on the same generated plans, so that
// one run shows the ratio the issue bounds (rendering HTML for a 200-stakeholder plan:
// under 5× the time to check it). internal/render has its own benchmarks of rendering
// alone.
package bench_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/planascode/plan/bench/corpus"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/render"
	"github.com/planascode/plan/internal/report"
)

func BenchmarkCheckAndRender(b *testing.B) {
	for _, n := range []int{1, 25, 200} {
		c := corpus.Default()
		c.Stakeholders = n
		data := corpus.Plan(c, 0)
		l := lint.New(nil)
		p, err := plan.Parse("bench.plan.yaml", data, plan.Options{})
		if err != nil {
			b.Fatal(err)
		}
		opts := report.Options{Findings: l.CheckPlan(p), Version: "bench"}
		b.Run(fmt.Sprintf("check/stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l.CheckBytes("bench.plan.yaml", data)
			}
		})
		for _, r := range []struct {
			name   string
			render func(io.Writer, *report.Data) error
		}{
			{"html", func(w io.Writer, d *report.Data) error { return render.HTML(w, d, render.HTMLOptions{}) }},
			{"markdown", render.Markdown},
		} {
			b.Run(fmt.Sprintf("%s/stakeholders=%d", r.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := r.render(io.Discard, report.Build(p, opts)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
