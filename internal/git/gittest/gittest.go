// Package gittest makes real git repositories in temporary directories for tests.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// Repo is a real git repository in a temporary directory, for the tests of this package
// and of `plan check --changed`.
type Repo struct {
	t   testing.TB
	Dir string
}

// NewRepo runs `git init` on a fresh temporary directory with main as the initial
// branch and a committer identity, so commits work on machines with no git config. It
// isolates git from the user's and the system's configuration for the rest of the test
// (through the environment, so the test must not run in parallel), since a global
// setting such as diff.external or status.showUntrackedFiles would change the answers.
// It skips the test when git is not installed, except under CI=true.
func NewRepo(t testing.TB) *Repo {
	t.Helper()
	Isolate(t)
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("init", "-q", "-b", "main")
	r.Git("config", "user.email", "test@example.org")
	r.Git("config", "user.name", "Test")
	r.Git("config", "commit.gpgsign", "false")
	return r
}

// Isolate points git at an empty global configuration and no system one for the rest
// of the test, and skips the test when git is missing (fails it under CI=true).
func Isolate(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		testenv.Unavailable(t, "git is not installed: "+err.Error())
	}
	empty := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", empty)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

// Git runs git in the repository and returns its trimmed output, failing the test on
// an error.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	return RunGit(r.t, r.Dir, args...)
}

// RunGit runs git in dir and returns its trimmed output, failing the test on an error.
func RunGit(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Write writes files (slash-separated paths relative to the repository, parents
// created) with the given contents, alternating name and content.
func (r *Repo) Write(nameContent ...string) {
	r.t.Helper()
	for i := 0; i+1 < len(nameContent); i += 2 {
		p := filepath.Join(r.Dir, filepath.FromSlash(nameContent[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(nameContent[i+1]), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit stages everything and commits it.
func (r *Repo) Commit(msg string) {
	r.t.Helper()
	r.Git("add", "-A")
	r.Git("commit", "-q", "-m", msg)
}
