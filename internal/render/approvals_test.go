package render

import (
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
)

// TestApprovalsSection: the sign-off record comes after the change log and before the
// open gaps in both reports, says whether the version shown was approved, and leaves out
// the role and commit columns when no approval gives them.
func TestApprovalsSection(t *testing.T) {
	src := `schema_version: 1
title: Signed
version: "1.2"
changes:
  - {date: 2027-02-01, version: "1.2", summary: Dates moved}
approvals:
  - {by: "Jane *Smith*", version: "1.2", date: 2027-02-10}
stakeholders:
  - {id: residents, name: Residents}
`
	p, err := plan.Parse("s.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	findings := report.Options{Findings: nil}
	md, page := both(t, p, findings, HTMLOptions{})
	for _, tc := range []struct {
		out   string
		order []string
	}{
		{md, []string{"\n## Changes to the plan", "\n## Approvals", "Version 1.2 was approved by Jane \\*Smith\\* on 10 Feb 2027; this plan is marked version 1.2.", "| Version | Approved by | Date |", "| 1.2 | Jane \\*Smith\\* | 10 Feb 2027 |"}},
		{page, []string{`href="#approvals"`, `id="changes"`, `id="approvals"`, "<p>Version 1.2 was approved by Jane *Smith* on 10 Feb 2027; this plan is marked version 1.2.</p>", `<th scope="col">Approved by</th><th scope="col">Date</th></tr>`, "<tr><td>1.2</td><td>Jane *Smith*</td><td>10 Feb 2027</td></tr>"}},
	} {
		last := -1
		for _, want := range tc.order {
			i := strings.Index(tc.out, want)
			if i < 0 {
				t.Errorf("no %q in\n%s", want, tc.out)
				continue
			}
			if i < last {
				t.Errorf("%q comes too early", want)
			}
			last = i
		}
		if strings.Contains(tc.out, "Commit") || strings.Contains(tc.out, ">Role<") {
			t.Error("a column no approval fills is shown")
		}
	}
}
