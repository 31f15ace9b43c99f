package rendercmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/git/gittest"
)

// TestLookupGit: the footer's GitInfo is git's history of the file (git.FileHistory,
// tested in internal/git), with its date read and its commit shortened as people quote it.
func TestLookupGit(t *testing.T) {
	r := gittest.NewRepo(t)
	t.Setenv("GIT_COMMITTER_DATE", "2027-02-26T10:00:00Z")
	r.Write("a.plan.yaml", "schema_version: 1\ntitle: A\n")
	r.Commit("add the plan")
	head := r.Git("rev-parse", "HEAD")
	g := lookupGit(filepath.Join(r.Dir, "a.plan.yaml"))
	if g == nil || g.Commit != head || g.Date.String() != "2027-02-26" || g.Modified || g.Untracked {
		t.Fatalf("a committed file: %+v, want commit %s of 2027-02-26, unmodified", g, head)
	}
	if g.ShortCommit() != head[:12] {
		t.Errorf("ShortCommit = %q", g.ShortCommit())
	}
}

func TestLookupGitOutsideARepository(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(file, []byte("schema_version: 1\ntitle: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if g := lookupGit(file); g != nil {
		t.Errorf("a file outside any repository: %+v, want nil", g)
	}
	t.Setenv("PATH", "")
	if g := lookupGit(file); g != nil {
		t.Errorf("without git: %+v, want nil", g)
	}
}
