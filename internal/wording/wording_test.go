package wording

import "testing"

func TestWeeksAndDays(t *testing.T) {
	for days, want := range map[int]string{0: "0d", 5: "5d", 7: "1w", 30: "4w 2d", -3: "-3d"} {
		if got := WeeksAndDays(days); got != want {
			t.Errorf("WeeksAndDays(%d) = %q, want %q", days, got, want)
		}
	}
}
