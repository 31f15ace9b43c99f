package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// ruleCase is one row of a rule's table test: a plan (as YAML) and the findings the rule
// must give, each as "line:col severity substring-of-message", in order. An empty want
// means the rule must not fire.
// planHead opens the test plans, so that line 3 is the first line a case writes.
const planHead = "schema_version: 1\ntitle: T\n"

type ruleCase struct {
	name string
	yaml string
	want []string
}

// runRuleCases runs every case against rule r with default settings.
func runRuleCases(t *testing.T, r Rule, cases []ruleCase) {
	t.Helper()
	runRuleCasesWith(t, r, DefaultSettings(), cases)
}

// runRuleCasesWith runs every case against rule r with the given settings.
func runRuleCasesWith(t *testing.T, r Rule, s Settings, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plan.Parse("test.plan.yaml", []byte(tc.yaml), plan.Options{})
			if err != nil {
				t.Fatalf("test plan does not load: %v", err)
			}
			results := r.Check(p, s)
			var got []string
			for _, res := range results {
				line, col := 1, 1
				if res.Node != nil {
					line, col = res.Node.Line, res.Node.Column
				}
				sev := res.Severity
				if sev == 0 {
					sev = r.Severity
				}
				got = append(got, fmt.Sprintf("%d:%d %s %s", line, col, sev, res.Message))
			}
			matchFindings(t, got, tc.want)
		})
	}
}

// matchFindings compares findings written "position severity message" with the wanted
// ones, each "position severity substring-of-message", in order.
func matchFindings(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n got: %s\nwant: %s", len(got), len(want), strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	for i, w := range want {
		pos, rest, _ := strings.Cut(w, " ")
		sev, sub, _ := strings.Cut(rest, " ")
		if _, err := diag.ParseSeverity(sev); err != nil {
			t.Fatalf("bad want %q: %v", w, err)
		}
		if !strings.HasPrefix(got[i], pos+" "+sev+" ") || !strings.Contains(got[i], sub) {
			t.Errorf("finding %d:\n got: %s\nwant: %s", i, got[i], w)
		}
	}
}
