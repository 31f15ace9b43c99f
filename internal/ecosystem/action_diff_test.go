package ecosystem

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestActionDiffComment runs the action's diff step as the runner would, in a pull
// request's checkout (a repository with the base branch as origin/main), with a fake gh
// that records what it is asked to post.
func TestActionDiffComment(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("runs the step with a POSIX bash")
	}
	bash, errBash := exec.LookPath("bash")
	_, errGit := exec.LookPath("git")
	if errBash != nil || errGit != nil {
		t.Skip("bash or git not installed")
	}
	var step actionStep
	for _, s := range loadAction(t).Runs.Steps {
		if s.ID == "diff" {
			step = s
		}
	}
	if step.Run == "" || step.Env["PLAN_DIFF_COMMENT"] != "${{ inputs.diff-comment }}" {
		t.Fatalf("no diff step reading the diff-comment input: %+v", step)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, logDir := t.TempDir(), t.TempDir()
	write := func(path, data string, mode os.FileMode) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(bin, "plan"), fmt.Sprintf("#!/bin/sh\n%s=1 exec '%s' \"$@\"\n", asPlan, self), 0o755)
	// gh lists no earlier comment, and keeps the arguments and the body of what it posts.
	write(filepath.Join(bin, "gh"), `#!/bin/sh
echo "$@" >>"$GH_LOG/calls"
for a in "$@"; do case "$a" in body=@*) cat "${a#body=@}" >"$GH_LOG/body";; esac; done
`, 0o755)
	script := filepath.Join(t.TempDir(), "step.sh")
	write(script, step.Run, 0o644)

	ws := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_NOSYSTEM=1", "HOME="+ws)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	good, err := os.ReadFile(filepath.Join(repoRoot, "examples", "school-software-rollout.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	git("init", "-q", "-b", "main")
	write(filepath.Join(ws, "plans", "rollout.plan.yaml"), string(good), 0o644)
	write(filepath.Join(ws, "notes.md"), "notes\n", 0o644)
	git("add", ".")
	git("commit", "-q", "-m", "base")
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	write(filepath.Join(ws, "plans", "rollout.plan.yaml"), strings.Replace(string(good), "  - id: ", "  - id: new-", 1), 0o644)
	write(filepath.Join(ws, "notes.md"), "more notes\n", 0o644)
	git("commit", "-q", "-a", "-m", "change")

	run := func(t *testing.T, comment string, env ...string) (string, string) {
		t.Helper()
		_ = os.Remove(filepath.Join(logDir, "calls"))
		_ = os.Remove(filepath.Join(logDir, "body"))
		cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GH_LOG="+logDir, "NO_COLOR=1", "PLAN_CONFIG=", "PLAN_DIFF_COMMENT="+comment,
			"GITHUB_REPOSITORY=org/repo", "HOME="+ws, "GIT_CONFIG_NOSYSTEM=1")
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("the step failed: %v\n%s", err, out)
		}
		calls, _ := os.ReadFile(filepath.Join(logDir, "calls"))
		body, _ := os.ReadFile(filepath.Join(logDir, "body"))
		return string(calls), string(body)
	}
	pr := []string{"GITHUB_REF=refs/pull/7/merge", "GITHUB_BASE_REF=main"}

	t.Run("off by default", func(t *testing.T) {
		if calls, _ := run(t, "false", pr...); calls != "" {
			t.Errorf("gh called with diff-comment off:\n%s", calls)
		}
	})
	t.Run("not a pull request", func(t *testing.T) {
		if calls, _ := run(t, "true", "GITHUB_REF=refs/heads/main", "GITHUB_BASE_REF="); calls != "" {
			t.Errorf("gh called outside a pull request:\n%s", calls)
		}
	})
	t.Run("posts the changed plans' diff", func(t *testing.T) {
		calls, body := run(t, "true", pr...)
		if !strings.Contains(calls, "-X POST repos/org/repo/issues/7/comments") {
			t.Errorf("no comment posted:\n%s", calls)
		}
		for _, want := range []string{"<!-- plan diff -->\n", "### Plan changes: plans/rollout.plan.yaml", "compared with origin/main", "**Added** `new-"} {
			if !strings.Contains(body, want) {
				t.Errorf("the comment lacks %q:\n%s", want, body)
			}
		}
		if strings.Contains(body, "notes.md") {
			t.Errorf("the comment covers a file that is no plan:\n%s", body)
		}
	})
}
