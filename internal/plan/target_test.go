package plan

import "testing"

func TestTargetNumber(t *testing.T) {
	for _, tc := range []struct {
		target  Target
		value   float64
		ceiling bool
		ok      bool
	}{
		{"300", 300, false, true},
		{"1,200 responses", 1200, false, true},
		{"80% satisfied", 80, false, true},
		{"62.5%", 62.5, false, true},
		{"36 of 36", 36, false, true},
		{"At least 100 in every ward", 100, false, true},
		{"at most 5 complaints", 5, true, true},
		{"No more than 2 days", 2, true, true},
		{"< 10%", 10, true, true},
		{"≤ 3", 3, true, true},
		{"Under 2 weeks", 2, true, true},
		{"All wards represented", 0, false, false},
		{"By 2027-05-28", 0, false, false},
		{"Published by 2027-Q2", 0, false, false},
		{"60% of staff, 300 students and 150 families", 60, false, true},
		{"", 0, false, false},
	} {
		value, ceiling, ok := tc.target.Number()
		if value != tc.value || ceiling != tc.ceiling || ok != tc.ok {
			t.Errorf("Target(%q).Number() = %v, %v, %v; want %v, %v, %v", tc.target, value, ceiling, ok, tc.value, tc.ceiling, tc.ok)
		}
	}
}
