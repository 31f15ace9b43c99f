package render

import (
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
)

// TestNewSectionsInOrder: the sections real plans add (#15) come where docs/render.md
// says, in both reports, and a plan without them has none of them.
func TestNewSectionsInOrder(t *testing.T) {
	var gp goldenPlan
	for _, g := range goldenPlans {
		if g.name == "real-plan" {
			gp = g
		}
	}
	md, page := reports(t, gp)
	for _, order := range [][]string{
		{"\n## Policy", "\n## Grievance mechanism", "\n## Disclosure", "\n## Activities", "\n## Timeline", "\n## Changes to the plan", "\n## Open gaps", "\n## Plan extensions", "\n---\n"},
		{`id="policy"`, `id="grievance"`, `id="disclosure"`, `id="activities"`, `id="timeline"`, `id="changes"`, `id="open-gaps"`, `id="extensions"`, `<footer`},
	} {
		out := md
		if !strings.HasPrefix(order[0], "\n") {
			out = page
		}
		last := -1
		for _, h := range order {
			i := strings.Index(out, h)
			if i < 0 {
				t.Errorf("no %q", h)
				continue
			}
			if i < last {
				t.Errorf("%q comes before the section it should follow", h)
			}
			last = i
		}
	}
	for _, want := range []string{
		"**Version:** 2.1",
		"| Women's savings groups (part of Residents of villages along the road) | Project affected |",
		"| Engagement lead | Amara Osei (Project management unit) |",
		"#### How stakeholders' input was used",
		"| Second round of consultation | Engagement | 2 |",
		"`x_hostile`: \\<script\\>",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown: no %q", want)
		}
	}

	bareMD, bareHTML := both(t, &plan.Plan{SchemaVersion: 1, Title: "Bare"}, report.Options{}, HTMLOptions{})
	for _, h := range []string{"Grievance", "Disclosure", "Changes to the plan", "Plan extensions", "Version", "Round", "Category"} {
		if strings.Contains(bareMD, h) || strings.Contains(bareHTML, h) {
			t.Errorf("a plan with only a title mentions %q", h)
		}
	}
}
