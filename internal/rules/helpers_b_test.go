package rules

import (
	"testing"
)

// headB opens every group B test plan, so that line 3 is the first line a case writes.
const headB = "schema_version: 1\ntitle: T\n"

func TestIsPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"[Insert name]", true},
		{"[Name]", true},
		{"[Names]", true},
		{"[Group 1]", true},
		{"[Group 12]", true},
		{"[stakeholders]", true},
		{"[issue]", true},
		{"TODO", true},
		{"TBD: ask HR", true},
		{"Sam (XXX)", true},
		{"Alex Chen", false},
		{"XXXL Printing", false},
		{"todo", false},
		{"TODOS", false},
		{"[name]", false},
		{"[Group]", false},
		{"", false},
	} {
		if got := isPlaceholder(tc.in); got != tc.want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
