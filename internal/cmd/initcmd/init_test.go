package initcmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
)

// TestBadFlagsAreUsageErrors: text that would break the scaffold (a second line injects a
// key; a blank title fails the schema) is the user's input to fix, exit 2, and no file is
// written. Before, the broken scaffold surfaced as an internal error.
func TestBadFlagsAreUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"title on two lines", Options{Title: "a\nb"}, "--title must be a single line"},
		{"title with a carriage return", Options{Title: "a\rtitle: b"}, "--title must be a single line"},
		{"blank title", Options{Title: " \t "}, "--title must not be blank"},
		{"schema on two lines", Options{Schema: "x\ntitle: injected"}, "--schema must be a single line"},
		{"schema with a carriage return", Options{Schema: "x\rtitle: injected"}, "--schema must be a single line"},
		{"standard output", Options{File: "-"}, "plan init writes a file, not standard output"},
		{"start too late for the template", Options{Start: "9999-12-01"}, "--start 9999-12-01 is too late: the template's phases would run past 9999-12-31"},
		{"title with a line separator", Options{Title: "a\u2028b"}, "--title must be a single line"},
		{"title that is not UTF-8", Options{Title: "a\xffb"}, "--title is not valid UTF-8"},
		{"schema with a next-line character", Options{Schema: "x\u0085bogus: ["}, "--schema must be a single line"},
		{"not a plan's name", Options{File: "notes.yaml"}, "notes.yaml is not named *.plan.yaml or *.plan.yml, so plan check and the other commands would not find it: name it notes.plan.yaml"},
		{"no extension", Options{File: "plans/cycling"}, "name it plans/cycling.plan.yaml"},
		{"ending in capitals", Options{File: "plans/foo.plan.YAML"}, "plans/foo.plan.YAML is not named *.plan.yaml or *.plan.yml, so plan check and the other commands would not find it: name it plans/foo.plan.yaml"},
		{"a directory yet to be made", Options{File: "plans/"}, "plans/: names a directory; name a file such as plans/engagement.plan.yaml"},
		{"blank lead", Options{Lead: "  "}, "--lead must not be blank"},
		{"lead on two lines", Options{Lead: "Sam\nroles: x"}, "--lead must be a single line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ios, _, _, _ := iostreams.Test()
			opts := tc.opts
			opts.Env = &cli.Env{IO: ios, Dir: dir, Now: func() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
			opts.Template = "minimal"
			if opts.File == "" {
				opts.File = DefaultFile
			}
			if opts.Schema == "" {
				opts.Schema = "plan.schema.json"
			}
			err := Run(&opts)
			if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Run = %v (exit %d), want exit 2 saying %q", err, cli.Code(err), tc.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				t.Errorf("files written: %v", entries)
			}
			if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
				t.Error(`a file named "-" was written`)
			}
		})
	}
}

func TestPlanName(t *testing.T) {
	for name, want := range map[string]string{
		"notes":          "notes.plan.yaml",
		"notes.yaml":     "notes.plan.yaml",
		"notes.yml":      "notes.plan.yml",
		"notes.plan":     "notes.plan.yaml",
		"cycling.plan.x": "cycling.plan.x.plan.yaml",
		"a.plan.yaml":    "a.plan.yaml",
		"foo.plan.YAML":  "foo.plan.yaml",
		"notes.YML":      "notes.plan.yml",
		"a.Plan.Yml":     "a.plan.yml",
		"notes.PLAN":     "notes.plan.yaml",
	} {
		if got := PlanName(name); got != want {
			t.Errorf("PlanName(%q) = %q, want %q", name, got, want)
		}
	}
}

// placeholderText is a "[...]" placeholder as the templates write them, quoted.
var placeholderText = regexp.MustCompile(`"\[[^"\]]*\]"`)

// TestMinimalTemplatePassesOnceFilled: a new user who fills in every placeholder of the
// minimal template, and sets the date it asks for, gets a plan that passes plan check
// with no error or warning. A run that did exactly that once got 5 errors and 11 warnings,
// all about sections the template does not have.
func TestMinimalTemplatePassesOnceFilled(t *testing.T) {
	dir := t.TempDir()
	ios, _, _, _ := iostreams.Test()
	opts := Options{
		Env:      &cli.Env{IO: ios, Dir: dir, Now: func() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }},
		File:     DefaultFile,
		Template: "minimal",
		Title:    "Library opening hours",
		Start:    "2027-03-01",
		Schema:   "plan.schema.json",
	}
	if err := Run(&opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	filled := placeholderText.ReplaceAllStringFunc(string(data), func(string) string {
		n++
		return fmt.Sprintf(`"Filled in by a new user, %d"`, n)
	})
	filled, dates := strings.Replace(filled, "# time_related: YYYY-MM-DD", "time_related: 2027-04-30 #", 1), strings.Count(filled, "YYYY-MM-DD")
	if n == 0 || dates != 1 {
		t.Fatalf("filled %d placeholders and found %d dates to set; the template changed:\n%s", n, dates, data)
	}
	if !strings.Contains(filled, "\nprofile: first-plan\n") {
		t.Errorf("the minimal template should name the profile made for it:\n%s", filled)
	}
	for _, f := range lint.New(config.Default()).CheckBytes(DefaultFile, []byte(filled)) {
		if f.Severity >= diag.Warning {
			t.Errorf("%s", f)
		}
	}
}

// TestExistingAndNewDirectoriesGetOneAdvice: a FILE ending in a separator is a directory
// whether or not it exists yet, and both are told to name the same file in it. A new one
// used to be told to name a plan after the directory, "plans/plans.plan.yaml".
func TestExistingAndNewDirectoriesGetOneAdvice(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"old/", "new/"} {
		ios, _, _, _ := iostreams.Test()
		opts := Options{Env: &cli.Env{IO: ios, Dir: dir, Now: func() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }},
			File: name, Template: "minimal", Schema: "plan.schema.json"}
		err := Run(&opts)
		want := "name a file such as " + filepath.Join(name, DefaultFile)
		if cli.Code(err) != cli.ExitBadInput || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("plan init %s = %v (exit %d), want exit 2 ending %q", name, err, cli.Code(err), want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); err == nil {
		t.Error("plan init new/ made the directory")
	}
}

// TestShortForceIsAnswered: -f was --force once, and a user who types it learns the flag
// that overwrites now rather than only that -f is unknown.
func TestShortForceIsAnswered(t *testing.T) {
	for _, args := range [][]string{{"-f"}, {"-f", "x.plan.yaml"}, {"x.plan.yaml", "-f"}} {
		ios, _, _, _ := iostreams.Test()
		cmd := NewCmd(&cli.Env{IO: ios, Dir: t.TempDir()}, func(*Options) error { return nil })
		cmd.SetArgs(args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		const want = "-f is not a flag of plan init: to overwrite, use --force"
		if cli.Code(err) != cli.ExitBadInput || err.Error() != want {
			t.Errorf("plan init %s = %v (exit %d), want exit 2 saying %q", strings.Join(args, " "), err, cli.Code(err), want)
		}
	}
}

// TestHelpIsTrueOfEveryTemplate: what plan init --help says of "the templates" holds for
// each one, or the help names the template it does not hold for. It once promised that
// every scaffold fails plan check until its placeholders are filled in, which the blank
// template given --title and --lead has none of, and that the phases last 4, 1, 6 and 2
// weeks, which ess10's do not.
func TestHelpIsTrueOfEveryTemplate(t *testing.T) {
	help := NewCmd(&cli.Env{}, nil).Long
	flat := strings.Join(strings.Fields(help), " ")
	claimed := regexp.MustCompile(`(planning|launch|engagement|close) (\d+) weeks`).FindAllStringSubmatch(flat, -1)
	list, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range list {
		data, p, err := Scaffold(tmpl, Data{Title: "Library hours", Lead: "Sam Lee", Start: "2027-03-01", SchemaURL: "plan.schema.json", Profile: tmpl.Profile})
		if err != nil {
			t.Fatal(err)
		}
		named := strings.Contains(flat, "The "+tmpl.Name+" template")
		if !placeholderText.Match(data) && !named {
			t.Errorf("the %s template given --title and --lead has no placeholder, and the help does not say so", tmpl.Name)
		}
		var phases []plan.Phase
		if p.Timeline != nil {
			phases = p.Timeline.Phases
		}
		if len(phases) == 0 && !named {
			t.Errorf("the %s template has no timeline phases, and the help does not say so", tmpl.Name)
		}
		for _, c := range claimed {
			for _, ph := range phases {
				if ph.Kind == c[1] && fmt.Sprint(ph.Weeks) != c[2] {
					t.Errorf("the help says the %s phase is %s weeks; the %s template's is %d", c[1], c[2], tmpl.Name, ph.Weeks)
				}
			}
		}
	}
}
