package initcmd

import (
	"fmt"
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
