package git_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/git/gittest"
)

// TestFileAt: a file is read as it was at a commit, from its own directory (a plan in a
// subdirectory, a name with spaces), and a file that did not exist there is no error.
func TestFileAt(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("plans/my plan.plan.yaml", "version: 1\n")
	r.Commit("one")
	first := r.Git("rev-parse", "HEAD")
	r.Write("plans/my plan.plan.yaml", "version: 2\n", "plans/new.plan.yaml", "new\n")
	r.Commit("two")
	path := filepath.Join(r.Dir, "plans", "my plan.plan.yaml")

	data, found, err := git.FileAt(first, path)
	if err != nil || !found || string(data) != "version: 1\n" {
		t.Errorf("FileAt(first) = %q, %v, %v", data, found, err)
	}
	if data, found, err := git.FileAt("HEAD", path); err != nil || !found || string(data) != "version: 2\n" {
		t.Errorf("FileAt(HEAD) = %q, %v, %v", data, found, err)
	}
	if _, found, err := git.FileAt(first, filepath.Join(r.Dir, "plans", "new.plan.yaml")); err != nil || found {
		t.Errorf("a file added later: found %v, %v", found, err)
	}
	commits, err := git.FileCommits(path)
	if err != nil || len(commits) != 2 || commits[1] != first {
		t.Errorf("FileCommits = %v, %v (want newest first, ending with %s)", commits, err, first)
	}
}

func TestCommitAndMergeBase(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "a\n")
	r.Commit("base")
	base := r.Git("rev-parse", "HEAD")
	r.Git("tag", "v1")
	r.Git("checkout", "-q", "-b", "work")
	r.Write("a.plan.yaml", "b\n")
	r.Commit("work")

	if c, err := git.Commit(r.Dir, "v1"); err != nil || c != base {
		t.Errorf("Commit(v1) = %q, %v, want %s", c, err, base)
	}
	for _, bad := range []string{"nosuch", "--output=x"} {
		if _, err := git.Commit(r.Dir, bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("Commit(%q): %v", bad, err)
		}
	}
	if mb, err := git.MergeBase(r.Dir, "main"); err != nil || mb != base {
		t.Errorf("MergeBase(main) = %q, %v, want %s", mb, err, base)
	}
	if _, err := git.MergeBase(r.Dir, "-x"); err == nil {
		t.Error("MergeBase accepted a ref git would read as an option")
	}
	if !slices.Contains(git.Branches(r.Dir), "work") {
		t.Error("the work branch is not listed")
	}
}

// TestUnknownRevision: a mistyped branch is named with the branch it is near, and the
// shallow-clone hint is given only in a shallow clone.
func TestUnknownRevision(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "a\n")
	r.Commit("one")
	r.Write("a.plan.yaml", "b\n")
	r.Commit("two")
	_, err := git.Commit(r.Dir, "mian")
	if err == nil || err.Error() != `"mian" is not a commit in this repository: did you mean main?` {
		t.Errorf("a typo in a full clone: %v", err)
	}
	if _, err := git.Commit(r.Dir, "zzzzzzzz"); err == nil || strings.Contains(err.Error(), "shallow") || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("an unknown name in a full clone: %v", err)
	}
	shallow := filepath.Join(t.TempDir(), "shallow")
	gittest.RunGit(t, r.Dir, "clone", "-q", "--depth=1", "file://"+r.Dir, shallow)
	if !git.IsShallow(shallow) || git.IsShallow(r.Dir) {
		t.Fatal("IsShallow is wrong")
	}
	if _, err := git.Commit(shallow, "HEAD~1"); err == nil || !strings.Contains(err.Error(), "this is a shallow clone: fetch more history") {
		t.Errorf("a commit beyond a shallow clone's history: %v", err)
	}
}
