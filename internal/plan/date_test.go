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

// TestImpreciseDates: a month, quarter or season is a span of days, written back as it
// was, compared honestly and moved whole.
func TestImpreciseDates(t *testing.T) {
	for _, tc := range []struct{ in, first, last, str string }{
		{"2027-03", "2027-03-01", "2027-03-31", "2027-03"},
		{"2028-02", "2028-02-01", "2028-02-29", "2028-02"},
		{"2027-Q1", "2027-01-01", "2027-03-31", "2027-Q1"},
		{"2027-Q4", "2027-10-01", "2027-12-31", "2027-Q4"},
		{"2027-summer", "2027-06-01", "2027-08-31", "2027-summer"},
		{"2027-fall", "2027-09-01", "2027-11-30", "2027-autumn"},
		{"2027-winter", "2027-12-01", "2028-02-29", "2027-winter"},
	} {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if d.First().String() != tc.first || d.Last().String() != tc.last || d.String() != tc.str || d.Precise() {
			t.Errorf("%s: first %s last %s string %s precise %v", tc.in, d.First(), d.Last(), d, d.Precise())
		}
	}
	for _, bad := range []string{"2027-13", "2027-00", "2027-Q5", "2027-Summer", "0000-03", "9999-winter", "2027-3"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("%s: parsed as %s, want an error", bad, d)
		}
	}
	march, april := MustDate("2027-03"), MustDate("2027-04-01")
	if !march.Before(april) || march.Before(MustDate("2027-03-31")) || MustDate("2027-03-15").After(march) || MustDate("2027-03-15").Before(march) {
		t.Error("a span is not compared as every day it allows")
	}
	if moved := march.AddDays(1); moved.String() != "2027-03-02/2027-04-01" || moved.Last().String() != "2027-04-01" {
		t.Errorf("march + 1 day = %s", moved)
	}
}
