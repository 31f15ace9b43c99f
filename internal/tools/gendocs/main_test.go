package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// generate runs gendocs as the release does, into a fresh directory.
func generate(t *testing.T, args ...string) (completions, manpages string) {
	t.Helper()
	dir := t.TempDir()
	completions, manpages = filepath.Join(dir, "completions"), filepath.Join(dir, "manpages")
	var stderr bytes.Buffer
	getenv := func(string) string { return "" }
	if err := run(append(args, completions, manpages), getenv, &stderr); err != nil {
		t.Fatalf("gendocs: %v\n%s", err, stderr.String())
	}
	return completions, manpages
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestManPagePerCommand(t *testing.T) {
	_, manpages := generate(t, "-version", "v1.2.3", "-date", "2027-03-01")

	// Every command a user can run has a page named the way man(1) looks it up:
	// `man plan-check` for `plan check`.
	var want []string
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() || c.IsAdditionalHelpTopicCommand() {
			return
		}
		if c.Name() == "help" {
			return
		}
		want = append(want, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(rootCmd("1.2.3"))
	slices.Sort(want)
	got := names(t, manpages)
	if !slices.Equal(got, want) {
		t.Errorf("man pages:\n got %q\nwant %q", got, want)
	}
	for _, must := range []string{"plan.1", "plan-check.1", "plan-init.1", "plan-rules.1", "plan-schema.1", "plan-version.1", "plan-completion.1"} {
		if !slices.Contains(got, must) {
			t.Errorf("no %s", must)
		}
	}

	page := read(t, filepath.Join(manpages, "plan-check.1"))
	for _, s := range []string{
		`.TH "PLAN" "1" "Mar 2027" "plan 1.2.3" "plan manual"`,
		"plan-check - Find what a plan lacks",
		`\fB--changed\fP`,
		`\fB-f\fP, \fB--format\fP="text"`,
		// The builder's CPU count is not the reader's default.
		`\fB--jobs\fP=number of CPUs`,
		`\fBplan(1)\fP`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("plan-check.1 lacks %q", s)
		}
	}
	if strings.Contains(page, "Auto generated") {
		t.Error("plan-check.1 has the generator's dated tag")
	}
}

func TestReproducible(t *testing.T) {
	_, first := generate(t, "-version", "1.0.0", "-date", "2027-03-01T10:00:00Z")
	_, second := generate(t, "-version", "v1.0.0", "-date", "2027-03-01")
	if a, b := names(t, first), names(t, second); len(a) == 0 || !slices.Equal(a, b) {
		t.Fatalf("the two runs wrote %q and %q", a, b)
	}
	for _, name := range names(t, first) {
		if read(t, filepath.Join(first, name)) != read(t, filepath.Join(second, name)) {
			t.Errorf("%s differs between two runs for the same version and date", name)
		}
	}
}

func TestStalePagesRemoved(t *testing.T) {
	completions, manpages := generate(t)
	stale := filepath.Join(manpages, "plan-gone.1")
	other := filepath.Join(manpages, "README")
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := run([]string{completions, manpages}, func(string) string { return "" }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a page of a command that no longer exists was kept")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file gendocs did not write was removed")
	}
}

func TestCompletionScripts(t *testing.T) {
	completions, _ := generate(t)
	want := map[string]string{
		"plan.bash": "complete -o default -F __start_plan plan",
		"_plan":     "#compdef plan",
		"plan.fish": "complete -c plan",
		"plan.ps1":  "Register-ArgumentCompleter",
	}
	if got := names(t, completions); len(got) != len(want) {
		t.Errorf("completion files: %q", got)
	}
	for name, marker := range want {
		script := read(t, filepath.Join(completions, name))
		if !strings.Contains(script, marker) {
			t.Errorf("%s lacks %q", name, marker)
		}
		// Every script asks plan itself for candidates, so they complete what the
		// installed version knows.
		if !strings.Contains(script, "__complete") {
			t.Errorf("%s does not call plan __complete", name)
		}
	}
}

func TestDocDate(t *testing.T) {
	for _, tc := range []struct {
		flag, epoch string
		want        string
		bad         bool
	}{
		{flag: "2027-03-01", want: "2027-03-01"},
		{flag: "2027-03-01T23:30:00-05:00", want: "2027-03-02"},
		{flag: "2027-03-01", epoch: "0", want: "2027-03-01"},
		{epoch: "1800000000", want: "2027-01-15"},
		{flag: "March", bad: true},
		{epoch: "soon", bad: true},
	} {
		got, err := docDate(tc.flag, tc.epoch)
		if tc.bad {
			if err == nil {
				t.Errorf("docDate(%q, %q) accepted", tc.flag, tc.epoch)
			}
			continue
		}
		if err != nil || got.Format(time.DateOnly) != tc.want {
			t.Errorf("docDate(%q, %q) = %v, %v; want %s", tc.flag, tc.epoch, got, err, tc.want)
		}
	}
	if err := run([]string{"only-one"}, func(string) string { return "" }, &bytes.Buffer{}); err == nil {
		t.Error("one directory accepted")
	}
}
