package checkcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/iostreams"
)

// runSummary runs plan check -f github in dir with GITHUB_STEP_SUMMARY set to summary.
func runSummary(t *testing.T, dir, summary string, args ...string) (code int, stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	}}
	cmd := checkcmd.NewCmd(env, nil)
	cmd.SetArgs(append([]string{"-f", "github"}, args...))
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err = cmd.Execute()
	return cli.Code(err), out.String(), errOut.String(), err
}

// TestStepSummary: plan check, not the formatter, appends the summary after what other
// steps wrote; the annotations on stdout are the same with or without it.
func TestStepSummary(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("earlier step output"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, with, _, err := runSummary(t, dir, path, ".")
	_, without, _, _ := runSummary(t, dir, "", ".")
	if code != cli.ExitFindings || with != without {
		t.Errorf("exit %d (%v); stdout with a summary:\n%s\nwithout:\n%s", code, err, with, without)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "earlier step output\n## plan check\n\n") || !strings.Contains(string(got), "a.plan.yaml | 1 | error |") {
		t.Errorf("summary:\n%s", got)
	}

	// A summary that cannot be written is the environment's problem: exit 2, and the
	// annotations still come first.
	code, stdout, _, err := runSummary(t, dir, filepath.Join(dir, "missing", "summary.md"), ".")
	if code != cli.ExitBadInput || !strings.HasPrefix(err.Error(), "writing GitHub step summary: ") || !strings.HasSuffix(stdout, " in 1 file\n") {
		t.Errorf("unwritable summary: exit %d, %v, stdout %q", code, err, stdout)
	}
}

// TestStepSummaryNotIntoAPlan: GITHUB_STEP_SUMMARY naming one of the plans checked, by
// any name (here a hard link), leaves the plan alone and says so (exit 2).
func TestStepSummaryNotIntoAPlan(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(plan, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "summary.md")
	if err := os.Link(plan, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	code, _, _, err := runSummary(t, dir, link, ".")
	if code != cli.ExitBadInput || err == nil || err.Error() != "GITHUB_STEP_SUMMARY names a.plan.yaml, a plan being checked: no step summary written" {
		t.Errorf("exit %d, %v", code, err)
	}
	if got, _ := os.ReadFile(plan); string(got) != broken {
		t.Errorf("the plan was written to:\n%s", got)
	}
}
