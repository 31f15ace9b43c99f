package render

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/rules"
)

// generatedPlan writes and loads a plan with n stakeholders spread over the grid and the
// engagement matrix, and an activity, objective, risk and measure for every ten of them:
// the size of a large regional consultation.
func generatedPlan(n int) *plan.Plan {
	levels := []string{"low", "medium", "high"}
	engagement := []string{"unaware", "resistant", "neutral", "supportive", "leading"}
	var b strings.Builder
	b.WriteString("schema_version: 1\ntitle: Generated regional plan\nsummary: |\n  A **generated** plan with many stakeholders.\n")
	b.WriteString("objectives:\n")
	for i := 0; i < n/10; i++ {
		fmt.Fprintf(&b, "  - id: o%d\n    statement: Objective %d is met.\n    specific: Specific %d\n    measurable: \"%d responses\"\n    assignable: engagement_lead\n    realistic: Realistic.\n    time_related: 2027-05-01\n", i, i, i, i*10)
	}
	b.WriteString("stakeholders:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - id: s%d\n    name: Stakeholder group number %d of the region\n    profile: |\n      Profile of group %d, with *emphasis* and a [link](https://example.org/%d).\n    interest: Interest %d.\n    influence: %s\n    impact: %s\n    participation: consult\n    engagement:\n      current: %s\n      desired: %s\n    channels: [Email, Meetings]\n",
			i, i, i, i, i, levels[i%3], levels[(i/3)%3], engagement[i%3], engagement[2+i%3])
	}
	b.WriteString("roles:\n  engagement_lead:\n    name: Sam Lee\n    responsibilities: Runs the engagement.\n")
	b.WriteString("activities:\n")
	for i := 0; i < n/10; i++ {
		fmt.Fprintf(&b, "  - id: a%d\n    name: Activity %d\n    kind: workshop\n    audience: [s%d, s%d]\n    phase: engagement\n    channel: Town hall\n    owner: engagement_lead\n    feedback: true\n", i, i, i, i+1)
	}
	b.WriteString("risks:\n")
	for i := 0; i < n/10; i++ {
		fmt.Fprintf(&b, "  - id: r%d\n    description: Risk %d.\n    likelihood: medium\n    impact: high\n    mitigation: Mitigate %d.\n    owner: engagement_lead\n", i, i, i)
	}
	b.WriteString("timeline:\n  start: 2027-02-01\n  phases:\n    - id: planning\n      kind: planning\n      weeks: 4\n    - id: engagement\n      kind: engagement\n      weeks: 6\n    - id: close\n      kind: close\n      weeks: 3\n")
	b.WriteString("evaluation:\n  measures:\n")
	for i := 0; i < n/10; i++ {
		fmt.Fprintf(&b, "    - id: m%d\n      metric: Measure %d\n      target: %d\n      method: Survey\n      objective: o%d\n", i, i, i, i)
	}
	p, err := plan.Parse("generated.plan.yaml", []byte(b.String()), plan.Options{})
	if err != nil {
		panic(err)
	}
	return p
}

// benchmarkRender times what plan render does once the plan is loaded and checked: work
// out the data and write it.
func benchmarkRender(b *testing.B, write func(io.Writer, *report.Data) error) {
	p := generatedPlan(200)
	cfg := config.Default()
	opts := report.Options{
		Findings: lint.New(cfg).CheckPlan(p),
		Today:    plan.MustDate("2027-03-01"),
		Version:  "bench",
		Minimums: rules.DefaultSettings().Minimums,
		Ideals:   rules.DefaultSettings().Ideals,
	}
	if len(p.Stakeholders) != 200 {
		b.Fatalf("%d stakeholders", len(p.Stakeholders))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := write(io.Discard, report.Build(p, opts)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderHTML renders a 200-stakeholder plan as HTML.
func BenchmarkRenderHTML(b *testing.B) {
	benchmarkRender(b, func(w io.Writer, d *report.Data) error { return HTML(w, d, HTMLOptions{}) })
}

// BenchmarkRenderMarkdown renders a 200-stakeholder plan as Markdown.
func BenchmarkRenderMarkdown(b *testing.B) { benchmarkRender(b, Markdown) }
