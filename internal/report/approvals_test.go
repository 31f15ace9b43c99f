package report

import (
	"testing"

	"github.com/planascode/plan/internal/plan"
)

func TestApprovalStatus(t *testing.T) {
	const approvals = `approvals:
  - {by: Sam Lee, version: "1.0", date: 2027-01-05}
  - {by: Jane Smith, role: Project sponsor, version: "1.2", date: 2027-02-10, commit: 3f2a9c1}
  - {by: Board, version: "1.1", date: 2027-01-20}
`
	tests := []struct {
		name, version, want string
		current             bool
	}{
		{"the version shown was approved last", `version: "1.2"`, "Version 1.2 was approved by Jane Smith (Project sponsor) on 10 Feb 2027; this plan is marked version 1.2.", true},
		{"a later version", `version: "1.3"`, "This is version 1.3, which has not been approved: the last approval was of version 1.2, by Jane Smith (Project sponsor) on 10 Feb 2027.", false},
		{"an earlier approval is not the last", `version: "1.1"`, "This is version 1.1, which has not been approved: the last approval was of version 1.2, by Jane Smith (Project sponsor) on 10 Feb 2027.", false},
		{"no version", ``, "The plan gives no version of its own, so it cannot tell whether this is the version Jane Smith (Project sponsor) approved on 10 Feb 2027 (version 1.2).", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "schema_version: 1\ntitle: t\n" + tt.version + "\n" + approvals
			p, err := plan.Parse("a.plan.yaml", []byte(src), plan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := Build(p, Options{}).Approvals
			if a == nil {
				t.Fatal("no approvals")
			}
			if a.Status != tt.want || a.Current != tt.current {
				t.Errorf("status = %q (current %v)\nwant     %q (current %v)", a.Status, a.Current, tt.want, tt.current)
			}
			if len(a.List) != 3 || a.List[0].Version != "1.0" || a.List[2].Version != "1.2" || !a.AnyRole || !a.AnyCommit {
				t.Errorf("list not earliest first with its columns: %+v", a)
			}
		})
	}
}

func TestNoApprovalsNoSection(t *testing.T) {
	p, err := plan.Parse("a.plan.yaml", []byte("schema_version: 1\ntitle: t\n"), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Build(p, Options{})
	if d.Approvals != nil {
		t.Errorf("approvals = %+v, want nil", d.Approvals)
	}
	for _, s := range d.Sections {
		if s.ID == SecApprovals {
			t.Error("the contents list an Approvals section the plan has no data for")
		}
	}
}
