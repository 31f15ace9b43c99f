package timelinecmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/plan"
)

const plans = "../../timeline/testdata/plans"

// copyPlans puts the named test plans into a fresh directory, as the only files there.
func copyPlans(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(plans, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type result struct {
	out, errOut string
	err         error
	code        int
}

// run runs `plan timeline args...` in dir with today fixed at 2027-03-30 local time.
func run(t *testing.T, dir string, setup func(*iostreams.IOStreams), args ...string) result {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if setup != nil {
		setup(ios)
	}
	env := &cli.Env{
		IO:     ios,
		Now:    func() time.Time { return time.Date(2027, 3, 30, 23, 30, 0, 0, time.Local) },
		Getenv: func(string) string { return "" },
		Dir:    dir,
	}
	cmd := NewCmd(env, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return result{out: out.String(), errOut: errOut.String(), err: err, code: cli.Code(err)}
}

func TestFlags(t *testing.T) {
	var got *Options
	cmd := NewCmd(&cli.Env{}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"x.plan.yaml", "--format", "json", "--today", "2027-03-01", "--width", "100", "-c", "c.yaml"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := Options{File: "x.plan.yaml", Format: "json", Today: "2027-03-01", Width: 100, Config: "c.yaml"}
	got.Env = nil
	if *got != want {
		t.Errorf("got %+v, want %+v", *got, want)
	}

	cmd = NewCmd(&cli.Env{}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.File != "" || got.Format != "text" || got.Today != "" || got.Width != 0 {
		t.Errorf("defaults: got %+v", *got)
	}
}

func TestFormatCompletion(t *testing.T) {
	root := &cobra.Command{Use: "plan"}
	root.AddCommand(NewCmd(&cli.Env{}, nil))
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{cobra.ShellCompRequestCmd, "timeline", "--format", ""})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		if !strings.Contains(out.String(), f+"\n") {
			t.Errorf("completion lacks %s:\n%s", f, out.String())
		}
	}
}

func TestDefaultsToTheOnlyPlan(t *testing.T) {
	dir := copyPlans(t, "too-short.plan.yaml")
	r := run(t, dir, nil, "--width", "80")
	if r.err != nil {
		t.Fatal(r.err)
	}
	for _, want := range []string{
		"Rushed consultation",
		// --today is not given: today is the local date of env.Now.
		"today 2027-03-30, in Consultation",
		"TOO SHORT: 3w < 4w minimum",
		`phase "engagement" is 1 week short of its minimum of 4 weeks`,
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("output lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "\x1b[") {
		t.Error("output to a pipe must not be coloured")
	}
}

func TestTextFitsTheWidth(t *testing.T) {
	dir := copyPlans(t, "awkward-text.plan.yaml")
	for _, tc := range []struct {
		name  string
		setup func(*iostreams.IOStreams)
		args  []string
		width int
	}{
		{"flag", nil, []string{"--width", "52"}, 52},
		{"terminal", func(ios *iostreams.IOStreams) { ios.SetWidth(67) }, nil, 67},
		{"flag over terminal", func(ios *iostreams.IOStreams) { ios.SetWidth(67) }, []string{"--width", "44"}, 44},
		{"colour never", func(ios *iostreams.IOStreams) {
			ios.SetTTY(true)
			_ = ios.SetColorMode(iostreams.ColorNever)
		}, []string{"--width", "61"}, 61},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, dir, tc.setup, append([]string{"awkward-text.plan.yaml", "--today", "2027-03-15"}, tc.args...)...)
			if r.err != nil {
				t.Fatal(r.err)
			}
			if strings.Contains(r.out, "\x1b[") {
				t.Error("colour off, yet the output has escape codes")
			}
			widest := 0
			for _, line := range strings.Split(strings.TrimSuffix(r.out, "\n"), "\n") {
				widest = max(widest, lipgloss.Width(line))
				if lipgloss.Width(line) > tc.width {
					t.Errorf("line wider than %d: %q", tc.width, line)
				}
			}
			if widest < tc.width-8 {
				t.Errorf("the widest line is %d columns: the chart should use the %d it has", widest, tc.width)
			}
		})
	}
}

func TestColourAlways(t *testing.T) {
	dir := copyPlans(t, "too-short.plan.yaml")
	r := run(t, dir, func(ios *iostreams.IOStreams) { _ = ios.SetColorMode(iostreams.ColorAlways) }, "--today", "2027-03-30")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.out, "\x1b[") || !strings.Contains(r.out, "TOO SHORT") {
		t.Errorf("--color always should colour and still flag in words:\n%s", r.out)
	}
}

func TestFormats(t *testing.T) {
	dir := copyPlans(t, "ongoing.plan.yaml")
	for format, check := range map[string]func(string) error{
		"json": func(out string) error {
			var doc struct {
				Phases []struct {
					ID     string  `json:"id"`
					End    *string `json:"end"`
					Status string  `json:"status"`
				} `json:"phases"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				return err
			}
			if p := doc.Phases[1]; p.ID != "panel" || p.End != nil || p.Status != "open" {
				return errors.New("the open-ended panel should have a null end and status open")
			}
			return nil
		},
		"mermaid": prefix("gantt\n"),
		"ics":     prefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
		"csv":     prefix("type,id,kind,name,start,end,days,minimum_days,ideal_days,status,reason\nphase,planning,planning,Planning,2027-04-05,2027-05-02,28,21,28,ok,\n"),
	} {
		t.Run(format, func(t *testing.T) {
			r := run(t, dir, nil, "ongoing.plan.yaml", "--format", format, "--today", "2027-05-20")
			if r.err != nil {
				t.Fatal(r.err)
			}
			if err := check(r.out); err != nil {
				t.Errorf("%v:\n%s", err, r.out)
			}
		})
	}
}

func prefix(want string) func(string) error {
	return func(out string) error {
		if !strings.HasPrefix(out, want) {
			return errors.New("output does not start with " + want)
		}
		return nil
	}
}

func TestConfigChangesMinimums(t *testing.T) {
	dir := copyPlans(t, "too-short.plan.yaml")
	cfg := filepath.Join(dir, "lenient.yaml")
	if err := os.WriteFile(cfg, []byte("minimums:\n  engagement: 3w\nideals:\n  planning: 3w\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "too-short.plan.yaml", "--format", "json", "--config", cfg)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.out, `"verdict": "all phases meet their recommended minimums"`) || !strings.Contains(r.out, `"minimum_days": 21,`) {
		t.Errorf("with a 3w engagement minimum and a 3w planning ideal every phase is ok:\n%s", r.out)
	}

	// The config file is found upwards from the working directory, as plan check finds it.
	if err := os.WriteFile(filepath.Join(dir, ".planrc.yaml"), []byte("minimums:\n  launch: 1w\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, nil, "too-short.plan.yaml", "--today", "2027-03-30")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !strings.Contains(r.out, "2 phases are short of their minimums") {
		t.Errorf(".planrc.yaml should add a 1w launch minimum:\n%s", r.out)
	}
}

func TestBadInput(t *testing.T) {
	dir := copyPlans(t, "reversed.plan.yaml", "no-timeline.plan.yaml", "too-short.plan.yaml")
	if err := os.WriteFile(filepath.Join(dir, "broken.plan.yaml"), []byte("schema_version: 1\ntitle: x\ntimeline:\n  phases:\n    - id: a\n      kind: party\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, loadErr := plan.Load("broken.plan.yaml", filepath.Join(dir, "broken.plan.yaml"), plan.Options{})
	var pe *plan.Error
	if !errors.As(loadErr, &pe) {
		t.Fatalf("the broken plan should not load: %v", loadErr)
	}
	wantLoad := strings.Replace(pe.Error(), filepath.Join(dir, "broken.plan.yaml"), "broken.plan.yaml", 1)

	for _, tc := range []struct {
		name string
		dir  string
		args []string
		want string
	}{
		{"several plans", dir, nil, "4 plan files in the current directory (broken.plan.yaml, no-timeline.plan.yaml, reversed.plan.yaml, too-short.plan.yaml): name one, as in plan timeline broken.plan.yaml"},
		{"no plan", t.TempDir(), nil, "no plan file (*.plan.yaml or *.plan.yml) in the current directory"},
		{"missing file", dir, []string{"nowhere.plan.yaml"}, "nowhere.plan.yaml: cannot read: no such file or directory"},
		{"does not load", dir, []string{"broken.plan.yaml"}, wantLoad},
		// With no phase dated there is nothing to draw.
		{"no phase dated", dir, []string{"reversed.plan.yaml"}, `reversed.plan.yaml:5: phase "planning": its dates cannot be worked out: it ends on 2027-02-20, before it starts on 2027-03-01`},
		{"no timeline", dir, []string{"no-timeline.plan.yaml"}, "no-timeline.plan.yaml: the plan has no timeline phases to show"},
		{"format", dir, []string{"too-short.plan.yaml", "--format", "pdf"}, `invalid --format "pdf": want text, json, mermaid, ics, csv`},
		{"today", dir, []string{"too-short.plan.yaml", "--today", "2027-02-30"}, `--today: "2027-02-30" is not a real date in the form YYYY-MM-DD`},
		{"width", dir, []string{"too-short.plan.yaml", "--width", "30"}, "--width must be at least 40 columns, not 30"},
		{"config", dir, []string{"too-short.plan.yaml", "--config", filepath.Join(dir, "none.yaml")}, "none.yaml: cannot read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.dir, nil, tc.args...)
			if r.code != cli.ExitBadInput {
				t.Fatalf("exit %d (%v), want %d", r.code, r.err, cli.ExitBadInput)
			}
			if !strings.Contains(r.err.Error(), tc.want) {
				t.Errorf("error %q\nlacks  %q", r.err, tc.want)
			}
			if strings.Contains(r.err.Error(), "\n") {
				t.Errorf("the error must be one line: %q", r.err)
			}
			if r.out != "" {
				t.Errorf("nothing should be written on failure, got:\n%s", r.out)
			}
		})
	}
}

// TestUndatedPhase: a published plan whose first phase has no start (cause2-sep, an ESS10
// plan) gets the rest of its timeline, in every format, with the undated phase named and
// why, and exit 0.
func TestUndatedPhase(t *testing.T) {
	dir := copyPlans(t, "cause2-sep.plan.yaml")
	const reason = "neither it nor the timeline has a start"
	for _, tc := range []struct {
		format      string
		out, errOut []string // what each must contain; errOut nil means stderr is empty
		outLacks    string
	}{
		{"text", []string{"SEP disclosure", "Not shown: dates cannot be worked out\n  Project preparation and SEP drafting · planning · line 324\n    " + reason + "\n", `phase "preparation" is not`}, nil, ""},
		{"json", []string{`"status": "undated",` + "\n      \"reason\": \"" + reason + `"`, `"id": "disclosure"`}, nil, ""},
		{"csv", []string{"phase,preparation,planning,Project preparation and SEP drafting,,,,", ",undated," + reason + "\n", "phase,disclosure,"}, nil, ""},
		{"mermaid", []string{":phase-disclosure, 2024-07-14, 2024-07-14"}, []string{`cause2-sep.plan.yaml:324: phase "preparation" is not shown: its dates cannot be worked out: ` + reason}, "phase-preparation"},
		{"ics", []string{"UID:phase-disclosure@"}, []string{`cause2-sep.plan.yaml:324: phase "preparation" is not shown`}, "UID:phase-preparation@"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			r := run(t, dir, nil, "cause2-sep.plan.yaml", "--format", tc.format, "--today", "2025-06-01", "--width", "100")
			if r.err != nil {
				t.Fatalf("exit %d: %v", r.code, r.err)
			}
			for _, want := range tc.out {
				if !strings.Contains(r.out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.out)
				}
			}
			if tc.outLacks != "" && strings.Contains(r.out, tc.outLacks) {
				t.Errorf("stdout should leave out the undated phase (%q):\n%s", tc.outLacks, r.out)
			}
			if tc.errOut == nil && r.errOut != "" {
				t.Errorf("stderr should be empty, got %q", r.errOut)
			}
			for _, want := range tc.errOut {
				if !strings.Contains(r.errOut, want) {
					t.Errorf("stderr lacks %q: %q", want, r.errOut)
				}
			}
		})
	}
}
