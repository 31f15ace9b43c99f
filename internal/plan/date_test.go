package plan

import (
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

func TestDaysUntil(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2027-03-01", "2027-03-01", 0},
		{"2027-03-01", "2027-03-29", 28},
		{"2027-03-29", "2027-03-01", -28},
		{"2028-02-28", "2028-03-01", 2}, // a leap day
		// Beyond the 292 years a time.Duration can hold (checked with Python's datetime).
		{"1700-01-29", "2099-12-31", 146068},
		{"2027-02-01", "9999-12-31", 2912046},
		{"9999-12-31", "0001-01-01", -3652058},
	} {
		if got := MustDate(tc.from).DaysUntil(MustDate(tc.to)); got != tc.want {
			t.Errorf("%s to %s: %d days, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestFirstDayIsADate: 0001-01-01 is time.Time's zero, and must not read as "not given".
func TestFirstDayIsADate(t *testing.T) {
	d := MustDate("0001-01-01")
	if d.IsZero() || d.String() != "0001-01-01" {
		t.Errorf("0001-01-01: IsZero %v, String %q", d.IsZero(), d.String())
	}
	if !(Date{}).IsZero() || (Date{}).String() != "" {
		t.Error("the zero Date is not \"not given\"")
	}
	if d.AddDays(1).String() != "0001-01-02" || d.AddDays(1).IsZero() {
		t.Errorf("0001-01-01 + 1 day = %q", d.AddDays(1))
	}
	if got := DateOf(time.Time{}); got.IsZero() || got != d {
		t.Errorf("DateOf(time.Time{}) = %v, want the date 0001-01-01", got)
	}
	var decoded struct{ When Date }
	if err := yaml.Unmarshal([]byte("when: 0001-01-01"), &decoded); err != nil || decoded.When != d {
		t.Errorf("decoding 0001-01-01: %v, %v", decoded.When, err)
	}
}
