package rules

import (
	"fmt"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

// recordCase is one row of a records rule's table test: a plan, its records (each as
// YAML, named r1.record.yaml, r2.record.yaml… in findings), the day, and the findings the
// rule must give, each as "file:line:col severity substring-of-message" in order, file
// being "plan" or the record's name without its suffix (r1). An empty want means the rule
// must not fire.
type recordCase struct {
	name    string
	plan    string
	records []string
	today   string
	want    []string
}

// recordHead opens the test records, so that line 2 is the first line a case writes.
const recordHead = "schema_version: 1\n"

func runRecordCases(t *testing.T, r Rule, cases []recordCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := plan.Parse("test.plan.yaml", []byte(tc.plan), plan.Options{})
			if err != nil {
				t.Fatalf("test plan does not load: %v", err)
			}
			set := &record.Set{Dir: "test.records"}
			for i, y := range tc.records {
				rec, err := record.Parse(fmt.Sprintf("r%d", i+1), []byte(y), plan.Options{})
				if err != nil {
					t.Fatalf("test record %d does not load: %v", i+1, err)
				}
				set.Records = append(set.Records, rec)
			}
			var today plan.Date
			if tc.today != "" {
				today = plan.MustDate(tc.today)
			}
			var got []string
			for _, res := range r.CheckRecords(p, Progress{All: set, Today: today}, DefaultSettings()) {
				file, line, col := "plan", 1, 1
				if res.Record != nil {
					file = res.Record.File
				}
				if res.Node != nil {
					line, col = res.Node.Line, res.Node.Column
				}
				sev := res.Severity
				if sev == 0 {
					sev = r.Severity
				}
				got = append(got, fmt.Sprintf("%s:%d:%d %s %s", file, line, col, sev, res.Message))
			}
			matchFindings(t, got, tc.want)
		})
	}
}
