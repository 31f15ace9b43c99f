package output

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/yamltree"
)

func TestTextGolden(t *testing.T) {
	golden(t, "text.golden", format(t, Text{}, fixture()))
}

func TestTextPlainIsFindingString(t *testing.T) {
	r := fixture()
	r.Sources["plans/north.yaml"] = []byte("a: 1\n")
	ios, _, _, _ := iostreams.Test()
	got := string(format(t, NewText(OptionsFor(ios)), r))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	var want []string
	for _, f := range r.Findings {
		want = append(want, strings.Split(f.String(), "\n")...)
	}
	want = append(want, "3 errors, 2 warnings, 1 info in 3 files")
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("plain text:\n%s\nwant Finding.String lines and the summary:\n%s", got, strings.Join(want, "\n"))
	}
	if strings.Contains(got, "^") || strings.Contains(got, "\x1b") {
		t.Errorf("plain text has a snippet or colour:\n%s", got)
	}
}

func TestTextNoFindings(t *testing.T) {
	got := string(format(t, Text{}, Report{Files: 4}))
	if got != "no problems in 4 files\n" {
		t.Errorf("got %q", got)
	}
}

// colourIOS returns streams on a colour terminal of a fixed width.
func colourIOS(t *testing.T) *iostreams.IOStreams {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	ios.SetTTY(true)
	if err := ios.SetColorMode("always"); err != nil {
		t.Fatal(err)
	}
	ios.SetWidth(80)
	return ios
}

var ansiSeq = regexp.MustCompile("\x1b\\[[0-9;]*m")

func TestTextColour(t *testing.T) {
	r := Report{
		Files: 2,
		Findings: []diag.Finding{
			{File: "plan.yaml", Line: 3, Col: 10, Rule: "role-unassigned", Severity: diag.Error,
				Message: `role "sro" has no one assigned`},
			{File: "plan.yaml", Line: 12, Col: 2, Rule: "schema", Severity: diag.Warning,
				Message: "unknown key"},
			{File: "other.yaml", Line: 1, Col: 1, Rule: "unused-ignore", Severity: diag.Info,
				Message: "no source for this file, so no snippet"},
		},
		Sources: map[string][]byte{
			"plan.yaml": []byte("title: Plan\nroles:\n  sro: \"\"\n" + strings.Repeat("\n", 8) + "\tx: 1\n"),
		},
	}
	got := string(format(t, NewText(OptionsFor(colourIOS(t))), r))

	const (
		bold   = "\x1b[1m"
		red    = "\x1b[1;31m"
		yellow = "\x1b[1;33m"
		cyan   = "\x1b[1;36m"
		faint  = "\x1b[2m"
		blue   = "\x1b[34m"
		reset  = "\x1b[0m"
	)
	want := bold + "plan.yaml:3:10" + reset + ": " + red + "error" + reset + `: role "sro" has no one assigned ` + faint + "[role-unassigned]" + reset + "\n" +
		"  " + blue + "3 |" + reset + "   sro: \"\"\n" +
		"  " + blue + "  |" + reset + "          " + red + "^" + reset + "\n" +
		bold + "plan.yaml:12:2" + reset + ": " + yellow + "warning" + reset + ": unknown key " + faint + "[schema]" + reset + "\n" +
		"  " + blue + "12 |" + reset + "     x: 1\n" +
		"  " + blue + "   |" + reset + "     " + yellow + "^" + reset + "\n" +
		bold + "other.yaml:1:1" + reset + ": " + cyan + "info" + reset + ": no source for this file, so no snippet " + faint + "[unused-ignore]" + reset + "\n" +
		bold + "1 error, 1 warning, 1 info in 2 files" + reset + "\n"
	if got != want {
		t.Errorf("colour output:\n%q\nwant:\n%q", got, want)
	}

	// The same output without escapes is what a person sees: the caret sits under
	// column 10 of line 3 (the opening quote) and under the x after the expanded tab.
	const wantSeen = `plan.yaml:3:10: error: role "sro" has no one assigned [role-unassigned]
  3 |   sro: ""
    |          ^
plan.yaml:12:2: warning: unknown key [schema]
  12 |     x: 1
     |     ^
other.yaml:1:1: info: no source for this file, so no snippet [unused-ignore]
1 error, 1 warning, 1 info in 2 files
`
	if seen := ansiSeq.ReplaceAllString(got, ""); seen != wantSeen {
		t.Errorf("colour output as seen:\n%s\nwant:\n%s", seen, wantSeen)
	}
}

func TestSourceLine(t *testing.T) {
	long := strings.Repeat("a", 30) + "X" + strings.Repeat("b", 30) // X is column 31
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
		avail     int
		want      string // the line, then a newline, then the caret line
		ok        bool
	}{
		{"first line", "key: value\n", 1, 6, 0, "key: value\n     ^", true},
		{"crlf", "a: 1\r\nb: 2\r\n", 2, 4, 0, "b: 2\n   ^", true},
		{"byte-order mark", "\xef\xbb\xbfa: 2\n", 1, 4, 0, "a: 2\n   ^", true},
		{"cr alone", "a: 1\rb: 2\r", 2, 4, 0, "b: 2\n   ^", true},
		{"next-line character", "a: 1\u0085b: 2\n", 2, 4, 0, "b: 2\n   ^", true},
		{"no trailing newline", "a: 1\nb: 2", 2, 1, 0, "b: 2\n^", true},
		{"column past the end", "ab\n", 1, 9, 0, "ab\n  ^", true},
		{"column zero", "ab\n", 1, 0, 0, "ab\n^", true},
		{"empty line", "a\n\nb\n", 2, 1, 0, "\n^", true},
		{"tab expands to the next stop", "\tk: v\n", 1, 2, 0, "    k: v\n    ^", true},
		{"tab after text", "ab\tc\n", 1, 4, 0, "ab  c\n    ^", true},
		{"wide runes take two columns", "名前: 太郎\n", 1, 5, 0, "名前: 太郎\n      ^", true},
		{"combining mark takes none", "e\u0301x: 1\n", 1, 3, 0, "e\u0301x: 1\n ^", true},
		{"escape sequences are neutralised", "a: \x1b[31mred\n", 1, 5, 0, "a: \uFFFD[31mred\n    ^", true},
		{"bidi overrides are neutralised", "a: \u202Eb\n", 1, 5, 0, "a: \uFFFDb\n    ^", true},
		{"invalid UTF-8", "a: \xff\xfeb\n", 1, 5, 0, "a: \uFFFDb\n    ^", true},
		{"line past the end", "a\n", 3, 1, 0, "", false},
		{"no source", "", 1, 1, 0, "", false},
		{"long line cut on the right", long, 1, 5, 20, strings.Repeat("a", 19) + "…\n    ^", true},
		{"long line cut on both sides", long, 1, 31, 20, "…" + strings.Repeat("a", 9) + "X" + strings.Repeat("b", 8) + "…\n          ^", true},
		{"long line cut on the left", long, 1, 61, 20, "…" + strings.Repeat("b", 19) + "\n                   ^", true},
		{"too narrow to cut", long, 1, 5, 10, long + "\n    ^", true},
		{"fits exactly", "abcd", 1, 4, 20, "abcd\n   ^", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var src []byte
			if tc.name != "no source" {
				src = []byte(tc.src)
			}
			var lines *yamltree.Lines
			if src != nil {
				lines = yamltree.NewLines(src)
			}
			text, pads, ok := sourceCarets(lines, tc.line, []int{tc.col}, tc.avail)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if got := text + "\n" + strings.Repeat(" ", pads[0]) + "^"; got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestTextSnippetsWithoutColour: a terminal with NO_COLOR gets the snippets and no escape
// sequence.
func TestTextSnippetsWithoutColour(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	ios.SetTTY(true)
	ios.SetNoColor(true)
	ios.SetWidth(80)
	r := Report{Files: 1, Findings: []diag.Finding{{File: "plan.yaml", Line: 3, Col: 10, Rule: "role-unassigned",
		Severity: diag.Error, Message: `role "sro" has no one assigned`}},
		Sources: map[string][]byte{"plan.yaml": []byte("title: Plan\nroles:\n  sro: \"\"\n")}}
	const want = `plan.yaml:3:10: error: role "sro" has no one assigned [role-unassigned]
  3 |   sro: ""
    |          ^
1 error in 1 file
`
	if got := string(format(t, NewText(OptionsFor(ios)), r)); got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
}

// TestTextSnippetOncePerLine: findings on one line are listed together and share one
// snippet with a caret at each column, not the same source line once per finding.
func TestTextSnippetOncePerLine(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	ios.SetTTY(true)
	ios.SetNoColor(true)
	ios.SetWidth(80)
	src := []byte("title: Plan\nroles:\n  sro: \"[Name]\"\n")
	r := Report{Files: 1, Findings: []diag.Finding{
		{File: "plan.yaml", Line: 3, Col: 3, Rule: "role-typo", Severity: diag.Info, Message: "first"},
		{File: "plan.yaml", Line: 3, Col: 8, Rule: "placeholder", Severity: diag.Warning, Message: "second"},
		{File: "plan.yaml", Line: 3, Col: 8, Rule: "role-unassigned", Severity: diag.Error, Message: "third"},
		{File: "other.yaml", Line: 3, Col: 3, Rule: "role-typo", Severity: diag.Info, Message: "same line, other file"},
	}, Sources: map[string][]byte{"plan.yaml": src, "other.yaml": src}}
	const want = `plan.yaml:3:3: info: first [role-typo]
plan.yaml:3:8: warning: second [placeholder]
plan.yaml:3:8: error: third [role-unassigned]
  3 |   sro: "[Name]"
    |   ^    ^
other.yaml:3:3: info: same line, other file [role-typo]
  3 |   sro: "[Name]"
    |   ^
1 error, 1 warning, 2 info in 1 file
`
	if got := string(format(t, NewText(OptionsFor(ios)), r)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestSourceCarets: on a line cut to fit, a column outside the part shown gets no caret.
func TestSourceCarets(t *testing.T) {
	long := strings.Repeat("a", 30) + "X" + strings.Repeat("b", 30)
	text, pads, ok := sourceCarets(yamltree.NewLines([]byte(long)), 1, []int{5, 10, 40, 62}, 20)
	if !ok || text != strings.Repeat("a", 19)+"…" || fmt.Sprint(pads) != "[4 9 -1 -1]" {
		t.Errorf("got %q %v %v", text, pads, ok)
	}
}
