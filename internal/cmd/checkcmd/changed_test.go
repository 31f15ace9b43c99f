package checkcmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/git/gittest"
	"github.com/planascode/plan/internal/iostreams"
)

// broken is a plan with exactly one finding (the title is missing), so the JSON report
// names every file that was checked.
const broken = "schema_version: 1\n"

type result struct {
	code           int
	stdout, stderr string
}

// run runs `plan check` in dir with the given flags and arguments.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

// runEnv is run with the environment variables vars and no others.
func runEnv(t *testing.T, dir string, vars map[string]string, args ...string) result {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(k string) string { return vars[k] }}
	cmd := checkcmd.NewCmd(env, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	if err != nil && cli.Code(err) != cli.ExitFindings {
		errOut.WriteString("plan: " + err.Error() + "\n")
	}
	return result{cli.Code(err), out.String(), errOut.String()}
}

// checked returns the files a JSON report has findings for, sorted.
func checked(t *testing.T, r result) []string {
	t.Helper()
	var report struct {
		Files    int
		Findings []struct{ File string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, r.stdout)
	}
	var files []string
	for _, f := range report.Findings {
		files = append(files, f.File)
	}
	slices.Sort(files)
	if report.Files != len(files) {
		t.Errorf("report counts %d files but has findings for %q", report.Files, files)
	}
	return files
}

// branchRepo has plans on main and a feature branch that changes some of them, adds
// one under a subdirectory, renames one, deletes one and leaves one untracked.
func branchRepo(t *testing.T) *gittest.Repo {
	r := gittest.NewRepo(t)
	r.Write(
		"a.plan.yaml", broken,
		"b.plan.yaml", broken,
		"old.plan.yaml", broken,
		"gone.plan.yaml", broken,
		"team/c.plan.yml", broken,
		"README.md", "# plans\n",
	)
	r.Commit("main")
	r.Git("checkout", "-q", "-b", "feature")
	r.Write("a.plan.yaml", broken+"# edited\n", "team/new.plan.yaml", broken, "README.md", "# edited\n")
	r.Git("mv", "old.plan.yaml", "renamed.plan.yaml")
	r.Git("rm", "-q", "gone.plan.yaml")
	r.Commit("feature")
	r.Write("untracked.plan.yml", broken)
	return r
}

func TestChangedChecksOnlyChangedPlans(t *testing.T) {
	r := branchRepo(t)

	all := run(t, r.Dir, "-f", "json")
	if got := checked(t, all); len(got) != 6 {
		t.Fatalf("without --changed every plan is checked, got %q", got)
	}

	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"default base", []string{"--changed"}, []string{"a.plan.yaml", "renamed.plan.yaml", "team/new.plan.yaml", "untracked.plan.yml"}},
		{"explicit base", []string{"--changed", "--base", "main"}, []string{"a.plan.yaml", "renamed.plan.yaml", "team/new.plan.yaml", "untracked.plan.yml"}},
		{"--base implies --changed", []string{"--base", "main"}, []string{"a.plan.yaml", "renamed.plan.yaml", "team/new.plan.yaml", "untracked.plan.yml"}},
		{"under a path argument", []string{"--changed", "team"}, []string{"team/new.plan.yaml"}},
		{"a named file that changed", []string{"--changed", "a.plan.yaml", "b.plan.yaml"}, []string{"a.plan.yaml"}},
		{"base is the feature branch itself", []string{"--changed", "--base", "HEAD"}, []string{"untracked.plan.yml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, r.Dir, append([]string{"-f", "json"}, tc.args...)...)
			if res.code != cli.ExitFindings {
				t.Fatalf("exit %d, want 1 (every plan here has a finding)\n%s", res.code, res.stderr)
			}
			if got := checked(t, res); !slices.Equal(got, tc.want) {
				t.Errorf("checked %q, want %q", got, tc.want)
			}
		})
	}
}

// TestChangedRecords: a branch that only adds a record has its plan checked with it, in
// the default records folder or the one the plan names; a plan whose records did not
// change is not.
func TestChangedRecords(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write(
		"a.plan.yaml", broken,
		// A plan must load for its records: key to be read; this one has findings too.
		"b.plan.yaml", "schema_version: 1\ntitle: B\nrecords: log\n",
		"c.plan.yaml", broken,
		"c.records/2027-03-01-x.record.yaml", "schema_version: 1\ndate: 2027-03-01\n",
	)
	r.Commit("main")
	r.Git("checkout", "-q", "-b", "feature")
	r.Write("a.records/2027-03-04-drop-in.record.yaml", "schema_version: 1\ndate: 2027-03-04\n")
	r.Commit("a record")
	r.Write("log/2027/2027-03-05-call.record.yml", "schema_version: 1\ndate: 2027-03-05\n", "c.records/notes.md", "not a record\n")

	res := run(t, r.Dir, "-f", "json", "--changed", "--base", "main")
	var report struct {
		Files    int
		Findings []struct{ File string }
	}
	if err := json.Unmarshal([]byte(res.stdout), &report); err != nil {
		t.Fatalf("not a JSON report: %v\n%s", err, res.stdout)
	}
	var got []string
	for _, f := range report.Findings {
		if !slices.Contains(got, f.File) {
			got = append(got, f.File)
		}
	}
	slices.Sort(got)
	if report.Files != 2 || !slices.Equal(got, []string{"a.plan.yaml", "b.plan.yaml"}) {
		t.Errorf("checked %d files, with findings in %q; want the two plans whose records changed", report.Files, got)
	}
}

func TestChangedFromSubdirectory(t *testing.T) {
	r := branchRepo(t)
	res := run(t, filepath.Join(r.Dir, "team"), "-f", "json", "--changed")
	if got := checked(t, res); !slices.Equal(got, []string{"new.plan.yaml"}) {
		t.Errorf("checked %q from team/, want only its changed plan, named relative to it", got)
	}
}

func TestChangedNothingChanged(t *testing.T) {
	r := branchRepo(t)
	r.Commit("everything committed")
	// Only a non-plan file differs from the feature branch's tip.
	r.Write("README.md", "# edited again\n")

	res := run(t, r.Dir, "--changed", "--base", "HEAD")
	if res.code != cli.ExitOK || res.stdout != "no changed plan files\n" || res.stderr != "" {
		t.Errorf("text: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	res = run(t, r.Dir, "--changed", "--base", "HEAD", "-f", "github")
	if res.code != cli.ExitOK || res.stdout != "no changed plan files\n" {
		t.Errorf("github: exit %d, stdout %q", res.code, res.stdout)
	}
	// Machine-readable reports stay parseable: an empty report, the note on stderr.
	res = run(t, r.Dir, "--changed", "--base", "HEAD", "-f", "json")
	if res.code != cli.ExitOK || len(checked(t, res)) != 0 || res.stderr != "plan: no changed plan files\n" {
		t.Errorf("json: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	res = run(t, r.Dir, "--changed", "--base", "HEAD", "-f", "sarif")
	var sarif struct {
		Version string
		Runs    []struct{ Results []any }
	}
	if err := json.Unmarshal([]byte(res.stdout), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 0 {
		t.Errorf("sarif: exit %d, %v, stdout %q", res.code, err, res.stdout)
	}
	res = run(t, r.Dir, "--changed", "--base", "HEAD", "-f", "junit")
	if res.code != cli.ExitOK || !strings.HasPrefix(res.stdout, "<?xml") {
		t.Errorf("junit: exit %d, stdout %q", res.code, res.stdout)
	}
}

func TestChangedErrors(t *testing.T) {
	r := branchRepo(t)
	notRepo := t.TempDir()
	if err := os.WriteFile(filepath.Join(notRepo, "a.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, dir string
		args      []string
		want      string
	}{
		{"not a repository", notRepo, []string{"--changed"}, " is not in a git repository: --changed reads its history with git"},
		{"unknown base", r.Dir, []string{"--changed", "--base", "no-such-branch"}, "git merge-base no-such-branch HEAD: fatal: "},
		{"standard input", r.Dir, []string{"--changed", "-"}, "--changed cannot be used with standard input"},
		// A mistyped path must not pass as "nothing changed".
		{"base that looks like an option", r.Dir, []string{"--changed", "--base=--output=x"}, `"--output=x" is not a branch or commit`},
		{"missing path", r.Dir, []string{"--changed", "--base", "HEAD", "typo-dir/"}, "typo-dir: no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, tc.dir, tc.args...)
			if res.code != cli.ExitBadInput || !strings.Contains(res.stderr, tc.want) || res.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", res.code, res.stdout, res.stderr, tc.want)
			}
		})
	}
}

func TestChangedDefaultBaseIsUpstream(t *testing.T) {
	origin := gittest.NewRepo(t)
	origin.Write("a.plan.yaml", broken)
	origin.Commit("main")
	origin.Git("checkout", "-q", "-b", "release")
	origin.Write("r.plan.yaml", broken)
	origin.Commit("release adds a plan")
	origin.Git("checkout", "-q", "main")

	clone := filepath.Join(t.TempDir(), "clone")
	gittest.RunGit(t, origin.Dir, "clone", "-q", origin.Dir, clone)
	gittest.RunGit(t, clone, "checkout", "-q", "-b", "fix", "--track", "origin/release")
	if err := os.WriteFile(filepath.Join(clone, "fix.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}

	// Compared with the upstream (origin/release), r.plan.yaml is not this branch's.
	if got := checked(t, run(t, clone, "-f", "json", "--changed")); !slices.Equal(got, []string{"fix.plan.yaml"}) {
		t.Errorf("with an upstream: checked %q", got)
	}
	// Compared with main, it is.
	if got := checked(t, run(t, clone, "-f", "json", "--base", "origin/main")); !slices.Equal(got, []string{"fix.plan.yaml", "r.plan.yaml"}) {
		t.Errorf("--base origin/main: checked %q", got)
	}
	// A pushed branch tracks itself on the remote, which is no base: origin/HEAD is.
	gittest.RunGit(t, clone, "checkout", "-q", "-b", "loose")
	gittest.RunGit(t, clone, "push", "-q", "-u", "origin", "loose")
	gittest.RunGit(t, clone, "branch", "-q", "-D", "main")
	if got := checked(t, run(t, clone, "-f", "json", "--changed")); !slices.Equal(got, []string{"fix.plan.yaml", "r.plan.yaml"}) {
		t.Errorf("a pushed branch, origin/HEAD as base: checked %q", got)
	}
	// A pull request's job names its base in GITHUB_BASE_REF.
	res := runEnv(t, clone, map[string]string{"GITHUB_BASE_REF": "release"}, "-f", "json", "--changed")
	if got := checked(t, res); !slices.Equal(got, []string{"fix.plan.yaml"}) {
		t.Errorf("GITHUB_BASE_REF=release: checked %q", got)
	}
	// With no default branch to be found, the message says what was tried and what to do.
	gittest.RunGit(t, clone, "remote", "remove", "origin")
	res = run(t, clone, "--changed")
	if res.code != cli.ExitBadInput || res.stderr != "plan: no default branch found (tried origin/HEAD, main, master, origin/main, origin/master): name the branch to compare with, e.g. plan check --changed --base fix\n" {
		t.Errorf("no default branch: exit %d, stderr %q", res.code, res.stderr)
	}
}
