package git_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/git/gittest"
)

// rel turns the absolute paths Changed returns back into slash-separated paths relative
// to the repository, sorted, so expectations read like `git status`.
func rel(t *testing.T, c *git.Changes) []string {
	t.Helper()
	var out []string
	for _, f := range c.Files {
		r, err := filepath.Rel(c.Root, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	slices.Sort(out)
	return out
}

// featureRepo is main with four plans and a note, then a feature branch that modifies,
// adds, renames and deletes plans while main moves on, then leaves one change staged,
// one unstaged, one untracked and one ignored.
func featureRepo(t *testing.T) *gittest.Repo {
	r := gittest.NewRepo(t)
	r.Write(
		"a.plan.yaml", "title: a\n",
		"b.plan.yaml", "title: b\n",
		"docs/c.plan.yaml", "title: c\n",
		"docs/keep.plan.yaml", "title: keep\n",
		"staged.plan.yaml", "title: staged\n",
		"unstaged.plan.yml", "title: unstaged\n",
		"notes.md", "# notes\n",
		".gitignore", "ignored.plan.yaml\n",
	)
	r.Commit("main: initial plans")
	r.Git("checkout", "-q", "-b", "feature")
	r.Write("a.plan.yaml", "title: a, changed\n", "new plan é.plan.yaml", "title: new\n")
	r.Commit("feature: change a, add a plan with a space and an accent in its name")
	r.Write("sub/.keep", "")
	r.Git("mv", "b.plan.yaml", "sub/b2.plan.yml")
	r.Git("rm", "-q", "docs/c.plan.yaml")
	r.Commit("feature: rename b, delete c")
	r.Git("checkout", "-q", "main")
	r.Write("main-only.plan.yaml", "title: only on main\n", "docs/keep.plan.yaml", "title: changed on main\n")
	r.Commit("main moves on")
	r.Git("checkout", "-q", "feature")
	r.Write("staged.plan.yaml", "title: staged, changed\n")
	r.Git("add", "staged.plan.yaml")
	r.Write(
		"unstaged.plan.yml", "title: unstaged, changed\n",
		"untracked.plan.yaml", "title: untracked\n",
		"ignored.plan.yaml", "title: ignored\n",
	)
	return r
}

func TestChangedSinceMergeBase(t *testing.T) {
	r := featureRepo(t)
	c, err := git.Changed(r.Dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	// Deleted files are gone, the ignored file is ignored, and what main did after the
	// branch point (main-only, docs/keep) is not the branch's change.
	want := []string{"a.plan.yaml", "new plan é.plan.yaml", "staged.plan.yaml", "sub/.keep", "sub/b2.plan.yml", "unstaged.plan.yml", "untracked.plan.yaml"}
	if got := rel(t, c); !slices.Equal(got, want) {
		t.Errorf("changed files:\n got %q\nwant %q", got, want)
	}
	if c.Base != "main" || len(c.MergeBase) != 40 {
		t.Errorf("Base, MergeBase = %q, %q", c.Base, c.MergeBase)
	}
	if wantMB := r.Git("rev-parse", "feature~2"); c.MergeBase != wantMB {
		t.Errorf("MergeBase = %s, want the branch point %s", c.MergeBase, wantMB)
	}
}

func TestChangedFromSubdirectory(t *testing.T) {
	r := featureRepo(t)
	sub := filepath.Join(r.Dir, "sub")
	c, err := git.Changed(sub, "main")
	if err != nil {
		t.Fatal(err)
	}
	// The whole work tree's changes, whichever directory git runs in: filtering by
	// path arguments is the caller's job.
	if got := rel(t, c); len(got) != 7 {
		t.Errorf("changed files from a subdirectory: %q", got)
	}
	// Contains takes paths relative to the process's directory, with or without
	// symlinks on the way (a temp dir under /var on macOS is /private/var to git).
	t.Chdir(sub)
	if !c.Contains("b2.plan.yml") || !c.Contains(filepath.Join("..", "a.plan.yaml")) {
		t.Error("Contains misses changed files given relative to a subdirectory")
	}
	if c.Contains(filepath.Join("..", "notes.md")) || c.Contains(filepath.Join("..", "docs", "keep.plan.yaml")) {
		t.Error("Contains reports unchanged files")
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(r.Dir, link); err == nil && !c.Contains(filepath.Join(link, "a.plan.yaml")) {
		t.Error("Contains misses a changed file reached through a symlinked directory")
	}
}

func TestChangedOnTheBaseItself(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "title: a\n")
	r.Commit("one")
	c, err := git.Changed(r.Dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Files) != 0 {
		t.Errorf("a clean main has changes: %q", c.Files)
	}
	r.Write("a.plan.yaml", "title: edited\n")
	if c, err = git.Changed(r.Dir, "main"); err != nil || !slices.Equal(rel(t, c), []string{"a.plan.yaml"}) {
		t.Errorf("an uncommitted edit on main: %v, %v", c, err)
	}
}

// cloneOf clones origin into a new directory with a committer identity.
func cloneOf(t *testing.T, origin *gittest.Repo) string {
	t.Helper()
	clone := filepath.Join(t.TempDir(), "clone")
	gittest.RunGit(t, origin.Dir, "clone", "-q", origin.Dir, clone)
	gittest.RunGit(t, clone, "config", "user.email", "test@example.org")
	gittest.RunGit(t, clone, "config", "user.name", "Test")
	return clone
}

// noEnv is an environment without GITHUB_BASE_REF.
func noEnv(string) string { return "" }

func envWith(key, value string) func(string) string {
	return func(k string) string {
		if k == key {
			return value
		}
		return ""
	}
}

// TestResolveBase: the default branch as a user expects it, on a branch that tracks
// another, a pushed feature branch, a pull request's detached checkout, and a repository
// whose default branch is master.
func TestResolveBase(t *testing.T) {
	origin := gittest.NewRepo(t)
	origin.Write("a.plan.yaml", "title: a\n")
	origin.Commit("one")
	origin.Git("checkout", "-q", "-b", "develop")
	origin.Write("d.plan.yaml", "title: only on develop\n")
	origin.Commit("develop")
	origin.Git("checkout", "-q", "main")
	clone := cloneOf(t, origin)
	resolve := func(ref string, getenv func(string) string) string {
		t.Helper()
		base, err := git.ResolveBase(clone, ref, getenv)
		if err != nil {
			t.Fatalf("ResolveBase(%q): %v", ref, err)
		}
		return base
	}
	// A branch that tracks origin/develop is compared with it, not with main, so the
	// plan develop added is not this branch's change.
	gittest.RunGit(t, clone, "checkout", "-q", "-b", "work", "--track", "origin/develop")
	if got := git.Upstream(clone); got != "origin/develop" {
		t.Errorf("Upstream = %q, want origin/develop", got)
	}
	if got := resolve("", noEnv); got != "origin/develop" {
		t.Errorf("ResolveBase with an upstream = %q, want origin/develop", got)
	}
	if got := resolve("main", noEnv); got != "main" {
		t.Errorf("an explicit base must win over the upstream, got %q", got)
	}
	if err := os.WriteFile(filepath.Join(clone, "w.plan.yaml"), []byte("title: w\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := git.Changed(clone, resolve("", noEnv))
	if err != nil {
		t.Fatal(err)
	}
	if got := rel(t, c); !slices.Equal(got, []string{"w.plan.yaml"}) {
		t.Errorf("changed against the upstream: %q", got)
	}
	// Against main, develop's plan counts too.
	if c, err = git.Changed(clone, "origin/main"); err != nil || !slices.Equal(rel(t, c), []string{"d.plan.yaml", "w.plan.yaml"}) {
		t.Errorf("changed against origin/main: %v, %v", c, err)
	}

	// A pushed feature branch tracks its own copy on the remote: that is no base, or
	// the branch would be compared with itself. origin/HEAD names the default branch.
	gittest.RunGit(t, clone, "checkout", "-q", "-b", "feature", "origin/main")
	gittest.RunGit(t, clone, "push", "-q", "-u", "origin", "feature")
	if got := git.Upstream(clone); got != "origin/feature" {
		t.Fatalf("Upstream = %q, want origin/feature", got)
	}
	if got := resolve("", noEnv); got != "origin/main" {
		t.Errorf("a pushed feature branch: ResolveBase = %q, want origin/main", got)
	}

	// A pull request's checkout: a detached HEAD and no local main. GITHUB_BASE_REF
	// names the base and wins over origin/HEAD.
	gittest.RunGit(t, clone, "checkout", "-q", "--detach", "origin/develop")
	gittest.RunGit(t, clone, "branch", "-q", "-D", "main")
	if got := resolve("", envWith("GITHUB_BASE_REF", "develop")); got != "origin/develop" {
		t.Errorf("GITHUB_BASE_REF=develop: ResolveBase = %q", got)
	}
	if got := resolve("", noEnv); got != "origin/main" {
		t.Errorf("detached, no local main: ResolveBase = %q, want origin/main", got)
	}
	_, err = git.ResolveBase(clone, "", envWith("GITHUB_BASE_REF", "release"))
	if err == nil || !strings.Contains(err.Error(), "origin/release is not in this clone: fetch it (git fetch origin release)") {
		t.Errorf("GITHUB_BASE_REF of a branch not fetched: %v", err)
	}
	// Without origin/HEAD, origin/main is still found.
	gittest.RunGit(t, clone, "remote", "set-head", "origin", "--delete")
	if got := resolve("", noEnv); got != "origin/main" {
		t.Errorf("no origin/HEAD: ResolveBase = %q, want origin/main", got)
	}
}

func TestResolveBaseMasterAndNone(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Git("checkout", "-q", "-b", "master")
	r.Write("a.plan.yaml", "title: a\n")
	r.Commit("one")
	r.Git("checkout", "-q", "-b", "topic")
	if got, err := git.ResolveBase(r.Dir, "", noEnv); err != nil || got != "master" {
		t.Errorf("a repository on master: ResolveBase = %q, %v", got, err)
	}
	r.Git("branch", "-q", "-m", "master", "trunk")
	_, err := git.ResolveBase(r.Dir, "", noEnv)
	var nb *git.NoBaseError
	if !errors.As(err, &nb) || err.Error() != "no default branch found (tried origin/HEAD, main, master, origin/main, origin/master)" {
		t.Errorf("no default branch: %v", err)
	}
	if _, err := git.ResolveBase(t.TempDir(), "", noEnv); !errors.Is(err, git.ErrNotRepository) {
		t.Errorf("outside a repository: %v, want ErrNotRepository", err)
	}
}

func TestBranches(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "title: a\n")
	r.Commit("one")
	r.Git("branch", "feature")
	if got := git.Branches(r.Dir); !slices.Equal(got, []string{"feature", "main"}) {
		t.Errorf("Branches = %q", got)
	}
	if got := git.Branches(t.TempDir()); got != nil {
		t.Errorf("Branches outside a repository = %q", got)
	}
}

func TestChangedErrors(t *testing.T) {
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "title: a\n")
	r.Commit("one")
	for _, tc := range []struct {
		name, dir, base, want string
	}{
		{"not a repository", t.TempDir(), "main", "not a git repository"},
		{"unknown ref", r.Dir, "no-such-branch", "git merge-base no-such-branch HEAD: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := git.Changed(tc.dir, tc.base)
			var ge *git.Error
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v, want a *git.Error", err)
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %q, want one line containing %q", err, tc.want)
			}
		})
	}

	t.Run("no common ancestor", func(t *testing.T) {
		r.Git("checkout", "-q", "--orphan", "unrelated")
		r.Commit("a history of its own")
		defer r.Git("checkout", "-q", "main")
		_, err := git.Changed(r.Dir, "main")
		if err == nil || !strings.Contains(err.Error(), "main and HEAD have no common ancestor") || !strings.Contains(err.Error(), "fetch-depth: 0") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("git missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := git.Changed(r.Dir, "main")
		if !errors.Is(err, git.ErrNoGit) {
			t.Errorf("err = %v", err)
		}
	})
}
