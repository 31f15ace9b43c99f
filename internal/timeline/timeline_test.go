package timeline

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPlan is a plan the golden files are made from, with the day taken as today. The
// days are chosen to put today in a phase, in a gap, in an overlap, before the start and
// after the end.
type goldenPlan struct {
	name, path, today string
}

var goldenPlans = []goldenPlan{
	{"council-consultation", "../../examples/council-consultation.plan.yaml", "2027-03-15"},
	{"school-software-rollout", "../../examples/school-software-rollout.plan.yaml", "2027-05-03"},
	{"gaps", "testdata/plans/gaps.plan.yaml", "2027-04-01"},
	{"overlaps", "testdata/plans/overlaps.plan.yaml", "2027-02-27"},
	{"ongoing", "testdata/plans/ongoing.plan.yaml", "2027-05-20"},
	{"too-short", "testdata/plans/too-short.plan.yaml", "2027-02-15"},
	{"awkward-text", "testdata/plans/awkward-text.plan.yaml", "2027-07-01"},
	{"undated", "testdata/plans/undated.plan.yaml", "2027-03-15"},
}

// goldenWidth is the width of the text goldens; narrowWidths get goldens of their own
// for the plans whose layout changes most when squeezed.
const goldenWidth = 80

var narrowPlans = map[string]bool{"council-consultation": true, "awkward-text": true}

func build(t *testing.T, gp goldenPlan) *Schedule {
	t.Helper()
	p, err := plan.Load(gp.path, gp.path, plan.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", gp.path, err)
	}
	settings := rules.DefaultSettings()
	s, err := Build(p, Options{Minimums: settings.Minimums, Ideals: settings.Ideals, Today: plan.MustDate(gp.today)})
	// A plan with an undated phase still has a schedule to draw; its error is tested in
	// TestBuildErrors.
	if err != nil && (s == nil || !s.Drawable()) {
		t.Fatalf("build %s: %v", gp.path, err)
	}
	return s
}

func plainText(t *testing.T, s *Schedule, width int) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteText(&b, s, TextOptions{Width: width}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// formats are the golden outputs made for every plan, by file extension.
var formats = []struct {
	ext   string
	write func(*bytes.Buffer, *Schedule) error
}{
	{"json", func(b *bytes.Buffer, s *Schedule) error { return WriteJSON(b, s) }},
	{"mmd", func(b *bytes.Buffer, s *Schedule) error { return WriteMermaid(b, s) }},
	{"ics", func(b *bytes.Buffer, s *Schedule) error { return WriteICS(b, s) }},
	{"csv", func(b *bytes.Buffer, s *Schedule) error { return WriteCSV(b, s) }},
}

func TestGolden(t *testing.T) {
	for _, gp := range goldenPlans {
		t.Run(gp.name, func(t *testing.T) {
			s := build(t, gp)
			checkGolden(t, gp.name+".txt", plainText(t, s, goldenWidth))
			if narrowPlans[gp.name] {
				checkGolden(t, fmt.Sprintf("%s.w%d.txt", gp.name, MinWidth), plainText(t, s, MinWidth))
			}
			for _, f := range formats {
				var b bytes.Buffer
				if err := f.write(&b, s); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, gp.name+"."+f.ext, b.String())
			}
		})
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("%s differs from the golden file at line %d (run go test -update if the change is intended):\n got: %q\nwant: %q", path, i+1, g, w)
			return
		}
	}
}

var ansiSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestTextFitsWidth draws every plan at every width from the minimum up, with colour off
// and on, and checks that no line is wider than asked and that colour adds nothing but
// escape codes.
func TestTextFitsWidth(t *testing.T) {
	colour := lipgloss.NewRenderer(&bytes.Buffer{})
	colour.SetColorProfile(termenv.ANSI256)
	for _, gp := range goldenPlans {
		s := build(t, gp)
		for width := MinWidth; width <= 160; width++ {
			plain := plainText(t, s, width)
			for i, line := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
				if w := lipgloss.Width(line); w > width {
					t.Errorf("%s at width %d: line %d is %d columns wide: %q", gp.name, width, i+1, w, line)
				}
				if line != strings.TrimRight(line, " ") {
					t.Errorf("%s at width %d: line %d has trailing spaces: %q", gp.name, width, i+1, line)
				}
			}
			var b bytes.Buffer
			if err := WriteText(&b, s, TextOptions{Width: width, Renderer: colour}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), "\x1b[") {
				t.Fatalf("%s: the colour renderer drew no colour", gp.name)
			}
			if stripped := ansiSGR.ReplaceAllString(b.String(), ""); stripped != plain {
				t.Errorf("%s at width %d: coloured output differs from plain output beyond colour:\n%s\n---\n%s", gp.name, width, stripped, plain)
			}
		}
	}
	// A width below the minimum draws at the minimum rather than breaking.
	s := build(t, goldenPlans[0])
	if got, want := plainText(t, s, 10), plainText(t, s, MinWidth); got != want {
		t.Errorf("width 10 should draw as width %d", MinWidth)
	}
}

func TestTextFlagsWithoutColour(t *testing.T) {
	s := build(t, goldenPlan{"too-short", "testdata/plans/too-short.plan.yaml", "2027-03-30"})
	out := plainText(t, s, goldenWidth)
	for _, want := range []string{
		"TOO SHORT: 3w < 4w minimum",
		"below ideal: 3w 3d < 4w ideal",
		"min 2w",
		"today ▼",
		`phase "engagement" is 1 week short of its minimum of 4 weeks`,
		"today 2027-03-30, in Consultation",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the chart lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if last := lines[len(lines)-1]; last != `phase "engagement" is 1 week short of its minimum of 4 weeks` {
		t.Errorf("the chart should end with the verdict, not %q", last)
	}
}

func TestBuild(t *testing.T) {
	s := build(t, goldenPlan{"ongoing", "testdata/plans/ongoing.plan.yaml", "2027-05-20"})
	type row struct {
		id, start, end string
		days           int
		status         Status
	}
	want := []row{
		{"planning", "2027-04-05", "2027-05-02", 28, StatusOK},
		{"panel", "2027-05-03", "", 0, StatusOpen},
		{"engagement", "2027-06-01", "2027-06-28", 28, StatusOK},
		{"close", "2027-06-29", "2027-07-12", 14, StatusOK},
		{"aftercare", "2027-07-19", "", 0, StatusOpen},
	}
	if len(s.Phases) != len(want) {
		t.Fatalf("got %d phases, want %d", len(s.Phases), len(want))
	}
	for i, w := range want {
		p := s.Phases[i]
		got := row{p.ID, p.Start.String(), p.End.String(), p.Days, p.Status}
		if got != w {
			t.Errorf("phase %d: got %+v, want %+v", i, got, w)
		}
	}
	if start, end := s.Span(); start.String() != "2027-04-05" || !end.IsZero() {
		t.Errorf("Span() = %s, %s; want 2027-04-05 and open", start, end)
	}
	if on := s.PhasesOn(plan.MustDate("2027-06-10")); len(on) != 2 || on[0].ID != "panel" || on[1].ID != "engagement" {
		t.Errorf("PhasesOn(2027-06-10) = %v, want panel (open) and engagement", on)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		file, want string
		partial    bool
	}{
		{"undated.plan.yaml", `testdata/plans/undated.plan.yaml:9: phase "engagement": its dates cannot be worked out: it has no end, weeks or days`, true},
		{"reversed.plan.yaml", `testdata/plans/reversed.plan.yaml:5: phase "planning": its dates cannot be worked out: it ends on 2027-02-20, before it starts on 2027-03-01`, true},
		{"no-timeline.plan.yaml", `testdata/plans/no-timeline.plan.yaml: the plan has no timeline phases to show: add timeline.phases, each with a start (or timeline.start) and an end, weeks or days`, false},
		{"no-phases.plan.yaml", `testdata/plans/no-phases.plan.yaml:4: timeline has no phases to show: add timeline.phases, each with a start (or timeline.start) and an end, weeks or days`, false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p, err := plan.Load("testdata/plans/"+tc.file, "testdata/plans/"+tc.file, plan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s, err := Build(p, Options{Today: plan.MustDate("2027-03-01")})
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("got error %v, want a *timeline.Error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got  %s\nwant %s", err, tc.want)
			}
			if (s != nil) != tc.partial {
				t.Fatalf("partial schedule returned: %v, want %v", s != nil, tc.partial)
			}
			if s == nil {
				return
			}
			// The partial schedule still draws, listing what it cannot date with the reason.
			out := plainText(t, s, goldenWidth)
			if !strings.Contains(out, undatedLabel+"\n") || !strings.Contains(out, te.Reason) {
				t.Errorf("partial chart does not say what is missing:\n%s", out)
			}
			for _, f := range formats {
				var b bytes.Buffer
				if err := f.write(&b, s); err != nil {
					t.Errorf("%s: %v", f.ext, err)
				}
			}
		})
	}
}

func TestMinimumsFromConfig(t *testing.T) {
	p, err := plan.Load("too-short.plan.yaml", "testdata/plans/too-short.plan.yaml", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(p, Options{Minimums: map[string]int{"engagement": 14}, Ideals: map[string]int{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ph := range s.Phases {
		if ph.Status != StatusOK {
			t.Errorf("phase %s is %s, want ok once the engagement minimum is 2w and planning has none", ph.ID, ph.Status)
		}
	}
	if got := s.Verdict(); got != "all phases meet their recommended minimums" {
		t.Errorf("Verdict() = %q", got)
	}
}

func TestVerdict(t *testing.T) {
	for _, tc := range []struct {
		phases []Phase
		want   string
	}{
		{[]Phase{{ID: "a", Status: StatusOK}}, "all phases meet their recommended minimums"},
		{[]Phase{{ID: "engagement", Status: StatusTooShort, Days: 7, Minimum: 28}}, `phase "engagement" is 3 weeks short of its minimum of 4 weeks`},
		{[]Phase{{ID: "a", Status: StatusTooShort, Days: 7, Minimum: 28}, {ID: "b", Status: StatusTooShort, Days: 12, Minimum: 14}}, `2 phases are short of their minimums: "a" by 3 weeks, "b" by 2 days`},
		{[]Phase{{ID: "planning", Status: StatusBelowIdeal, Days: 24, Minimum: 21, Ideal: 28}}, `all phases meet their recommended minimums; phase "planning" is 4 days short of its ideal of 4 weeks`},
		{[]Phase{{ID: "a", Status: StatusBelowIdeal, Days: 24, Ideal: 28}, {ID: "b", Status: StatusBelowIdeal, Days: 14, Ideal: 21}}, `all phases meet their recommended minimums; 2 are short of their ideals: "a" by 4 days, "b" by 1 week`},
		{[]Phase{{ID: "a", Status: StatusUndated}, {ID: "b", Status: StatusOK}}, `all dated phases meet their recommended minimums; phase "a" is not shown: its dates cannot be worked out`},
		{[]Phase{{ID: "a", Status: StatusUndated}, {ID: "b", Status: StatusBelowIdeal, Days: 24, Ideal: 28}, {ID: "c", Status: StatusUndated}}, `all dated phases meet their recommended minimums; phase "b" is 4 days short of its ideal of 4 weeks; 2 phases are not shown, since their dates cannot be worked out: "a", "c"`},
		{[]Phase{{ID: "a", Status: StatusUndated}, {ID: "b", Status: StatusTooShort, Days: 7, Minimum: 28}}, `phase "b" is 3 weeks short of its minimum of 4 weeks; phase "a" is not shown: its dates cannot be worked out`},
		{[]Phase{{ID: "a", Status: StatusUndated}}, `the timeline cannot be drawn: no phase has dates`},
	} {
		s := &Schedule{Phases: tc.phases}
		if got := s.Verdict(); got != tc.want {
			t.Errorf("Verdict() = %q, want %q", got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ title, file, want string }{
		{"Draft Walking and Cycling Strategy 2027–2037 — online public consultation", "x.plan.yaml", "draft-walking-and-cycling-strategy-2027-2037"},
		{"Café «été»", "x.plan.yaml", "cafe-ete"},
		// The same words as a stakeholder id made from the title would have.
		{"Straße-Anwohner: People's panel", "x.plan.yaml", "strasse-anwohner-peoples-panel"},
		{"市民参加", "consultations/Hamamatsu.plan.yml", "hamamatsu"},
		{"市民参加", "市民.plan.yaml", "plan"},
	} {
		s := &Schedule{Title: tc.title, File: tc.file}
		if got := s.Slug(); got != tc.want {
			t.Errorf("Slug(%q, %q) = %q, want %q", tc.title, tc.file, got, tc.want)
		}
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	s := build(t, goldenPlan{"awkward-text", "testdata/plans/awkward-text.plan.yaml", "2027-03-01"})
	var b bytes.Buffer
	if err := WriteCSV(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `'=SUM(A1)`) || strings.Contains(b.String(), `,=SUM`) {
		t.Errorf("a name starting with = must be written as text:\n%s", b.String())
	}
}
