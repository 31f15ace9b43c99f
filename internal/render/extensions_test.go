package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
)

// TestHugeExtensionsStayBounded: a plan with megabytes of x_ data makes a report of a
// bounded size that says what it left out, in both formats.
func TestHugeExtensionsStayBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema_version: 1\ntitle: Huge\n")
	fmt.Fprintf(&b, "x_blob: %q\n", strings.Repeat("<b>x</b> ", 200_000))
	for i := range 2000 {
		fmt.Fprintf(&b, "x_k%d: {a: %q, b: [1, 2, 3]}\n", i, strings.Repeat("`", 300))
	}
	p, err := plan.Parse("huge.plan.yaml", []byte(b.String()), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md, page := both(t, p, report.Options{}, HTMLOptions{})
	if len(md) > 100_000 || len(page) > 150_000 {
		t.Errorf("the reports of %d bytes of plan are %d (Markdown) and %d (HTML) bytes long", b.Len(), len(md), len(page))
	}
	for name, out := range map[string]string{"markdown": md, "html": page} {
		for _, want := range []string{"Shortened to 2,000 characters; the plan holds 1,798,000 more.", "more extension fields not shown"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q", name, want)
			}
		}
	}
	for _, problem := range markdownProblems(md) {
		t.Errorf("Markdown: %s", problem)
	}
	for _, problem := range pageProblems(page) {
		t.Errorf("HTML: %s", problem)
	}
}
