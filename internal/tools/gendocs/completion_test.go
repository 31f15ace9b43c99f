package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/app"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/initcmd"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/output"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/testenv"
)

// asPlan makes this test binary act as the plan command when the shell tests run it
// through the completion scripts, so they test this tree's plan without a build step.
const asPlan = "GENDOCS_TEST_AS_PLAN"

func TestMain(m *testing.M) {
	if os.Getenv(asPlan) == "1" {
		os.Exit(app.Main(os.Args[1:], iostreams.System(), cli.BuildInfo{Version: "test"}))
	}
	os.Exit(m.Run())
}

// complete asks plan for completions the way every generated script does, through the
// hidden __complete command, and returns the candidates (without descriptions) and the
// directive.
func complete(t *testing.T, args ...string) ([]string, cobra.ShellCompDirective) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if code := app.Main(append([]string{cobra.ShellCompRequestCmd}, args...), ios, cli.BuildInfo{}); code != 0 {
		t.Fatalf("__complete %q: exit %d\n%s", args, code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	last := lines[len(lines)-1]
	var directive cobra.ShellCompDirective
	if _, err := fmt.Sscanf(last, ":%d", &directive); err != nil {
		t.Fatalf("__complete %q: no directive line in %q", args, out)
	}
	var got []string
	for _, l := range lines[:len(lines)-1] {
		name, _, _ := strings.Cut(l, "\t")
		got = append(got, name)
	}
	return got, directive
}

func TestCompleteTemplates(t *testing.T) {
	got, directive := complete(t, "init", "--template", "")
	list, err := initcmd.Templates()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, tpl := range list {
		want = append(want, tpl.Name)
	}
	if !slices.Equal(got, want) || len(want) < 3 {
		t.Errorf("--template completes %q, want %q", got, want)
	}
	if directive != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("--template directive %d: file names are no template names", directive)
	}
	// cobra leaves prefix filtering to the shell, but the list must hold the match.
	if got, _ := complete(t, "init", "--template", "soft"); !slices.Contains(got, "software-deployment") {
		t.Errorf("--template soft completes %q", got)
	}
}

func TestCompleteRuleIDs(t *testing.T) {
	got, directive := complete(t, "rules", "")
	var want []string
	for _, r := range rules.All() {
		want = append(want, r.ID)
	}
	if !slices.Equal(got, want) || !slices.Contains(got, "phase-too-short") {
		t.Errorf("plan rules completes %q, want %q", got, want)
	}
	if directive != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("plan rules directive %d", directive)
	}
	if got, _ := complete(t, "rules", "phase-too-short", ""); len(got) != 0 {
		t.Errorf("a second rule id is offered: %q", got)
	}
}

func TestCompleteFlagValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--format", ""}, output.Names},
		{[]string{"check", "-f", ""}, output.Names},
		{[]string{"check", "--fail-level", ""}, []string{"error", "warning", "info", "never"}},
		{[]string{"check", "--color", ""}, []string{"auto", "always", "never"}},
	} {
		got, directive := complete(t, tc.args...)
		if !slices.Equal(got, tc.want) || directive != cobra.ShellCompDirectiveNoFileComp {
			t.Errorf("%q completes %q (directive %d), want %q", tc.args, got, directive, tc.want)
		}
	}
}

func TestCompletePlanFiles(t *testing.T) {
	// For file arguments plan names the extensions and the shell lists the files, so
	// directories stay reachable and plan never reads the disk while you type.
	for _, args := range [][]string{{"check", ""}, {"check", "examples/"}} {
		got, directive := complete(t, args...)
		if !slices.Equal(got, []string{"plan.yaml", "plan.yml"}) || directive != cobra.ShellCompDirectiveFilterFileExt {
			t.Errorf("%q completes %q (directive %d), want the plan.yaml and plan.yml filter", args, got, directive)
		}
	}
}

// shellEnv puts a `plan` that runs this test binary first on PATH, in a directory
// holding plans, another YAML file and a subdirectory.
func shellEnv(t *testing.T) (dir string, env []string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the shell tests use POSIX shells")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	wrapper := fmt.Sprintf("#!/bin/sh\n%s=1 exec '%s' \"$@\"\n", asPlan, self)
	if err := os.WriteFile(filepath.Join(bin, "plan"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	for _, name := range []string{"a.plan.yaml", "b.plan.yml", "c.yaml", "sub/d.plan.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("title: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+t.TempDir())
	return dir, env
}

// needShell finds a shell (or a file a shell needs) or skips; under CI=true a missing
// one fails, since CI installs them.
func needShell(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if filepath.IsAbs(name) {
		path, err = name, nil
		if _, statErr := os.Stat(name); statErr != nil {
			err = statErr
		}
	}
	if err != nil {
		testenv.Unavailable(t, fmt.Sprintf("%s not installed (apt-get install bash-completion fish): %v", name, err))
	}
	return path
}

// TestBashCompletion runs the generated bash script the way bash runs it when you
// press TAB, with the bash-completion package it relies on, and reads COMPREPLY.
func TestBashCompletion(t *testing.T) {
	bash := needShell(t, "bash")
	bashCompletion := needShell(t, "/usr/share/bash-completion/bash_completion")
	completions, _ := generate(t)
	dir, env := shellEnv(t)
	script := `
source "$1"
source "$2"
complete_line() {
	COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
	read -ra COMP_WORDS <<<"$1"
	[[ "$1" == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
	COMPREPLY=()
	__start_plan 2>/dev/null
	printf '%s\n' "${COMPREPLY[@]}" | sort
}
complete_line "$3"
`
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"plan init --template ", []string{"blank", "ess10", "minimal", "online-engagement", "software-deployment"}},
		{"plan init --template on", []string{"online-engagement"}},
		{"plan rules phase-t", []string{"phase-too-short"}},
		{"plan check --format ", []string{"github", "json", "junit", "sarif", "text"}},
		{"plan check --format s", []string{"sarif"}},
		// Plan files and directories, not other YAML.
		{"plan check ", []string{"a.plan.yaml", "b.plan.yml", "sub"}},
		{"plan ch", []string{"check"}},
	} {
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script, "bash", bashCompletion, filepath.Join(completions, "plan.bash"), tc.line)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", tc.line, err, out)
		}
		got := strings.Fields(string(out))
		if !slices.Equal(got, tc.want) {
			t.Errorf("bash completes %q to %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestFishCompletion asks fish itself (complete -C) what it would offer.
func TestFishCompletion(t *testing.T) {
	fish := needShell(t, "fish")
	completions, _ := generate(t)
	dir, env := shellEnv(t)
	for _, tc := range []struct {
		line    string
		want    []string
		exactly bool
	}{
		{"plan init --template ", []string{"blank", "ess10", "minimal", "online-engagement", "software-deployment"}, true},
		{"plan rules phase-t", []string{"phase-too-short"}, true},
		{"plan check --format ", []string{"github", "json", "junit", "sarif", "text"}, true},
		// cobra's fish script cannot filter by extension, so fish offers every file;
		// the plans must be among them.
		{"plan check ", []string{"a.plan.yaml", "b.plan.yml", "sub/"}, false},
	} {
		cmd := exec.Command(fish, "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, filepath.Join(completions, "plan.fish"), tc.line)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", tc.line, err, out)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			name, _, _ := strings.Cut(l, "\t")
			got = append(got, name)
		}
		slices.Sort(got)
		if tc.exactly && !slices.Equal(got, tc.want) {
			t.Errorf("fish completes %q to %q, want %q", tc.line, got, tc.want)
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("fish completes %q to %q, missing %q", tc.line, got, w)
			}
		}
	}
}
