package report

import (
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// TestFormatDateAsWritten: a date the plan only knows to the month, quarter or season is
// written so, and a span moved by arithmetic by both its ends.
func TestFormatDateAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		"2027-03-09":  "9 Mar 2027",
		"2027-03":     "Mar 2027",
		"2027-Q1":     "Q1 2027",
		"2027-summer": "Summer 2027",
	} {
		if got := FormatDate(plan.MustDate(in)); got != want {
			t.Errorf("FormatDate(%s) = %q, want %q", in, got, want)
		}
	}
	if got := FormatDate(plan.MustDate("2027-03").AddDays(1)); got != "2 Mar 2027 – 1 Apr 2027" {
		t.Errorf("a moved span = %q", got)
	}
	if FormatDate(plan.Date{}) != "" {
		t.Error("the zero Date is written")
	}
}
