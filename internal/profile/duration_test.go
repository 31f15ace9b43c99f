package profile

import "testing"

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]int{"3w": 21, "28d": 28, "0d": 0} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"521w", "3651d", "99999w", "1317624576693539402w", "9999999999999999999d"} {
		if got, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) = %d, want an error: longer than ten years", in, got)
		}
	}
	for in, want := range map[string]int{"520w": 3640, "3650d": 3650} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := ParseDuration("3 weeks"); err == nil {
		t.Error("want an error")
	}
}
