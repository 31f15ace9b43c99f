package diag

import "testing"

func TestSortOrdersAndDedupes(t *testing.T) {
	fs := []Finding{
		{File: "b.plan.yaml", Line: 1, Col: 1, Rule: "x"},
		{File: "a.plan.yaml", Line: 3, Col: 1, Rule: "x"},
		{File: "a.plan.yaml", Line: 2, Col: 5, Rule: "z"},
		{File: "a.plan.yaml", Line: 2, Col: 5, Rule: "a"},
		{File: "a.plan.yaml", Line: 2, Col: 5, Rule: "a"},
	}
	got := Sort(fs)
	want := []string{"a.plan.yaml:2:5:a", "a.plan.yaml:2:5:z", "a.plan.yaml:3:1:x", "b.plan.yaml:1:1:x"}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d", len(got), len(want))
	}
	for i, f := range got {
		if k := f.File + ":" + itoa(f.Line) + ":" + itoa(f.Col) + ":" + f.Rule; k != want[i] {
			t.Errorf("position %d: got %s, want %s", i, k, want[i])
		}
	}
}

func TestFindingString(t *testing.T) {
	f := Finding{File: "p.plan.yaml", Line: 4, Col: 3, Rule: "smart-missing", Severity: Error, Message: "objective \"o1\" has no measurable"}
	want := `p.plan.yaml:4:3: error: objective "o1" has no measurable [smart-missing]`
	if f.String() != want {
		t.Errorf("got %q, want %q", f.String(), want)
	}
}

// TestFindingStringIsOneLine: a file name or message holding a line break or an escape
// sequence still prints as one line that cannot restyle the terminal.
func TestFindingStringIsOneLine(t *testing.T) {
	f := Finding{File: "new\nline.plan.yaml", Line: 1, Col: 1, Rule: "placeholder", Severity: Error, Message: "x\r\n\x1b[31mred\u202e"}
	want := "new\uFFFDline.plan.yaml:1:1: error: x\uFFFD\uFFFD\uFFFD[31mred\uFFFD [placeholder]"
	if got := f.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDisplayable(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"plain text, ünïcode ✓":     "plain text, ünïcode ✓",
		"tab\there":                 "tab\uFFFDhere",
		"\x7f\u0085\u2028\u2029":    "\uFFFD\uFFFD\uFFFD\uFFFD",
		"bidi \u2066x\u2069 \u200f": "bidi \uFFFDx\uFFFD \uFFFD",
	} {
		if got := Displayable(in); got != want {
			t.Errorf("Displayable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Severity
		ok   bool
	}{{"error", Error, true}, {"Warning", Warning, true}, {"info", Info, true}, {"fatal", 0, false}} {
		got, err := ParseSeverity(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseSeverity(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func itoa(i int) string {
	return string(rune('0' + i))
}
