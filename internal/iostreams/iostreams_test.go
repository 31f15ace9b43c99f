package iostreams

import "testing"

func TestColorDecision(t *testing.T) {
	for _, tc := range []struct {
		name    string
		mode    string
		tty     bool
		noColor bool
		want    bool
	}{
		{"auto on a tty", ColorAuto, true, false, true},
		{"auto on a pipe", ColorAuto, false, false, false},
		{"auto with NO_COLOR", ColorAuto, true, true, false},
		{"always beats NO_COLOR and pipes", ColorAlways, false, true, true},
		{"never beats a tty", ColorNever, true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, _, _ := Test()
			ios.SetTTY(tc.tty)
			ios.SetNoColor(tc.noColor)
			if err := ios.SetColorMode(tc.mode); err != nil {
				t.Fatal(err)
			}
			if got := ios.ColorEnabled(); got != tc.want {
				t.Errorf("ColorEnabled() = %v, want %v", got, tc.want)
			}
			styled := ios.Renderer().NewStyle().Bold(true).Render("x")
			if hasANSI := styled != "x"; hasANSI != tc.want {
				t.Errorf("rendered %q, colour wanted: %v", styled, tc.want)
			}
		})
	}
}

func TestBadColorMode(t *testing.T) {
	ios, _, _, _ := Test()
	if err := ios.SetColorMode("sometimes"); err == nil {
		t.Fatal("want an error for an unknown mode")
	}
}

func TestWidth(t *testing.T) {
	ios, _, _, _ := Test()
	t.Setenv("COLUMNS", "")
	if got := ios.Width(); got != 80 {
		t.Errorf("default width %d, want 80", got)
	}
	ios.SetWidth(120)
	if got := ios.Width(); got != 120 {
		t.Errorf("fixed width %d, want 120", got)
	}
}
