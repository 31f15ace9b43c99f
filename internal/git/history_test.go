package git_test

import (
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/git/gittest"
)

func TestFileHistory(t *testing.T) {
	r := gittest.NewRepo(t)
	// A fixed committer date, so that the date read back is known.
	t.Setenv("GIT_COMMITTER_DATE", "2027-02-26T10:00:00Z")
	r.Write("plans/a plan.plan.yaml", "schema_version: 1\ntitle: A\n")
	file := filepath.Join(r.Dir, "plans", "a plan.plan.yaml")

	if h := git.FileHistory(file); h == nil || h.Commit != "" || !h.Untracked || !h.Modified {
		t.Errorf("an untracked file: %+v", h)
	}
	r.Commit("add the plan")
	head := r.Git("rev-parse", "HEAD")
	if h := git.FileHistory(file); h == nil || h.Commit != head || h.Date != "2027-02-26" || h.Modified || h.Untracked {
		t.Fatalf("a committed file: %+v, want commit %s of 2027-02-26, unmodified", h, head)
	}
	// A later commit that does not touch the plan is not its last change.
	r.Write("other.txt", "x")
	r.Commit("something else")
	if h := git.FileHistory(file); h == nil || h.Commit != head {
		t.Errorf("after an unrelated commit: %+v, want %s", h, head)
	}
	r.Write("plans/a plan.plan.yaml", "schema_version: 1\ntitle: B\n")
	if h := git.FileHistory(file); h == nil || h.Commit != head || !h.Modified || h.Untracked {
		t.Errorf("a modified file: %+v", h)
	}
}
