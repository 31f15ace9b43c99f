package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// gitIn runs git in dir with a fixed identity and dates, so that the test does not
// depend on the machine's git configuration.
func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org",
		"GIT_AUTHOR_DATE=2027-02-26T10:00:00Z", "GIT_COMMITTER_DATE=2027-02-26T10:00:00Z",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestLookupGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testenv.Unavailable(t, "git is not installed; LookupGit then returns nil, which TestLookupGitOutsideARepository covers")
	}
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q")
	sub := filepath.Join(dir, "plans")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, "a plan.plan.yaml")
	if err := os.WriteFile(file, []byte("schema_version: 1\ntitle: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	if g := LookupGit(file); g == nil || g.Commit != "" || !g.Untracked || !g.Modified {
		t.Errorf("an untracked file: %+v", g)
	}
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "add the plan")
	head := gitIn(t, dir, "rev-parse", "HEAD")
	g := LookupGit(file)
	if g == nil || g.Commit != head || g.Date.String() != "2027-02-26" || g.Modified || g.Untracked {
		t.Fatalf("a committed file: %+v, want commit %s of 2027-02-26, unmodified", g, head)
	}
	if g.ShortCommit() != head[:12] {
		t.Errorf("ShortCommit = %q", g.ShortCommit())
	}
	// A later commit that does not touch the plan is not its last change.
	if err := os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "something else")
	if g := LookupGit(file); g == nil || g.Commit != head {
		t.Errorf("after an unrelated commit: %+v, want %s", g, head)
	}
	if err := os.WriteFile(file, []byte("schema_version: 1\ntitle: B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if g := LookupGit(file); g == nil || g.Commit != head || !g.Modified || g.Untracked {
		t.Errorf("a modified file: %+v", g)
	}
}

func TestLookupGitOutsideARepository(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(file, []byte("schema_version: 1\ntitle: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if g := LookupGit(file); g != nil {
		t.Errorf("a file outside any repository: %+v, want nil", g)
	}
	t.Setenv("PATH", "")
	if g := LookupGit(file); g != nil {
		t.Errorf("without git: %+v, want nil", g)
	}
}
